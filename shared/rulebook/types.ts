/**
 * The rulebook format (rules as data) and the engine's input and output types.
 * A rulebook is plain JSON-compatible data: the admin page lists it, the engine interprets it,
 * and a second platform (Xianyu) is just another value of the same type.
 * docs/RULEBOOK.md explains every field and the seed passage behind it.
 */
import type { PlatformId } from './platforms';
import type { LocalDate } from './time';

export type { LocalDate } from './time';

/** Text in the desk's two languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * Taobao's point ledgers (《淘宝规则》第四十二条): general (一般違規), serious (嚴重違規), counterfeit (售假).
 * Other platforms keep their own (`Rulebook.ledgers`): Xianyu general and serious, 1688 its account
 * points, Kuaishou its violation points.
 */
export const LEDGERS = ['general', 'serious', 'counterfeit'] as const;
export type TaobaoLedger = (typeof LEDGERS)[number];
/** A ledger id: a key of the judging rulebook's `ledgers`. */
export type Ledger = string;

/** What a finding did (the fixed output contract of docs/CONTRACTS.md). */
export const OUTCOMES = ['points', 'correction', 'warning'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A restriction or sanction, e.g. `shop-shielded`. Ids are keys of `Rulebook.measures`. */
export type MeasureId = string;

export interface MeasureDefinition {
  label: LocalizedText;
  /** Applying this measure closes the account for good (sets `sealed`). */
  seals?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Facts: what the reviewer records about a violation, declared per rule so that input
// validation and the decision panel's form are both generated from the rulebook.

export type FactValue = string | number | boolean | readonly string[];

export type FactSpec =
  | {
      type: 'integer';
      min?: number;
      max?: number;
      required?: boolean;
      requiredWhen?: FactEquals;
      description: LocalizedText;
    }
  | { type: 'boolean'; description: LocalizedText }
  | { type: 'enum'; values: readonly string[]; required?: boolean; description: LocalizedText }
  | { type: 'strings'; required?: boolean; description: LocalizedText }
  | { type: 'measures'; description: LocalizedText };

export interface FactEquals {
  fact: string;
  equals: string | number | boolean;
}

// ---------------------------------------------------------------------------------------------
// Conditions: when an outcome case applies. Missing boolean facts read as false.

export type Condition =
  | { fact: string; equals: string | number | boolean }
  | { fact: string; atLeast: number }
  | { fact: string; below: number }
  /** The violation is the n-th of its rule (1-based), counted as the rule's `counting` says. */
  | { occurrence: { atLeast?: number; atMost?: number } }
  /** How many findings of this rule carry `tag`; `includeCurrent` adds the tags the tiers gave this one. */
  | { tagged: { tag: string; atLeast: number; includeCurrent: boolean } }
  /** The platform's reading of an ambiguous clause (`Rulebook.settings`), e.g. whom bulk registration seals. */
  | { setting: RulebookSettingName; equals: string }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/** Points of a case: a constant, per unit of an integer fact, or chosen by the reviewer. */
export type PointsSpec = number | { perUnit: string; each: number } | { fromFact: string; default: number };

/** Measures of a case: fixed, or chosen by the reviewer in a `measures` fact (plus fixed ones). */
export interface MeasuresSpec {
  fixed?: readonly MeasureId[];
  fromFact?: string;
}

/** A punishment started by the finding itself rather than by a ledger node (e.g. Xianyu's ban). */
export interface FindingPunishment {
  measures: readonly MeasureId[];
  /** Days it lasts; a fact the reviewer fills in (with a default); `null` = permanent. */
  days: number | { fromFact: string; default: number } | null;
  /** Only while the ledger total after the finding stays below this (Xianyu: "嚴重違規低於48分"). */
  whileLedgerBelow?: number;
}

/** One row of a rule's tier table. */
export interface OutcomeCase {
  /** Absent: always applies. */
  when?: Condition;
  /** Why this row exists, quoting the seed. Shown in the admin page and returned as `basis`. */
  basis: LocalizedText;
  outcome: Outcome;
  /** Defaults to the version's ledger. */
  ledger?: Ledger;
  points: PointsSpec;
  /**
   * At most `points` from this `group` within any `withinDays` x 24 hours (《淘宝规则》第五十条（三）:
   * "每件扣2分(3天內不超過12分)"). Points above the cap are not charged.
   */
  cap?: { group: string; points: number; withinDays: number };
  measures?: MeasuresSpec;
  /** Labels recorded on the finding for later conditions, e.g. `serious-circumstances`. */
  tags?: readonly string[];
  /** Counts towards the ledger's strike policy (three strikes, 《淘宝规则》第五十条). */
  strike?: boolean;
  punishment?: FindingPunishment;
  /**
   * Added to the next node punishment of the ledger when this case charges points: the version's
   * `nodeMeasures` for only some kinds of the conduct (《淘宝规则》第四十三条: "若會員因惡意評價或競拍不買被扣分").
   */
  nodeMeasures?: readonly MeasureId[];
}

export interface DemotionSpec {
  /** The `strings` fact listing the items involved. */
  itemsFact: string;
  /** Days each finding demotes each item, counting the finding's own platform-local day. */
  days: number;
  measure: MeasureId;
}

/** One version of a rule, in force from `effectiveFrom` (platform-local date) until the next. */
export interface RuleVersion {
  effectiveFrom: LocalDate;
  /** Where it is written: seed and article. */
  source: string;
  summary: LocalizedText;
  /** The ledger charged unless a case says otherwise. */
  ledger: Ledger;
  /** Tiers, first match wins. */
  cases: readonly OutcomeCase[];
  /** Checked after `cases`; the first match replaces the tier (《淘宝虚假交易认定与处罚细则》: "優先執行第5項"). */
  overrides?: readonly OutcomeCase[];
  /** Everything the rule's text lets the platform apply: the reviewer's menu. */
  measures: readonly MeasureId[];
  demotion?: DemotionSpec;
  /** Added to the next node punishment of the ledger this finding charges (《淘宝规则》第四十三条). */
  nodeMeasures?: readonly MeasureId[];
}

export interface RuleDefinition {
  id: string;
  name: LocalizedText;
  /** Platform the rule comes from, e.g. Taobao, 1688, Kuaishou. */
  platform: string;
  /**
   * Which earlier findings of this rule count for "1st, 2nd, 3rd time" and tag counts:
   * `ever` (the whole history given) or `year` (the current platform year only).
   */
  counting: 'ever' | 'year';
  facts: Readonly<Record<string, FactSpec>>;
  /** Sorted by `effectiveFrom`, oldest first. */
  versions: readonly RuleVersion[];
}

// ---------------------------------------------------------------------------------------------
// Ledgers: node punishments and what survives the year.

export interface NodeDefinition {
  /** The ledger total that triggers it. */
  points: number;
  measures: readonly MeasureId[];
  /** `null` = permanent. */
  days: number | null;
}

/** Serious ledger: fixed thresholds (12/24/36/48); general: every `step` points. */
export type NodeScale =
  | { kind: 'thresholds'; nodes: readonly NodeDefinition[] }
  | { kind: 'every'; step: number; measures: readonly MeasureId[]; days: number | null }
  | { kind: 'none' };

/** What happens to a ledger at 24:00 on 31 December, platform time. */
export interface YearEndPolicy {
  /** A total at or above this is kept whole (sealed accounts: "不要抱有任何的清零希望"). */
  keepAtOrAbove?: number;
  /**
   * Counterfeit carry-over (《淘宝规则》第四十五条): a total of at least `atOrAbove` carries `points`
   * into the next year; a year that began with carried points clears at its end when the points
   * it added itself stay below `clearIfAddedBelow`.
   */
  carryOver?: { atOrAbove: number; points: number; clearIfAddedBelow: number };
}

export interface StrikePolicy {
  /** The strike that seals: "次數累計達三次的,則將被永久查封賬戶". */
  limit: number;
  measures: readonly MeasureId[];
  /** Strikes are counted over the whole history (`ever`) or per platform year. */
  counting: 'ever' | 'year';
}

export interface LedgerPolicy {
  name: LocalizedText;
  nodes: NodeScale;
  yearEnd: YearEndPolicy;
  strikes?: StrikePolicy;
}

// ---------------------------------------------------------------------------------------------
// Desk policy: how the desk applies the rules (appeals, second reviewers), a platform's choice.

/** How long a subject may appeal a finding, counted from the notice. */
export interface AppealPolicy {
  /** Days for every rule not listed in `byRule`. */
  defaultDays: number;
  /** Rules whose text sets its own window, by rule id. */
  byRule: Readonly<Record<string, number>>;
  /**
   * Days a reporter may contest the dismissal of their report, counted from the outcome notice;
   * absent: this rulebook gives reporters no such appeal (their notice then says none).
   */
  reporterComplaintDays?: number;
}

/**
 * Four-eyes: which decisions wait for a second person before they take effect. An admin can
 * tighten or loosen it per platform by editing the rulebook.
 */
export interface FourEyesPolicy {
  /** Any points on the serious ledger. */
  seriousPoints: boolean;
  /** A decision that closes the account for good. */
  sealing: boolean;
  /** Measures that always need a second person. */
  measures: readonly MeasureId[];
  /** Waiving a finding that would charge serious points. */
  waiveSerious: boolean;
}

/**
 * A platform's choices where a clause reads two ways (docs/RULEBOOK.md, "Readings"), as values a
 * rule's conditions can test. The other such choices are fields of their own: whether occurrences
 * restart each year (`RuleDefinition.counting`), whether strikes do (`StrikePolicy.counting`), and
 * whether a ledger at 48 or more survives the year end (`YearEndPolicy.keepAtOrAbove`).
 */
export const RULEBOOK_SETTING_VALUES = {
  /**
   * 《淘宝规则》第四十七条 "對使用軟件、程序方式批量註冊而成的賬戶每次扣48分": `registering-account`
   * charges the 48 points to the member who registered in bulk (the subject, sealed at the 48 node)
   * and seals the accounts it registered; `registered-accounts` seals only those accounts, and the
   * member gets the "臨時性管控措施" the reviewer chooses, without points.
   */
  bulkRegistrationSeals: ['registering-account', 'registered-accounts'],
} as const;
export type RulebookSettingName = keyof typeof RULEBOOK_SETTING_VALUES;
export type RulebookSettings = { [K in RulebookSettingName]: (typeof RULEBOOK_SETTING_VALUES)[K][number] };

/** The readings a rulebook that says nothing applies. */
export const DEFAULT_RULEBOOK_SETTINGS: RulebookSettings = { bulkRegistrationSeals: 'registering-account' };

export interface Rulebook {
  id: string;
  /** The platform whose rules these are: its subjects are judged by this rulebook only. */
  platform: PlatformId;
  name: LocalizedText;
  /**
   * Offset of platform time from UTC, minutes (480 = UTC+8). The one definition of the
   * platform's clock: the engine, the server's dates and the client's displays all read it.
   */
  utcOffsetMinutes: number;
  measures: Readonly<Record<MeasureId, MeasureDefinition>>;
  /** The platform's ledgers, in the order the standing lists them. Every finding charges one of these. */
  ledgers: Readonly<Record<Ledger, LedgerPolicy>>;
  rules: readonly RuleDefinition[];
  appeals: AppealPolicy;
  fourEyes: FourEyesPolicy;
  /** Readings of ambiguous clauses; absent ones are `DEFAULT_RULEBOOK_SETTINGS`. */
  settings?: Partial<RulebookSettings>;
}

// ---------------------------------------------------------------------------------------------
// Engine input (the contract of docs/CONTRACTS.md).

export type Facts = Readonly<Record<string, unknown>>;

export interface Violation {
  id: string;
  rule: string;
  /** When it was committed (ISO 8601; without an offset it is platform time): picks the rule version. */
  at: string;
  /**
   * When the finding went on record (its decision took effect). Node punishments, demotions,
   * caps and the ledger year count from here. Defaults to `at`.
   */
  recordedAt?: string;
  facts: Facts;
}

/**
 * The life of a violation on the platform (《淘宝规则》, 违规处理流程): "待您處理的違規" (`pending`: the
 * member may appeal, edit, delist or delete), "小二審核中的違規" (`review`: "如果申訴通過,記錄會自動清除")
 * and "違規記錄" (`record`: "到第三步就不能撤銷了").
 */
export const VIOLATION_STAGES = ['pending', 'review', 'record'] as const;
export type ViolationStage = (typeof VIOLATION_STAGES)[number];

/** A violation withdrawn at a stage where the platform still lets it go (`pending` or `review`). */
export interface StagedReversal {
  id: string;
  stage: ViolationStage;
}

/**
 * One reversal: a bare id is an appeal upheld through the desk's own appeal path, which may
 * reverse a finding at any stage; `{id, stage}` is a reversal at that stage, refused on the record.
 */
export type Reversal = string | StagedReversal;

export interface History {
  /**
   * The platform the subject trades on; its rulebook judges the history. Absent: the rule ids
   * decide it (`platformOfHistory`), and a history mixing platforms is refused.
   */
  platform?: PlatformId;
  violations: readonly Violation[];
  /** Violations removed with everything they triggered (upheld appeals, or withdrawn before the record). */
  reversed?: readonly Reversal[];
}

/** The CLI/API input: a history and the instant to judge it at. */
export interface StandingInput extends History {
  asOf: string;
}

// ---------------------------------------------------------------------------------------------
// Engine output. The first fields of each object are the fixed contract of docs/CONTRACTS.md; the rest are extras.

export type NodeOutcome = 'none' | 'executed' | 'absorbed';

export interface Finding {
  id: string;
  ledger: Ledger;
  /** Points actually charged (after any cap). */
  points: number;
  outcome: Outcome;
  rule: string;
  at: string;
  /** When it went on record; present only when the input gave one. */
  recordedAt?: string;
  /** Platform year the finding counts in (the year it was recorded). */
  year: number;
  /** `effectiveFrom` of the version that judged it. */
  ruleVersion: LocalDate;
  /** n-th violation of its rule, as the rule's `counting` counts. */
  occurrence: number;
  measures: MeasureId[];
  tags: string[];
  basis: LocalizedText;
  /** Points the tier asked for before a cap cut them. */
  uncappedPoints?: number;
  /** Node thresholds this finding's points crossed. */
  crossedNodes: number[];
  /** Whether the heaviest crossed node was executed or absorbed by a running heavier one. */
  nodeOutcome: NodeOutcome;
  /** Strike number when the finding is a strike. */
  strike?: number;
}

export type PunishmentTrigger = 'node' | 'strikes' | 'finding';

export interface Punishment {
  ledger: Ledger;
  /** Points threshold for `node`; strike count for `strikes`; 0 for `finding`. */
  node: number;
  measures: MeasureId[];
  from: string;
  /** `null` = permanent. A punishment superseded by a heavier one ends when that one starts. */
  until: string | null;
  trigger: PunishmentTrigger;
  /** The finding that set it off. */
  finding: string;
  /** Running at `asOf`. */
  active: boolean;
  /** The finding whose heavier node replaced this one (《淘宝规则》第四十三条: "僅執行最重的節點處理"). */
  supersededBy?: string;
}

export interface Demotion {
  item: string;
  /** Platform-local dates, both inclusive. */
  from: LocalDate;
  until: LocalDate;
  days: number;
  /** Findings whose windows make up this span. */
  findings: string[];
  active: boolean;
}

export interface ExcludedViolation {
  id: string;
  /**
   * `other-platform`: the violation's rule is another platform's, so it moves none of this
   * platform's ledgers (a record kept from before subjects had one platform each).
   */
  reason: 'reversed' | 'after-as-of' | 'other-platform';
  /** The stage a reversal applied to, when the input said (`reversed: [{id, stage}]`). */
  stage?: ViolationStage;
}

export interface Standing {
  asOf: string;
  /** Ledger totals in the platform year of `asOf` (carried counterfeit points included), in the rulebook's ledger order. */
  points: Record<Ledger, number>;
  findings: Finding[];
  punishments: Punishment[];
  demotions: Demotion[];
  sealed: boolean;
  year: number;
  /** Strike counts of ledgers that have a strike policy. */
  strikes: Partial<Record<Ledger, number>>;
  /** Points carried into the year of `asOf` from the year before, per ledger. */
  carried: Record<Ledger, number>;
  excluded: ExcludedViolation[];
  rulebook: string;
  /** The platform whose rulebook judged the history (last, so Taobao's output reads as before). */
  platform: PlatformId;
}
