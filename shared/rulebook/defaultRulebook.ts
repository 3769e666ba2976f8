/**
 * The default rulebook: every rule family of the marketplace (docs/MARKETPLACE.md §2–§5) as data.
 * Each row cites the seed it encodes; docs/RULEBOOK.md explains the readings of ambiguous
 * passages. Nothing here is code: the engine interprets it.
 */
import { measures } from './measures';
import type { FactSpec, Ledger, LedgerPolicy, LocalizedText, OutcomeCase, Rulebook, RuleDefinition } from './types';

/**
 * Used as `effectiveFrom` when the seed gives no start date: the rule is in force for every
 * violation the desk can hold.
 */
export const SINCE_RECORDS_BEGIN = '1970-01-01';

/** The date the change to 《淘宝规则》第四十七、六十五条 took effect: "2016年8月2日正式生效". */
export const RIGHTS_ABUSE_SPLIT_DATE = '2016-08-02';

// ---------------------------------------------------------------------------------------------
// Ledgers (《淘宝规则》第四十二、四十三、四十五条).

const seriousLedger: LedgerPolicy = {
  name: { zh: '严重违规', en: 'Serious violations' },
  nodes: {
    kind: 'thresholds',
    nodes: [
      {
        points: 12,
        measures: [
          'shop-shielded',
          'listing-restricted',
          'shop-creation-restricted',
          'site-messages-restricted',
          'community-restricted',
          'public-warning',
        ],
        days: 7,
      },
      {
        points: 24,
        measures: [
          'shop-shielded',
          'items-delisted',
          'listing-restricted',
          'shop-creation-restricted',
          'site-messages-restricted',
          'community-restricted',
          'public-warning',
        ],
        days: 14,
      },
      {
        points: 36,
        measures: ['shop-closed', 'site-messages-restricted', 'community-restricted', 'public-warning'],
        days: 21,
      },
      { points: 48, measures: ['account-sealed'], days: null },
    ],
  },
  // "如果已經到達48分以上,包含48分...你不要抱有任何的清零希望,同時也不會給你解封"
  yearEnd: { keepAtOrAbove: 48 },
};

const generalLedger: LedgerPolicy = {
  name: { zh: '一般违规', en: 'General violations' },
  // "會員因一般違規行為,每扣12分即被給予店鋪屏蔽、限制發布商品及公示警告7天的節點處理"
  nodes: { kind: 'every', step: 12, measures: ['shop-shielded', 'listing-restricted', 'public-warning'], days: 7 },
  yearEnd: {},
};

const counterfeitLedger: LedgerPolicy = {
  name: { zh: '出售假冒商品', en: 'Counterfeits' },
  // The seeds give only the 48-point node for this ledger: "累計扣分達48分及以上的,查封賬戶".
  // The 12/24/36 nodes of 第42條 exclude it: "嚴重違規扣分(除出售假冒商品外)".
  nodes: { kind: 'thresholds', nodes: [{ points: 48, measures: ['account-sealed'], days: null }] },
  // "因出售假冒商品扣分累計達到24分及以上的,該年不進行清零,以24分計入次年;
  //  次年新增出售假冒商品扣分未達24分的,於該年12月31日24時清零。"
  yearEnd: { keepAtOrAbove: 48, carryOver: { atOrAbove: 24, points: 24, clearIfAddedBelow: 24 } },
  // "三振出局": "若同一賣家出售假冒、盜版商品的次數累計達三次的,則將被永久查封賬戶"
  strikes: { limit: 3, measures: ['account-sealed'], counting: 'ever' },
};

const ledgers: Record<Ledger, LedgerPolicy> = {
  general: generalLedger,
  serious: seriousLedger,
  counterfeit: counterfeitLedger,
};

// ---------------------------------------------------------------------------------------------
// Shared pieces.

