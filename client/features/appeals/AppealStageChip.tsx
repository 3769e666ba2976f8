import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';

export type AppealStage = 'none' | 'pending_member' | 'under_review' | 'final';

const COLOR = { none: 'default', pending_member: 'warning', under_review: 'info', final: 'default' } as const;

/** The appeal stage in staff terms; the member's own wording belongs only in the notice sent to them. */
export function AppealStageChip({ stage }: { stage: AppealStage }) {
  const { t } = useTranslation();
  return <Chip size="small" label={t(`appeals.stage.${stage}`)} color={COLOR[stage]} data-testid="appeal-stage" />;
}

const STATUS_COLOR = {
  pending_member: 'warning',
  under_review: 'info',
  approved: 'success',
  rejected: 'error',
  expired: 'default',
} as const;

/** What became of the appeal itself: the final stage alone does not say whether it was upheld. */
export function AppealStatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = STATUS_COLOR[status as keyof typeof STATUS_COLOR] ?? 'default';
  return (
    <Chip
      size="small"
      variant="outlined"
      label={t(`appeals.status.${status}`, { defaultValue: status })}
      color={color}
      data-testid="appeal-status"
    />
  );
}
