/**
 * 1688 (阿里巴巴中国站): its one rule in the seeds, 《不当获取使用信息处理规则》, with 1688's own
 * ledger. docs/RULEBOOK.md "1688" quotes the clauses and gives the readings.
 *
 * The ladder: "将采取公示警告、账户扣分、经营权限管控直至账户关闭等处理" — public warning, account
 * points, business-permission control, up to closing the account. The seed sets no points and no
 * thresholds, so the reviewer picks the rung (`step`) and the points; the rung brings its measure.
 * Points go to 1688's account ledger, which has no nodes: no other platform's node punishments apply.
 */
import { SINCE_RECORDS_BEGIN } from './defaultRulebook';
import { measures as measuresTable } from './measures';
import type { MeasureDefinition, OutcomeCase, Rulebook, RuleDefinition } from './types';

/** The seven situations the seed lists under "未经允许使用、对外披露、共享平台商业信息或他人信息". */
export const IMPROPER_INFO_USE_SITUATIONS = [
  'ordered-elsewhere',
  'foreign-messages',
  'foreign-waybill',
  'foreign-parcel',
  'review-page-disclosure',
  'disclosed-to-others',
  'other-judged',
] as const;

/** The rungs of the ladder, lightest first. */
export const IMPROPER_INFO_USE_STEPS = ['warning', 'points', 'permission-control', 'closure'] as const;

const LADDER = '1688《不当获取使用信息处理规则》“二、平台如何处理该类违规行为？”';

/** Later rungs first: the first case that matches is the finding's tier. */
const ladderCases: OutcomeCase[] = [
  {
    when: { fact: 'step', equals: 'closure' },
    basis: {
      zh: '“……直至账户关闭”：梯度的最后一级，关闭账户；扣分由审核员选择。',
      en: '"... up to account closure": the last rung, the account is closed; points chosen by the reviewer.',
    },
    outcome: 'points',
    points: { fromFact: 'points', default: 0 },
    measures: { fixed: ['account-closed'], fromFact: 'measures' },
  },
  {
    when: { fact: 'step', equals: 'permission-control' },
    basis: {
      zh: '“经营权限管控”：梯度的第三级；扣分由审核员选择。',
      en: '"business-permission control": the third rung; points chosen by the reviewer.',
    },
    outcome: 'points',
    points: { fromFact: 'points', default: 0 },
    measures: { fixed: ['business-permissions-restricted'], fromFact: 'measures' },
  },
  {
    when: { fact: 'points', atLeast: 1 },
    basis: {
      zh: '“账户扣分”：梯度的第二级，分值由审核员选择。',
      en: '"account points": the second rung, points chosen by the reviewer.',
    },
    outcome: 'points',
    points: { fromFact: 'points', default: 0 },
    measures: { fromFact: 'measures' },
  },
  {
    basis: {
      zh: '“公示警告”：梯度的第一级，不扣分。',
      en: '"public warning": the first rung, no points.',
    },
    outcome: 'warning',
    points: 0,
    measures: { fixed: ['public-warning'], fromFact: 'measures' },
  },
];

export const improperInfoUse: RuleDefinition = {
  id: 'improper-info-use',
  name: { zh: '不当获取使用信息', en: 'Improper acquisition or use of information' },
  platform: '1688',
  counting: 'ever',
  facts: {
    situation: {
      type: 'enum',
      values: IMPROPER_INFO_USE_SITUATIONS,
      description: {
        zh: '违规情形（规则列举的七种）：ordered-elsewhere 未经允许利用买家信息在其他平台或店铺下单；foreign-messages 买家收到非下单平台或店铺的物流短信、售后电话；foreign-waybill 运单信息显示来自非下单店铺或平台；foreign-parcel 包裹中或物流面单上有非下单店铺或平台的信息；review-page-disclosure 在评价相关页面未经允许展示买家信息；disclosed-to-others 未经允许向非买家本人披露买家订单信息或个人信息；other-judged 其他经1688平台审慎评估后认定的情形。',
        en: 'Which of the seven listed situations: ordered elsewhere with the buyer’s data; buyer got logistics texts or after-sales calls from another shop or platform; waybill from another shop or platform; parcel or label shows another shop or platform; buyer data shown on review pages; buyer data disclosed to others; another case the platform judged.',
      },
    },
    step: {
      type: 'enum',
      values: IMPROPER_INFO_USE_STEPS,
      description: {
        zh: '处理梯度：warning 公示警告、points 账户扣分、permission-control 经营权限管控、closure 账户关闭（不填：有扣分即扣分，否则公示警告）。',
        en: 'Rung of the ladder: public warning, account points, business-permission control, account closure (absent: points if any, else a public warning).',
      },
    },
    points: {
      type: 'integer',
      min: 0,
      requiredWhen: { fact: 'step', equals: 'points' },
      description: {
        zh: '审核人员选定的账户扣分（默认 0）。',
        en: 'Account points chosen by the reviewer (default 0).',
      },
    },
    measures: {
      type: 'measures',
      description: {
        zh: '审核人员选定的其他措施（本规则所列）。',
        en: 'Further measures chosen by the reviewer (from this rule’s list).',
      },
    },
  },
  versions: [
    {
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: LADDER,
      summary: {
        zh: '通过租借/共享账号、协助第三方扫描系统等方式获取平台商业信息/他人信息，或未经允许发布、传递、出售；按公示警告、账户扣分、经营权限管控直至账户关闭的梯度处理。',
        en: 'Obtaining platform or personal data by renting/sharing accounts or helping third parties scan the system, or using, disclosing or selling it without permission. Handled by the ladder: public warning, account points, business-permission control, up to account closure.',
      },
      ledger: 'account',
      cases: ladderCases,
      measures: ['public-warning', 'business-permissions-restricted', 'account-closed'],
    },
  ],
};

const ownMeasures = ['public-warning', 'business-permissions-restricted', 'account-closed'] as const;

export const alibaba1688Rulebook: Rulebook = {
  id: '1688',
  platform: '1688',
  name: { zh: '1688 平台规则（种子文档）', en: '1688 platform rules (from the seeds)' },
  // 阿里巴巴中国站: Beijing time, as on Taobao.
  utcOffsetMinutes: 480,
  measures: Object.fromEntries(ownMeasures.map((id) => [id, measuresTable[id]])) as Record<
    (typeof ownMeasures)[number],
    MeasureDefinition
  >,
  ledgers: {
    // "账户扣分": the seed names the points but no nodes and no year end; as an Alibaba platform the
    // desk applies Taobao's reset at 24:00 on 31 December (docs/RULEBOOK.md, 1688).
    account: { name: { zh: '账户扣分', en: 'Account points' }, nodes: { kind: 'none' }, yearEnd: {} },
  },
  rules: [improperInfoUse],
  // The seed sets neither; the desk's own policy, as on Taobao.
  appeals: { defaultDays: 7, byRule: {} },
  fourEyes: {
    seriousPoints: true,
    sealing: true,
    measures: ['business-permissions-restricted', 'account-closed'],
    waiveSerious: true,
  },
};