/** Facts of the rules whose points and measures the reviewer chooses (docs/CONTRACTS.md). */
export const reviewerFacts: Record<string, FactSpec> = {
  points: {
    type: 'integer',
    min: 0,
    description: {
      zh: '审核人员选定的扣分（默认 0：警告）。',
      en: 'Points chosen by the reviewer (default 0: a warning).',
    },
  },
  measures: {
    type: 'measures',
    description: {
      zh: '审核人员从处罚措施表中选定的措施。',
      en: 'Measures chosen by the reviewer, from the measures table.',
    },
  },
};

/** Reviewer-chosen points; without points the finding is a warning carrying the chosen measures. */
export function reviewerChosenCases(source: LocalizedText): OutcomeCase[] {
  return [
    {
      when: { fact: 'points', atLeast: 1 },
      basis: source,
      outcome: 'points',
      points: { fromFact: 'points', default: 0 },
      measures: { fromFact: 'measures' },
    },
    { basis: source, outcome: 'warning', points: 0, measures: { fromFact: 'measures' } },
  ];
}

// ---------------------------------------------------------------------------------------------
// Rules.

const rightsAbuseMeasures = [
  'warning',
  'identity-verification',
  'shop-creation-restricted',
  'site-messages-restricted',
  'listing-restricted',
  'site-login-restricted',
  'im-login-restricted',
  'buyer-actions-restricted',
  'reviews-restricted',
  'reviews-deleted',
  'complaints-restricted',
  'transaction-timeout-extended',
  'orders-closed',
] as const;

/**
 * The kinds of abuse of member rights: the examples of 《滥用会员权利实施细则》 ("包括但不限于以下情形")
 * with the threat split by its means, since 《淘宝规则》第四十三条 singles out malicious reviews and
 * bid-and-not-buy: "若會員因惡意評價或競拍不買被扣分,則在隨後的節點處理中將對其增加限制買家行為的處理".
 */
export const RIGHTS_ABUSE_KINDS = [
  // "以發起投訴、給予差評等手段威脅他人,索取不當利益": by bad reviews (惡意評價) ...
  'malicious-review',
  // ... or by complaints.
  'complaint-extortion',
  // "惡意使用無效的或不準確的收貨地址和(或)收貨人信息,導致賣家無法按時發貨".
  'invalid-address',
  // "利用一個或多個賬戶,在短時間大量拍下商品不付款,導致賣家商品下架" (競拍不買).
  'bid-not-buy',
  'other-abuse',
] as const;

/** The kinds 第四十三条 adds the buyer-action restriction for. */
const BUYER_RESTRICTED_KINDS = ['malicious-review', 'bid-not-buy'] as const;

const buyerRestrictedKind = { any: BUYER_RESTRICTED_KINDS.map((kind) => ({ fact: 'kind', equals: kind })) };

/** Splits a points case: the kinds of 第四十三条 add the buyer-action restriction to the next node. */
function withBuyerRestriction(points: OutcomeCase): OutcomeCase[] {
  const when = points.when ? { all: [points.when, buyerRestrictedKind] } : buyerRestrictedKind;
  return [{ ...points, when, nodeMeasures: ['buyer-actions-restricted'] }, points];
}

/** Reviewer-chosen points (restricting buyer actions for the kinds of 第四十三条) or a warning. */
function art65Cases(basis: LocalizedText): OutcomeCase[] {
  const [points, warning] = reviewerChosenCases(basis) as [OutcomeCase, OutcomeCase];
  return [...withBuyerRestriction(points), warning];
}

