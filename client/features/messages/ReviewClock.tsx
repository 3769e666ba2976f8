import { useTranslation } from 'react-i18next';
import type { AppealView } from '../../../shared/api/appeals';
import { formatSpan } from '../../lib/duration';

/**
 * How long the appeal has waited for staff, as the server counted it when the page loaded
 * (it stops while the member is asked for evidence and for good once the appeal is ruled on).
 */
export function ReviewClock({ appeal }: { appeal: AppealView }) {
  const { t } = useTranslation();
  const { running, stoppedAt, elapsedMs } = appeal.reviewClock;
  const span = formatSpan(elapsedMs, t);
  const key = running ? 'running' : appeal.stage === 'final' || !stoppedAt ? 'ended' : 'stopped';
  return <span data-testid="review-clock">{t(`messages.clock.${key}`, { span })}</span>;
}
