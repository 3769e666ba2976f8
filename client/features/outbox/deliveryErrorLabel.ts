import type { TFunction } from 'i18next';

const KNOWN = ['timeout', 'refused', 'dns', 'tls', 'blocked_address'] as const;

/**
 * A delivery's last error (`timeout`, `refused`, `dns`, `tls`, `blocked_address`, `http_status 500`)
 * as a sentence; anything older desks stored in free text reads as a plain failure.
 */
export function deliveryErrorLabel(t: TFunction, error: string): string {
  const status = /^http_status (\d{3})$/.exec(error)?.[1];
  if (status) return t('outbox.deliveries.errors.http_status', { status });
  const known = KNOWN.find((k) => k === error);
  return t(`outbox.deliveries.errors.${known ?? 'other'}`);
}
