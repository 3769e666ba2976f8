import type { TFunction } from 'i18next';
import type { DsaSubmissionView } from '../../../shared/api/dsa';

/**
 * A submission's last answer as a sentence: the database's own words for a refused field (it
 * answers in English), the desk's for everything else (`timeout`, `network: …`, `interrupted`,
 * `HTTP 503: …`). Empty before the first call.
 */
export function dsaAnswerLabel(t: TFunction, s: DsaSubmissionView): string {
  if (s.status === 'duplicate') return t('dsa.answers.duplicate');
  if (s.status === 'submitted') return t('dsa.answers.created', { status: s.lastStatusCode ?? 201 });
  const error = s.lastError;
  if (!error) return s.lastStatusCode === null ? '' : t('dsa.answers.http', { status: s.lastStatusCode });
  if (error === 'timeout') return t('dsa.answers.timeout');
  if (error === 'interrupted') return t('dsa.answers.interrupted');
  if (error.startsWith('network:')) return t('dsa.answers.network');
  if (/^HTTP \d{3}/.test(error)) return t('dsa.answers.error', { message: error });
  return t('dsa.answers.refused', { message: error });
}