const memberRightsAbuse: RuleDefinition = {
  id: 'member-rights-abuse',
  name: { zh: '滥用会员权利', en: 'Abuse of member rights' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    ...reviewerFacts,
    kind: {
      type: 'enum',
      values: RIGHTS_ABUSE_KINDS,
      description: {
        zh: '滥用情形：恶意评价、投诉要挟、无效收货信息、拍下不付款（竞拍不买）或其他；恶意评价与竞拍不买被扣分的，随后的节点处理增加限制买家行为。',
        en: 'Kind of abuse: malicious reviews, extortion by complaints, invalid shipping details, bid-and-not-buy, or other; points for malicious reviews or bid-and-not-buy add a buyer-action restriction to the next node.',
      },
    },
  },
  versions: [
    {
      // Before the split the conduct was the second half of 不當註冊 (old 第六十四條):
      // "或通過已註冊的淘寶賬戶,濫用會員權利損害他人合法權益...每次扣12分", a general violation.
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: '《淘宝规则》变更前 第六十四条 不当注册',
      summary: {
        zh: '2016年8月2日前，滥用会员权利属于“不当注册”（原第六十四条）：一般违规，每次扣12分，对滥用权利导致的订单予以关闭。',
        en: 'Before 2016-08-02 abuse of member rights was part of "improper registration" (old art. 64): a general violation, 12 points per time, orders from the abuse closed.',
      },
      ledger: 'general',
      cases: withBuyerRestriction({
        basis: {
          zh: '按原“不当注册”第六十四条处理：“对滥用权利导致的订单予以关闭，每次扣12分”。',
          en: 'Judged under old art. 64 "improper registration": "orders from the abuse closed, 12 points per time".',
        },
        outcome: 'points',
        points: 12,
        measures: { fixed: ['orders-closed'], fromFact: 'measures' },
      }),
      measures: rightsAbuseMeasures,
    },
    {
      effectiveFrom: RIGHTS_ABUSE_SPLIT_DATE,
      source: '《淘宝规则》第六十五条 滥用会员权利 (公示 2016-07-26, 生效 2016-08-02)',
      summary: {
        zh: '会员不以消费为目的，滥用会员权利损害他人合法权益、妨害淘宝运营秩序；视情节采取警告、身份验证及各项限制，直至查封账户，并返还或收回不当利益。',
        en: 'Not buying to consume but abusing buying, reviews, refunds, complaints or claims to harm others. Warning, identity verification and restrictions up to sealing the account; improper gains recovered.',
      },
      // "將「濫用會員權利」情形設立一條獨立規則,歸屬一般違規行為"
      ledger: 'general',
      // Malicious reviews and bid-and-not-buy (the `kind` fact) add the buyer-action restriction.
      cases: art65Cases({
        zh: '第六十五条未规定分值：分值（默认不扣分，即警告）与措施由审核员选择。',
        en: 'Art. 65 sets no points: points (default none, a warning) and measures chosen by the reviewer.',
      }),
      measures: [...rightsAbuseMeasures, 'account-sealed', 'gains-recovered'],
    },
  ],
};

