import type { QueueView } from '../../../shared/api/queues';

/** A queue's name in the staff's language (Chinese unless English is chosen). */
export function queueName(queue: Pick<QueueView, 'nameZh' | 'nameEn'>, language: string): string {
  return language.startsWith('en') ? queue.nameEn : queue.nameZh;
}
