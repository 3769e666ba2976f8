/**
 * Buyers' and members' phone numbers and addresses are what 1688《不当获取使用信息处理规则》 is about misusing, so
 * the desk shows them masked; staff reveal one field at a time, with a reason, audited.
 */
export const PII_FIELDS = ['phone', 'address'] as const;
export type PiiField = (typeof PII_FIELDS)[number];

/** 13812345678 → 138****5678; short or odd numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** Keeps the province and city (enough to triage by region), masks the street and number. */
export function maskAddress(address: string): string {
  const city = /^(.*?(省|自治区|特别行政区))?(.*?(市|自治州|地区|盟))/.exec(address);
  if (city?.[0] && city[0].length < address.length) return `${city[0]}****`;
  return address.length > 4 ? `${address.slice(0, 2)}****` : '****';
}

export function maskPii(field: PiiField, value: string): string {
  return field === 'phone' ? maskPhone(value) : maskAddress(value);
}

/** The shortest reason a reveal accepts: one too short to say anything is refused. */
export const MIN_REVEAL_REASON_LENGTH = 4;
