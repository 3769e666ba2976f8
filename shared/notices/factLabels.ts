import type { LocalizedText } from '../rulebook';

/**
 * What each fact a reviewer records is called, in both languages: the decision form, the
 * rulebook page and the notice sent to the subject all say the same words. A few rules call a
 * shared fact name something narrower (`FACT_LABELS_BY_RULE`).
 */
export const FACT_LABELS = {
  transactions: { zh: '虚假交易笔数', en: 'Fake transactions' },
  items: { zh: '涉及商品 ID', en: 'Item ids involved' },
  largeScale: { zh: '短期内大规模炒作', en: 'Large scale in a short time' },
  aggravated: { zh: '情节恶劣', en: 'Aggravated circumstances' },
  providesService: { zh: '为他人提供虚假交易服务', en: 'Provides fake-transaction services' },
  points: { zh: '扣分', en: 'Points' },
  measures: { zh: '处理措施', en: 'Measures' },
  accounts: { zh: '批量注册的账户数', en: 'Accounts registered in bulk' },
  kind: { zh: '售假情形', en: 'Kind of counterfeiting' },
  serious: { zh: '情节严重', en: 'Serious circumstances' },
  special: { zh: '特殊情形（删除不扣分）', en: 'Special circumstances (deleted, no points)' },
  admission: { zh: '违反的准入要求', en: 'Admission requirement breached' },
} satisfies Record<string, LocalizedText>;

export const FACT_LABELS_BY_RULE = {
  counterfeit: { items: { zh: '假冒商品件数', en: 'Counterfeit items listed' } },
  'member-rights-abuse': { kind: { zh: '滥用会员权利情形', en: 'Kind of abuse of member rights' } },
} satisfies Record<string, Record<string, LocalizedText>>;

/** Names of the values enum facts take. */
export const FACT_VALUE_LABELS = {
  listing: { zh: '发布信息', en: 'Listing' },
  sale: { zh: '实际销售', en: 'Actual sale' },
  facilitation: { zh: '提供便利', en: 'Facilitation' },
  product: { zh: '商品准入', en: 'Product admission' },
  seller: { zh: '卖家准入', en: 'Seller admission' },
  // Abuse of member rights (《滥用会员权利实施细则》; 《淘宝规则》第四十三条 恶意评价、竞拍不买).
  'malicious-review': { zh: '恶意评价（以差评要挟）', en: 'Malicious reviews (threats of bad reviews)' },
  'complaint-extortion': { zh: '以投诉要挟索取不当利益', en: 'Extortion by complaints' },
  'invalid-address': { zh: '恶意使用无效收货信息', en: 'Invalid shipping details' },
  'bid-not-buy': { zh: '拍下不付款（竞拍不买）', en: 'Bid and not buy (orders left unpaid)' },
  'other-abuse': { zh: '其他滥用情形', en: 'Other abuse' },
} satisfies Record<string, LocalizedText>;

type Lang = keyof LocalizedText;
type Table = Record<string, LocalizedText | Record<string, LocalizedText>>;

/** One language's side of a label table, in the shape the i18n resources take. */
export function labelsIn<T extends Table>(
  table: T,
  lang: Lang,
): { [K in keyof T]: T[K] extends LocalizedText ? string : { [F in keyof T[K]]: string } } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    out[key] = isText(value) ? value[lang] : labelsIn(value as Table, lang);
  }
  return out as never;
}

function isText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText).zh === 'string';
}

/** A fact as the subject reads it: `虚假交易笔数：120`, enum values and yes/no spelled out. */
export function factText(rule: string, name: string, value: unknown, lang: Lang): string {
  const byRule = (FACT_LABELS_BY_RULE as Record<string, Record<string, LocalizedText>>)[rule]?.[name];
  const label = byRule ?? (FACT_LABELS as Record<string, LocalizedText>)[name];
  const shown = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
    const named = (FACT_VALUE_LABELS as Record<string, LocalizedText>)[String(v)];
    return named ? named[lang] : String(v);
  };
  const text = Array.isArray(value) ? value.map(shown).join(lang === 'zh' ? '、' : ', ') : shown(value);
  return `${label ? label[lang] : name}${lang === 'zh' ? '：' : ': '}${text}`;
}
