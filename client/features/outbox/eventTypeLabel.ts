import type { TFunction } from 'i18next';
import type { OutboxEventType } from '../../../shared/api/outbox';

/** `measure.started` → the `outbox.eventType.measure_started` label (i18n keys cannot hold dots). */
export function eventTypeLabel(t: TFunction, type: OutboxEventType): string {
  return t(`outbox.eventType.${type.replace('.', '_')}` as 'outbox.eventType.measure_started');
}
