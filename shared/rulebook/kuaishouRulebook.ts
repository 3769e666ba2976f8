/**
 * Kuaishou (快手): its one rule in the seeds, unfair competition, from the announcement
 * 《快手商家/达人不正当竞争的违规治理公告》. docs/RULEBOOK.md "Kuaishou" quotes the clauses.
 *
 * The announcement names no ledger, no node and no year end: "视违规情节的严重程度、违规次数等情况
 * 综合判定，处扣分、暂停使用购物车、支付违约金、封禁快手账号等处理措施，直至清除平台、终止合作".
 * So points are only tallied in Kuaishou's own ledger, no node punishment of any platform applies,
 * and the only measures are those the reviewer chose (a sealing one closes the account for good).
 */
import { reviewerChosenCases, reviewerFacts, SINCE_RECORDS_BEGIN } from './defaultRulebook';
import { measures as measuresTable } from './measures';
import type { MeasureDefinition, Rulebook, RuleDefinition, RuleVersion } from './types';

/** Kuaishou's campaign against unfair competition: "將於2022年12月17日起,對該行為進行專項治理". */
export const UNFAIR_COMPETITION_CAMPAIGN_DATE = '2022-12-17';

/** The three scenes the announcement lists ("快手平台认定商家/达人'不正当竞争'的场景包括"). */
export const UNFAIR_COMPETITION_SCENES = ['exclusive-agreement', 'claimed-exclusivity', 'restrictive-demand'] as const;

const ownMeasures = ['shopping-cart-suspended', 'liquidated-damages', 'account-banned', 'platform-removal'] as const;

const summary = {
  zh: '与品牌方签订独家供货、对赌或其他排他协议；公开声称独家合作；利用行业地位要求品牌“二选一”。视情节与次数扣分、暂停使用购物车、支付违约金、封禁账号，直至清除平台。',
  en: 'Exclusive supply, bet-on or other exclusive deals with brands; publicly claiming exclusivity; forcing brands to "choose one of two". By severity and count: points, shopping cart suspended, liquidated damages, account banned, up to removal from the platform.',
};

const cases = reviewerChosenCases({
  zh: '“视违规情节的严重程度、违规次数等情况综合判定”：分值与措施由审核员选择。',
  en: '"judged by severity and number of violations": points and measures chosen by the reviewer.',
});

/**
 * Conduct before the campaign: the announcement says the conduct "违反了平台规则" already and that
 * Kuaishou acts "依据《快手小店商户违规管理规则》及《快手小店营销违规管理规则》中'不正当竞争'相关规定",
 * rules older than the campaign. So it is judged, by the same reviewer-chosen scale. A platform
 * that reads the campaign date as the start of the rule deletes this version: the engine then
 * refuses earlier conduct as "not in force before 2022-12-17" (docs/RULEBOOK.md, Kuaishou).
 */
const beforeCampaign: RuleVersion = {
  effectiveFrom: SINCE_RECORDS_BEGIN,
  source: '《快手小店商户违规管理规则》《快手小店营销违规管理规则》“不正当竞争”相关规定（专项治理前）',
  summary,
  ledger: 'violation',
  cases,
  measures: ownMeasures,
};

export const unfairCompetition: RuleDefinition = {
  id: 'unfair-competition',
  name: { zh: '不正当竞争', en: 'Unfair competition' },
  platform: 'Kuaishou',
  counting: 'ever',
  facts: {
    scene: {
      type: 'enum',
      values: UNFAIR_COMPETITION_SCENES,
      description: {
        zh: '认定场景：exclusive-agreement 与品牌方签订独家供货、对赌或其他排他性协议；claimed-exclusivity 通过直播、短视频或其他公开渠道声称独家合作；restrictive-demand 利用行业地位对品牌方提出限制性要求（如“二选一”）。',
        en: 'Scene: an exclusive supply, bet-on or other exclusive deal with a brand; claiming exclusivity in public; using market position to restrict a brand (e.g. "choose one of two").',
      },
    },
    ...reviewerFacts,
  },
  versions: [
    beforeCampaign,
    {
      effectiveFrom: UNFAIR_COMPETITION_CAMPAIGN_DATE,
      source: '快手《【不正当竞争】实施细则》专项治理公告',
      summary,
      ledger: 'violation',
      cases,
      measures: ownMeasures,
    },
  ],
};

export const kuaishouRulebook: Rulebook = {
  id: 'kuaishou',
  platform: 'kuaishou',
  name: { zh: '快手平台规则（种子文档）', en: 'Kuaishou platform rules (from the seeds)' },
  // Kuaishou runs on Beijing time.
  utcOffsetMinutes: 480,
  measures: Object.fromEntries(ownMeasures.map((id) => [id, measuresTable[id]])) as Record<
    (typeof ownMeasures)[number],
    MeasureDefinition
  >,
  ledgers: {
    // No nodes, and no year end: the announcement sets none, and "违规次数" counts every time. The
    // points stand until a finding is reversed (keepAtOrAbove 0 keeps every total whole).
    violation: {
      name: { zh: '违规扣分', en: 'Violation points' },
      nodes: { kind: 'none' },
      yearEnd: { keepAtOrAbove: 0 },
    },
  },
  rules: [unfairCompetition],
  // The seed sets neither; the desk's own policy, as on Taobao.
  appeals: { defaultDays: 7, byRule: {} },
  fourEyes: {
    seriousPoints: true,
    sealing: true,
    measures: ['platform-removal', 'liquidated-damages', 'account-banned'],
    waiveSerious: true,
  },
};
