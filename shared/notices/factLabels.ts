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
  // The other platforms' rules: Xianyu, Kuaishou, 1688.
  controlDays: { zh: '管控天数', en: 'Days of control' },
  scene: { zh: '认定场景', en: 'Scene' },
  situation: { zh: '违规情形', en: 'Situation' },
  step: { zh: '处理梯度', en: 'Step of the ladder' },
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
  // Kuaishou's unfair-competition scenes.
  'exclusive-agreement': { zh: '签订独家供货或排他协议', en: 'Exclusive or bet-on deal with a brand' },
  'claimed-exclusivity': { zh: '公开声称独家合作', en: 'Exclusivity claimed in public' },
  'restrictive-demand': { zh: '要求品牌“二选一”', en: 'Brand made to "choose one of two"' },
  // 1688's situations of improper information use, and the rungs of its ladder.
  'ordered-elsewhere': { zh: '利用买家信息在其他平台或店铺下单', en: 'Ordered elsewhere with buyer data' },
  'foreign-messages': { zh: '买家收到非下单平台或店铺的短信、电话', en: 'Buyer contacted by another shop or platform' },
  'foreign-waybill': { zh: '运单信息来自非下单店铺或平台', en: 'Waybill from another shop or platform' },
  'foreign-parcel': {
    zh: '包裹或面单上有非下单店铺或平台的信息',
    en: 'Parcel or label names another shop or platform',
  },
  'review-page-disclosure': { zh: '在评价页面展示买家信息', en: 'Buyer data shown on review pages' },
  'disclosed-to-others': { zh: '向非买家本人披露买家信息', en: 'Buyer data disclosed to others' },
  'other-judged': { zh: '平台评估认定的其他情形', en: 'Other, as the platform judged' },
  warning: { zh: '公示警告', en: 'Public warning' },
  points: { zh: '账户扣分', en: 'Account points' },
  'permission-control': { zh: '经营权限管控', en: 'Business permissions controlled' },
  closure: { zh: '账户关闭', en: 'Account closed' },
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