const improperRegistration: RuleDefinition = {
  id: 'improper-registration',
  name: { zh: '不当注册', en: 'Improper registration' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    accounts: {
      type: 'integer',
      min: 1,
      description: {
        zh: '批量注册的账户数（仅作记录：按次扣分）。',
        en: 'Accounts registered in bulk (informational: points are per time).',
      },
    },
    measures: {
      type: 'measures',
      description: {
        zh: '审核人员对涉嫌不当注册的会员选定的临时性管控措施。',
        en: 'Temporary measures the reviewer chooses for the member suspected of improper registration.',
      },
    },
  },
  versions: [
    {
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: '《淘宝规则》变更前 第六十四条 不当注册 (一般违规)',
      summary: {
        zh: '通过软件、程序等方式大批量注册淘宝账户（或滥用会员权利）：一般违规，每次扣12分，查封批量注册的账户。',
        en: 'Registering accounts in bulk by software (or abusing member rights): general violation, 12 points per time; the bulk-registered accounts are sealed.',
      },
      ledger: 'general',
      cases: [
        {
          basis: {
            zh: '“对使用软件或程序方式大批量注册而成的账户进行查封……每次扣12分”。',
            en: '"the accounts registered in bulk by software are sealed ... 12 points per time".',
          },
          outcome: 'points',
          points: 12,
          measures: { fixed: ['registered-accounts-sealed'], fromFact: 'measures' },
        },
      ],
      measures: [...rightsAbuseMeasures, 'registered-accounts-sealed'],
    },
    {
      effectiveFrom: RIGHTS_ABUSE_SPLIT_DATE,
      source: '《淘宝规则》第四十七条 不当注册 (严重违规, 生效 2016-08-02)',
      summary: {
        zh: '通过软件、程序等方式批量注册淘宝账户：严重违规，每次扣48分，查封账户。',
        en: 'Registering accounts in bulk by software: serious violation, 48 points per time; accounts sealed.',
      },
      // "「不當註冊」規則歸屬嚴重違規行為": 48 serious points reach the 48 node: account sealed.
      // Whom the 48 points and the seal fall on is the rulebook's `bulkRegistrationSeals` reading.
      ledger: 'serious',
      cases: [
        {
          when: { setting: 'bulkRegistrationSeals', equals: 'registered-accounts' },
          basis: {
            zh: '“对使用软件、程序方式批量注册而成的账户每次扣48分”：扣分与查封落在批量注册而成的账户上；对涉嫌不当注册的会员“采取警告、身份验证……等临时性管控措施”。',
            en: '"48 points per time for accounts registered in bulk by software": the points and the seal fall on those accounts; the member suspected gets "warning, identity verification ... temporary measures".',
          },
          outcome: 'warning',
          points: 0,
          measures: { fixed: ['registered-accounts-sealed'], fromFact: 'measures' },
        },
        {
          basis: {
            zh: '“对使用软件、程序方式批量注册而成的账户每次扣48分”。',
            en: '"48 points per time for accounts registered in bulk by software".',
          },
          outcome: 'points',
          points: 48,
          measures: { fixed: ['registered-accounts-sealed'], fromFact: 'measures' },
        },
      ],
      measures: [
        'warning',
        'identity-verification',
        'shop-creation-restricted',
        'site-messages-restricted',
        'listing-restricted',
        'site-login-restricted',
        'im-login-restricted',
        'buyer-actions-restricted',
        'registered-accounts-sealed',
      ],
    },
  ],
};

const counterfeitMeasures = [
  'item-deleted',
  'alipay-enforcement',
  'account-sealed',
  'shop-closed',
  'shop-supervised',
  'orders-closed',
  'shipping-restricted',
  'listing-restricted',
  'site-login-restricted',
  'im-login-restricted',
  'site-messages-restricted',
  'transaction-timeout-extended',
  'shop-shielded',
  'shop-search-demotion',
  'items-supervised',
  'listing-qualification-control',
  'listing-quota-restricted',
  'deposit-frozen',
  'liquidated-damages',
] as const;

