import { LinearProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../lib/LoadErrorAlert';
import { useTRPC } from '../../lib/trpc';
import { useTranslatedError } from '../../lib/useTranslatedError';
import { RulebookProvider } from './rulebookContext';

/**
 * Loads the rulebook once (it changes only with a deployment) and provides its lookups to
 * `children`: rule names, measure labels and ledger names outside the rulebook page.
 */
export function RulebookGate({
  children,
  wrap = (content) => content,
}: {
  children: ReactNode;
  /** Frames the progress bar or the error, e.g. in a dialog when the gate is one's content. */
  wrap?(content: ReactNode): ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.rulebook.get.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
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
