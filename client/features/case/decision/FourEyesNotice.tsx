import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/formatList';
import { useLocalized, useRulebook } from '../../rulebook/rulebookContext';
import { approvalReasonText } from './approvalReasonText';

/** Says that a second person must approve before the decision takes effect, and why. */
export function FourEyesNotice({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  const reasonsText = useApprovalReasonsText();
  if (reasons.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="four-eyes-notice">
      {t('fourEyes.notice', { reasons: reasonsText(reasons) })}
    </Alert>
  );
}

/** Several four-eyes reasons as one phrase of the staff's language. */
export function useApprovalReasonsText(): (reasons: readonly string[]) => string {
  const { i18n } = useTranslation();
  const reasonText = useApprovalReasonText();
  return (reasons) => formatList(reasons.map(reasonText), i18n.language);
}

export function useApprovalReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  const { measures } = useRulebook();
  const localized = useLocalized();
  return (reason) =>
    approvalReasonText(reason, t, (id) => {
      const m = measures.get(id);
      return m ? localized(m.label) : id;
    });
}