const counterfeit: RuleDefinition = {
  id: 'counterfeit',
  name: { zh: '出售假冒商品', en: 'Selling counterfeits' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    kind: {
      type: 'enum',
      values: ['listing', 'sale', 'facilitation'],
      required: true,
      description: {
        zh: '售假情形：信息层面判断、实际出售或提供便利条件。',
        en: 'Listing judged at information level, actual sale, or facilitation.',
      },
    },
    items: {
      type: 'integer',
      min: 1,
      requiredWhen: { fact: 'kind', equals: 'listing' },
      description: {
        zh: '发布的假冒商品件数（信息层面每件扣 2 分）。',
        en: 'Counterfeit items listed (listings: 2 points each).',
      },
    },
    serious: {
      type: 'boolean',
      description: {
        zh: '提供便利条件且情节严重（扣 12 分）。',
        en: 'Facilitation in serious circumstances (12 points).',
      },
    },
    special: {
      type: 'boolean',
      description: { zh: '具备特殊情形：只删除不扣分。', en: 'Special circumstances: deleted without points.' },
    },
  },
  versions: [
    {
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: '《淘宝规则》第五十条(三)(四)',
      summary: {
        zh: '信息层面判断的每件扣2分（3天内不超过12分）；实际出售的每次扣12分；提供便利条件的每次扣2分，情节严重的每次扣12分；具备特殊情形的只删除不扣分。三振出局。',
        en: 'Listings judged at information level: 2 points per item (at most 12 within 3 days); actual sale: 12 per time; facilitation: 2 per time, 12 if serious; special cases deleted without points. Three strikes.',
      },
      ledger: 'counterfeit',
      cases: [
        {
          when: { fact: 'special', equals: true },
          basis: { zh: '“具备特殊情形的，只删除不扣分”。', en: '"special circumstances: deleted without points".' },
          outcome: 'correction',
          points: 0,
          measures: { fixed: ['item-deleted'] },
        },
        {
          when: { fact: 'kind', equals: 'listing' },
          basis: {
            zh: '“通过信息层面判断的，每件扣2分（3天内不超过12分）”。',
            en: '"judged at information level: 2 points per item (at most 12 within 3 days)".',
          },
          outcome: 'points',
          points: { perUnit: 'items', each: 2 },
          cap: { group: 'counterfeit-listing', points: 12, withinDays: 3 },
          measures: { fixed: ['item-deleted'] },
        },
        {
          when: { fact: 'kind', equals: 'sale' },
          basis: {
            zh: '“实际出售的，每次扣12分”；计入三振出局。',
            en: '"actual sale: 12 points per time"; counts as a strike.',
          },
          outcome: 'points',
          points: 12,
          strike: true,
          measures: { fixed: ['item-deleted'] },
        },
        {
          when: {
            all: [
              { fact: 'kind', equals: 'facilitation' },
              { fact: 'serious', equals: true },
            ],
          },
          basis: {
            zh: '“为出售假冒、盗版商品提供便利条件的……情节严重的，每次扣12分”。',
            en: '"facilitating ... in serious circumstances: 12 points per time".',
          },
          outcome: 'points',
          points: 12,
        },
        {
          when: { fact: 'kind', equals: 'facilitation' },
          basis: {
            zh: '“为出售假冒、盗版商品提供便利条件的，每次扣2分”。',
            en: '"facilitating the sale of counterfeits: 2 points per time".',
          },
          outcome: 'points',
          points: 2,
        },
      ],
      measures: counterfeitMeasures,
    },
  ],
};

const unauthorizedProduct: RuleDefinition = {
  id: 'unauthorized-product',
  name: { zh: '发布未经准入商品', en: 'Listing without admission' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    admission: {
      type: 'enum',
      values: ['product', 'seller'],
      required: true,
      description: { zh: '违反的准入要求：商品准入或卖家准入。', en: 'Which admission requirement was breached.' },
    },
    serious: {
      type: 'boolean',
      description: { zh: '情节严重：计入严重违规扣分。', en: 'Serious circumstances: charged to the serious ledger.' },
    },
  },
  versions: [
    {
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: '《淘宝规则》第六十条(一)(二)',
      summary: {
        zh: '违反商品准入要求每次扣6分，违反卖家准入要求每次扣12分；情形严重的视为严重违规，分值相同，并删除该商品。',
        en: 'Product admission breach: 6 points per time; seller admission breach: 12. Serious circumstances count as serious violations with the same points; the item is deleted.',
      },
      ledger: 'general',
      cases: [
        {
          when: {
            all: [
              { fact: 'serious', equals: true },
              { fact: 'admission', equals: 'product' },
            ],
          },
          basis: {
            zh: '“情形严重的，视为严重违规行为，违反商品准入要求每次扣6分……同时淘宝删除该违规商品”。',
            en: '"serious: a serious violation, 6 points per product admission breach ... the item is deleted".',
          },
          outcome: 'points',
          ledger: 'serious',
          points: 6,
          measures: { fixed: ['item-deleted'] },
        },
        {
          when: {
            all: [
              { fact: 'serious', equals: true },
              { fact: 'admission', equals: 'seller' },
            ],
          },
          basis: {
            zh: '“情形严重的，视为严重违规行为……违反卖家准入要求每次扣12分”。',
            en: '"serious: a serious violation ... 12 points per seller admission breach".',
          },
          outcome: 'points',
          ledger: 'serious',
          points: 12,
          measures: { fixed: ['item-deleted'] },
        },
        {
          when: { fact: 'admission', equals: 'product' },
          basis: {
            zh: '“违反商品准入要求每次扣6分，同时淘宝下架或删除该违规商品”。',
            en: '"6 points per product admission breach; the item is delisted or deleted".',
          },
          outcome: 'points',
          points: 6,
          measures: { fixed: ['item-removed'] },
        },
        {
          basis: {
            zh: '“违反卖家准入要求每次扣12分，同时淘宝下架或删除该违规商品”。',
            en: '"12 points per seller admission breach; the item is delisted or deleted".',
          },
          outcome: 'points',
          points: 12,
          measures: { fixed: ['item-removed'] },
        },
      ],
      measures: [
        'item-removed',
        'item-deleted',
        'alipay-enforcement',
        'listing-restricted',
        'listing-quota-restricted',
        'promotion-restricted',
        'shop-shielded',
        'items-supervised',
      ],
    },
  ],
};

