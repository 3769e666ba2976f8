import type { CaseDetail } from '../../../../shared/api/caseDetail';
import { formatPlatformTime } from '../../../lib/platformTime';

export type EvidenceItem = CaseDetail['evidence'][number];

/** Sizes as staff read them: bytes, KB or MB (powers of 1024, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Times inside evidence are as the source wrote them: shown in platform time when they are
 * ISO 8601 with a zone, otherwise verbatim (a waybill's "2024-03-02 09:12" is already local).
 */
export function formatEvidenceTime(value: string, locale: string): string {
  const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
  return isoWithZone && !Number.isNaN(Date.parse(value)) ? formatPlatformTime(value, locale) : value;
}

export function formatMoney(amount: number, currency: string | undefined, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'CNY' }).format(amount);
}

export const isImage = (item: EvidenceItem) => Boolean(item.contentUrl && item.contentType?.startsWith('image/'));
export const isTextFile = (item: EvidenceItem) =>
  Boolean(item.contentUrl && (item.contentType?.startsWith('text/') || item.contentType === 'application/json'));
