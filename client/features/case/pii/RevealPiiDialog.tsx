import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PiiField } from '../../../../shared/pii/mask';
import { useTRPC } from '../../../lib/trpc';
import { useTranslatedError } from '../../../lib/useTranslatedError';
import { RevealReasonDialog } from './RevealReasonDialog';

/** Asks why, then reveals one of a subject's personal-data fields; the server audits the reveal before answering. */
export function RevealPiiDialog(props: {
  subjectId: string;
  caseId?: number;
  field: PiiField;
  onRevealed(value: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // gcTime 0: the value must not outlive this dialog in the query client's mutation cache.
  const reveal = useMutation(
    trpc.subjects.revealPii.mutationOptions({ gcTime: 0, onSuccess: ({ value }) => props.onRevealed(value) }),
  );
  const error = useTranslatedError(reveal.error);
  return (
    <RevealReasonDialog
      title={props.field === 'phone' ? t('pii.revealPhone') : t('pii.revealAddress')}
      pending={reveal.isPending}
      error={error}
      onSubmit={(reason) =>
        reveal.mutate({ subjectId: props.subjectId, field: props.field, reason, caseId: props.caseId })
      }
      onClose={props.onClose}
    />
  );
}