const SERIOUS_CIRCUMSTANCES = 'serious-circumstances';
const LARGE_SCALE = 'large-scale';

/** Seed 004's threshold: "違規交易筆數達到96筆以上" / "未達到96筆". */
const MANY_TRANSACTIONS = 96;

const fakeTransaction: RuleDefinition = {
  id: 'fake-transaction',
  name: { zh: '虚假交易', en: 'Fake transactions' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    transactions: {
      type: 'integer',
      min: 0,
      required: true,
      description: { zh: '本次查实的虚假交易笔数。', en: 'Fake transactions found in this occurrence.' },
    },
    items: {
      type: 'strings',
      description: {
        zh: '涉及的商品：每件搜索降权 30 天。',
        en: 'Items involved: each is demoted in search for 30 days.',
      },
    },
    largeScale: {
      type: 'boolean',
      description: {
        zh: '短时间内大规模虚假交易（如十天内两个皇冠）。',
        en: 'Large-scale faking in a short time (e.g. two crowns in ten days).',
      },
    },
    aggravated: {
      type: 'boolean',
      description: {
        zh: '手段恶劣、次数密集、规模巨大、后果严重或逃避监管。',
        en: 'Vicious means, density, scale, grave results or evading supervision.',
      },
    },
    providesService: {
      type: 'boolean',
      description: { zh: '为他人提供虚假交易服务。', en: 'Provides fake-transaction services to others.' },
    },
  },
  versions: [
    {
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: '《淘宝虚假交易认定与处罚细则》',
      summary: {
        zh: '第一、二次：未达96笔仅纠正不扣分，96笔以上一般违规扣12分；第三次：未达96笔扣12分，96笔以上情节严重扣48分；第四次及以上、短期大规模：一般违规扣48分；情节严重累计三次、大规模再犯、特殊情节、提供虚假交易服务：严重违规扣48分（优先）。涉及商品搜索降权30天，滚动计算。',
        en: '1st/2nd: <96 transactions correction only, ≥96 12 general; 3rd: <96 12, ≥96 48 general (serious circumstances); 4th and later, or large-scale: 48 general; three serious-circumstance findings, large-scale again, aggravated, or providing the service: 48 serious (wins). Each item demoted 30 days, rolling.',
      },
      ledger: 'general',
      // Items 1–4 of the seed, most specific first.
      cases: [
        {
          when: { fact: 'largeScale', equals: true },
          basis: {
            zh: '“短期内产生大规模虚假交易行为的，不论次数和笔数均视为情节严重，每次以一般违规行为扣48分”。',
            en: '"large-scale faking in a short time: serious circumstances whatever the count, 48 general points".',
          },
          outcome: 'points',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES, LARGE_SCALE],
        },
        {
          when: { occurrence: { atLeast: 4 } },
          basis: {
            zh: '“第四次以及以上发生虚假交易行为的，不论笔数均视为情节严重，每次以一般违规行为扣48分”。',
            en: '"4th time and later: serious circumstances whatever the count, 48 general points".',
          },
          outcome: 'points',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES],
        },
        {
          when: {
            all: [{ occurrence: { atLeast: 3, atMost: 3 } }, { fact: 'transactions', atLeast: MANY_TRANSACTIONS }],
          },
          basis: {
            zh: '“第三次……违规交易笔数达96笔以上，则会视为情节严重，每次以一般违规行为扣48分”。',
            en: '"3rd time with 96 or more transactions: serious circumstances, 48 general points".',
          },
          outcome: 'points',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES],
        },
        {
          when: { occurrence: { atLeast: 3, atMost: 3 } },
          basis: {
            zh: '“第三次发生虚假交易行为：若违规交易笔数未达96笔，每次将会以一般违规行为扣12分”。',
            en: '"3rd time with fewer than 96 transactions: 12 general points".',
          },
          outcome: 'points',
          points: 12,
        },
        {
          when: { fact: 'transactions', atLeast: MANY_TRANSACTIONS },
          basis: {
            zh: '“第一次或者第二次……违规交易笔数达到96笔以上的，每次以一般违规行为扣12分”。',
            en: '"1st or 2nd time with 96 or more transactions: 12 general points".',
          },
          outcome: 'points',
          points: 12,
        },
        {
          basis: {
            zh: '“第一次或者第二次……未达到96笔，仅对卖家的违规行为进行纠正不扣分”。',
            en: '"1st or 2nd time with fewer than 96 transactions: corrected, no points".',
          },
          outcome: 'correction',
          points: 0,
        },
      ],
      // Item 5 of the seed; "如果賣家同時存在上述第4項和第5項情形的話,則優先執行第5項".
      overrides: [
        {
          when: { tagged: { tag: SERIOUS_CIRCUMSTANCES, atLeast: 3, includeCurrent: true } },
          basis: {
            zh: '“累计三次及以上被认定为‘情节严重’的虚假交易行为”：严重违规扣48分。',
            en: '"found in serious circumstances three or more times": 48 serious points.',
          },
          outcome: 'points',
          ledger: 'serious',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES],
        },
        {
          when: {
            all: [
              { fact: 'largeScale', equals: true },
              { tagged: { tag: LARGE_SCALE, atLeast: 1, includeCurrent: false } },
            ],
          },
          basis: {
            zh: '“违反上述第4项规定之后，再次发生大量虚假交易行为”：严重违规扣48分。',
            en: '"large-scale faking again after item 4": 48 serious points.',
          },
          outcome: 'points',
          ledger: 'serious',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES],
        },
        {
          when: { fact: 'aggravated', equals: true },
          basis: {
            zh: '“存在手段恶劣、行为密集、规模庞大、后果严重、恶意对抗监管等特殊情节的”：严重违规扣48分。',
            en: '"vicious means, density, scale, grave results or evading supervision": 48 serious points.',
          },
          outcome: 'points',
          ledger: 'serious',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES],
        },
        {
          when: { fact: 'providesService', equals: true },
          basis: {
            zh: '“为他人提供虚假交易服务”：严重违规扣48分。',
            en: '"providing fake-transaction services to others": 48 serious points.',
          },
          outcome: 'points',
          ledger: 'serious',
          points: 48,
          tags: [SERIOUS_CIRCUMSTANCES],
        },
      ],
      measures: ['search-demotion'],
      // "給予30天的單個商品淘寶網搜索降權,如某商品發生多次虛假交易的,則搜索降權時間將會滾動計算"
      demotion: { itemsFact: 'items', days: 30, measure: 'search-demotion' },
    },
  ],
};

