/**
 * Redaction of a gold case into its training copy: what reviewers see of a known-answer case
 * must not say who it was about. Personal data, as the desk treats it (shared/pii: phone
 * numbers and addresses, shown masked; names and member ids), is replaced by placeholders:
 * - every string the desk knows belongs to the case's people (the subject's id, name, phone
 *   and address; reporters' ids; the names reports gave; the senders in chat evidence);
 * - and, wherever it appears in free text, what looks like one: mainland ID-card numbers,
 *   mobile and landline numbers, e-mail addresses, street addresses, links, and long digit
 *   runs (member, order and account ids).
 * Pure: the server calls it when a lead marks a case as gold, the unit tests call it directly.
 */

export const REDACTED = {
  name: '［姓名已隐去］',
  id: '［编号已隐去］',
  phone: '［电话已隐去］',
  address: '［地址已隐去］',
  email: '［邮箱已隐去］',
  link: '［链接已隐去］',
} as const;

const PATTERNS: [RegExp, string][] = [
  // Mainland resident ID card: 17 digits and a check digit or X.
  [/(?<!\d)\d{17}[\dXx](?![\dXx])/g, REDACTED.id],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, REDACTED.email],
  [/\bhttps?:\/\/\S+/gi, REDACTED.link],
  // Mobile numbers, with or without +86 and separators.
  [/(?:\+?86[\s-]?)?(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g, REDACTED.phone],
  // Landlines: area code and number.
  [/(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, REDACTED.phone],
  // A street address: a run of place words ending in a road, number, building or room.
  [
    /[\u4e00-\u9fa5A-Za-z0-9]{0,20}(?:省|市|区|县|镇|乡|村)[\u4e00-\u9fa5A-Za-z0-9-]{0,30}(?:路|街|道|巷|弄|号|栋|幢|楼|室|单元)(?:[\u4e00-\u9fa5A-Za-z0-9-]{0,12}(?:号|栋|幢|楼|室|单元))*/g,
    REDACTED.address,
  ],
  // Long digit runs: member, order, waybill and account ids.
  [/(?<!\d)\d{7,}(?!\d)/g, REDACTED.id],
];

/** What the desk knows about the case's people, each replaced wherever it appears. */
export interface KnownPersonalData {
  names: (string | null | undefined)[];
  ids: (string | null | undefined)[];
  phones: (string | null | undefined)[];
  addresses: (string | null | undefined)[];
}

function knownReplacements(known: KnownPersonalData): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (values: (string | null | undefined)[], mark: string) => {
    for (const v of values) {
      const t = v?.trim();
      // Single characters would blank out ordinary words.
      if (t && t.length >= 2) pairs.push([t, mark]);
    }
  };
  add(known.addresses, REDACTED.address);
  add(known.phones, REDACTED.phone);
  add(known.names, REDACTED.name);
  add(known.ids, REDACTED.id);
  // Longest first, so a name inside an address does not split the address.
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** A redactor for one case: known strings first, then the patterns. */
export function redactor(known: KnownPersonalData): (text: string) => string {
  const pairs = knownReplacements(known);
  return (text) => {
    let out = text;
    for (const [value, mark] of pairs) out = out.split(value).join(mark);
    for (const [pattern, mark] of PATTERNS) out = out.replace(pattern, mark);
    return out;
  };
}

/** Redacts every string inside a JSON value (typed evidence, reported facts); numbers stay. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}

/** The senders named in chat and logistics evidence: people too. */
export function sendersIn(data: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'from' || k === 'buyer' || k === 'seller' || k === 'name') && typeof x === 'string') found.push(x);
        else walk(x);
      }
    }
  };
  walk(data);
  return found;
}
