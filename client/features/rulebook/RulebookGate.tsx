import { LinearProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PLATFORM, type PlatformId } from '../../../shared/rulebook/platforms';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { RulebookProvider } from './rulebookContext';

/**
 * Loads a platform's rulebook once (it changes only with a deployment) and provides its lookups
 * to `children`: rule names, measure labels and ledger names outside the rulebook page. Where a
 * subject is judged, pass its platform: its rules, measures and ledgers are that platform's.
 */
export function RulebookGate({
  children,
  platform = DEFAULT_PLATFORM,
  wrap = (content) => content,
}: {
  children: ReactNode;
  platform?: PlatformId;
  /** Frames the progress bar or the error, e.g. in a dialog when the gate is one's content. */
  wrap?(content: ReactNode): ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.rulebook.get.queryOptions({ platform }), staleTime: Number.POSITIVE_INFINITY });
  const errorText = useTranslatedError(query.error);
  if (query.data) return <RulebookProvider view={query.data}>{children}</RulebookProvider>;
  if (errorText) {
    return wrap(
      <LoadErrorAlert onRetry={() => void query.refetch()}>
        {t('rulebook.loadFailed')}: {errorText}
      </LoadErrorAlert>,
    );
  }
  return wrap(<LinearProgress aria-label={t('common.loading')} />);
}