const falseAppealEvidence: RuleDefinition = {
  id: 'false-appeal-evidence',
  name: { zh: '提供虚假凭证', en: 'False evidence in an appeal' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    points: {
      type: 'integer',
      min: 0,
      description: {
        zh: '不适用：规则已定扣分（首次警告，此后每次 6 分）。',
        en: 'Ignored: the seed fixes the points (a warning, then 6 each).',
      },
    },
    measures: {
      type: 'measures',
      description: { zh: '审核人员选定的其他措施。', en: 'Further measures chosen by the reviewer.' },
    },
  },
  versions: [
    {
      effectiveFrom: SINCE_RECORDS_BEGIN,
      source: '《淘宝虚假交易认定与处罚细则》申诉凭证',
      summary: {
        zh: '提供虚假凭证视为一般违规：首次发生的给予警告，再次及以上的每次扣6分。',
        en: 'False evidence in an appeal is a general violation: a warning the first time, 6 points each time after.',
      },
      ledger: 'general',
      cases: [
        {
          when: { occurrence: { atMost: 1 } },
          basis: { zh: '“首次发生的，给予警告”。', en: '"first time: a warning".' },
          outcome: 'warning',
          points: 0,
          measures: { fixed: ['warning'], fromFact: 'measures' },
        },
        {
          basis: { zh: '“再次及以上的，每次将会扣6分”。', en: '"second time and later: 6 points each".' },
          outcome: 'points',
          points: 6,
          measures: { fromFact: 'measures' },
        },
      ],
      measures: ['warning'],
    },
  ],
};

