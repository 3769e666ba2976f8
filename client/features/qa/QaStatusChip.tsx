import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QaTaskStatus } from '../../../shared/api/qa';

const COLOURS: Record<QaTaskStatus, ChipProps['color']> = {
  open: 'default',
  taken: 'default',
  agreed: 'success',
  disagreed: 'warning',
  upheld: 'success',
  corrected: 'error',
  reversed: 'error',
};

/** Where a sampled decision's QA check stands, in words (never the status code). */
export function QaStatusChip({ status }: { status: QaTaskStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLOURS[status]}
      label={t(`qa.statuses.${status}`)}
      data-testid="qa-status"
    />
  );
}