/**
 * Taobao's rulebook. The 1688 and Kuaishou rules it once carried live in their platforms' own
 * rulebooks (alibaba1688Rulebook.ts, kuaishouRulebook.ts): their findings never touch these ledgers.
 */
export const defaultRulebook: Rulebook = {
  id: 'taobao-family',
  platform: 'taobao',
  name: { zh: '淘宝系平台规则（种子文档）', en: 'Taobao-family platform rules (from the seeds)' },
  utcOffsetMinutes: 480,
  measures,
  ledgers,
  rules: [
    memberRightsAbuse,
    improperRegistration,
    counterfeit,
    unauthorizedProduct,
    fakeTransaction,
    falseAppealEvidence,
  ],
  appeals: {
    // The desk's own default: the seeds set no general appeal window.
    defaultDays: 7,
    // 《淘宝虚假交易认定与处罚细则》: the seller may appeal "收到通知后3天内" (docs/RULEBOOK.md, appeals).
    byRule: { 'fake-transaction': 3 },
    // The desk's own policy: a reporter may contest a dismissal for six months (the floor
    // EU DSA Art. 20(1) sets for notice submitters; docs/MESSAGES.md).
    reporterComplaintDays: 180,
  },
  // The readings of ambiguous clauses this rulebook takes (docs/RULEBOOK.md, "Readings").
  settings: { bulkRegistrationSeals: 'registering-account' },
  fourEyes: {
    // The desk's own policy: every decision that is hard to undo waits for a second person.
    seriousPoints: true,
    sealing: true,
    measures: ['platform-removal', 'liquidated-damages', 'account-banned', 'account-closed'],
    waiveSerious: true,
  },
};

/**
 * The rule ids of the `standing` contract, in the order of docs/CONTRACTS.md: Taobao's rules and
 * the 1688 and Kuaishou rules (each platform's own are `ruleIdsOf(platform)`).
 */
export const DEFAULT_RULE_IDS = [
  'improper-info-use',
  'member-rights-abuse',
  'improper-registration',
  'unfair-competition',
  'counterfeit',
  'unauthorized-product',
  'fake-transaction',
  'false-appeal-evidence',
] as const;
export type DefaultRuleId = (typeof DEFAULT_RULE_IDS)[number];
