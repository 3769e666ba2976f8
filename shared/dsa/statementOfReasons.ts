import type { CaseDecidedPayload } from '../audit/caseDecided';
import type { ReportSource, SubjectKind } from '../cases/enums';
import { defaultRulebook } from '../rulebook/defaultRulebook';
import { PLATFORM_NAMES, type PlatformId } from '../rulebook/platforms';
import { MEASURE_RESTRICTIONS } from './measureRestrictions';
import { DSA_RULE_CLASSIFICATION, type RuleClassification } from './ruleCategories';
import {
  ACCOUNT_SEVERITY,
  EU_COUNTRY_CODES,
  MONETARY_SEVERITY,
  PROVISION_SEVERITY,
  type SorAccount,
  type SorMonetary,
  type SorProvision,
  type SorSourceType,
  type SorVisibility,
  type StatementOfReasons,
} from './sorSchema';

export interface StatementOptions {
  /** Member states where the restriction applies; the whole EU unless told otherwise. */
  territorialScope?: readonly string[];
  /** Link to the published platform rules (`decision_ground_reference_url`). */
  rulesUrl?: string;
  /** ISO 639-1 code of the restricted content; the platform's content is Chinese. */
  contentLanguage?: string;
  /** The platform's offset from UTC (its rulebook's), which dates the decision; the default rulebook's if absent. */
  utcOffsetMinutes?: number;
}

/** Field limits of the submission schema. */
const LIMITS = { short: 500, explanation: 2000, facts: 5000 } as const;

/** A notice from a user is an Art. 16 notice; spot checks and detection are our own initiative. */
const SOURCE_TYPES: Record<ReportSource, SorSourceType> = {
  user_report: 'SOURCE_ARTICLE_16',
  spot_check: 'SOURCE_VOLUNTARY',
  system_detection: 'SOURCE_VOLUNTARY',
};

/** Merchants, brands and creators (live-stream sellers) trade on the platform; buyers do not. */
const ACCOUNT_TYPES: Record<SubjectKind, StatementOfReasons['account_type']> = {
  merchant: 'ACCOUNT_TYPE_BUSINESS',
  brand: 'ACCOUNT_TYPE_BUSINESS',
  creator: 'ACCOUNT_TYPE_BUSINESS',
  buyer: 'ACCOUNT_TYPE_PRIVATE',
};

/**
 * A `case.decided` payload as a DSA statement of reasons, or null when the decision restricts
 * nothing (waived, dismissed, or only a warning): Art. 17 asks for a statement per restriction.
 * Pure: the same decision always gives the same statement, puid included.
 */
export function toStatementOfReasons(
  decision: CaseDecidedPayload,
  options: StatementOptions = {},
): StatementOfReasons | null {
  if (decision.decision !== 'apply') return null;
  const restrictions = restrictionsOf(decision.measures);
  if (!restrictions) return null;

  const rule = classificationOf(decision.rule);
  const date = platformDate(decision.decidedAt, options.utcOffsetMinutes);
  const statement: StatementOfReasons = {
    ...restrictions,
    account_type: ACCOUNT_TYPES[decision.subjectKind],
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: clip(
      `${rulesName(decision.subjectPlatform)}, ${decision.rule} (rulebook version ${decision.ruleVersion})`,
      LIMITS.short,
    ),
    incompatible_content_explanation: clip(rule.explanation, LIMITS.explanation),
    incompatible_content_illegal: rule.alsoIllegal ? 'Yes' : 'No',
    content_type: [...rule.contentType],
    category: rule.category,
    category_specification: [...rule.keywords],
    territorial_scope: [...(options.territorialScope ?? EU_COUNTRY_CODES)],
    content_language: options.contentLanguage ?? 'ZH',
    // Decisions do not record when the restricted content was posted; the decision date is the
    // latest it can have been, and the schema requires a date.
    content_date: date,
    application_date: date,
    decision_facts: clip(decision.reason.trim() || rule.explanation, LIMITS.facts),
    source_type: SOURCE_TYPES[decision.source],
    automated_detection: decision.automatedDetection ? 'Yes' : 'No',
    automated_decision: decision.automatedDecision ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
    puid: puidOf(decision),
  };
  if (rule.contentType.includes('CONTENT_TYPE_OTHER'))
    statement.content_type_other = clip(rule.contentTypeOther ?? 'account activity', LIMITS.short);
  if (rule.categoryAddition?.length) statement.category_addition = [...rule.categoryAddition];
  if (rule.keywords.includes('KEYWORD_OTHER'))
    statement.category_specification_other = clip(rule.keywordOther ?? decision.rule, LIMITS.short);
  if (options.rulesUrl) statement.decision_ground_reference_url = clip(options.rulesUrl, LIMITS.short);
  if (decision.subjectPlatform) statement.platform_name = PLATFORM_NAMES[decision.subjectPlatform].en;
  return statement;
}

/**
 * Whose rules were broken: the subject's platform's, by name. A decision recorded before
 * subjects had platforms names none, and keeps the wording it was exported with then.
 */
function rulesName(platform: PlatformId | undefined): string {
  return platform ? `${PLATFORM_NAMES[platform].en} platform rules` : 'Platform rules';
}

type Restrictions = Pick<
  StatementOfReasons,
  | 'decision_visibility'
  | 'decision_visibility_other'
  | 'decision_monetary'
  | 'decision_monetary_other'
  | 'decision_provision'
  | 'decision_account'
>;

/** Folds measures into the four restriction fields; null when none of them restricts anything. */
export function restrictionsOf(measures: readonly string[]): Restrictions | null {
  const visibility = new Set<SorVisibility>();
  const visibilityOther: string[] = [];
  const monetaryOther: string[] = [];
  let monetary: SorMonetary | undefined;
  let provision: SorProvision | undefined;
  let account: SorAccount | undefined;
  for (const measure of measures) {
    const restriction = MEASURE_RESTRICTIONS[measure];
    if (!restriction) {
      visibility.add('DECISION_VISIBILITY_OTHER');
      visibilityOther.push(measure);
    } else if ('visibility' in restriction) {
      visibility.add(restriction.visibility);
    } else if ('monetary' in restriction) {
      monetary = heavier(MONETARY_SEVERITY, monetary, restriction.monetary);
      if (restriction.monetary === 'DECISION_MONETARY_OTHER') monetaryOther.push(measure);
    } else if ('provision' in restriction) {
      provision = heavier(PROVISION_SEVERITY, provision, restriction.provision);
    } else if ('account' in restriction) {
      account = heavier(ACCOUNT_SEVERITY, account, restriction.account);
    }
  }
  const result: Restrictions = {};
  if (visibility.size) result.decision_visibility = [...visibility].sort();
  if (visibilityOther.length) result.decision_visibility_other = clip(visibilityOther.join(', '), LIMITS.short);
  if (monetary) result.decision_monetary = monetary;
  if (monetary === 'DECISION_MONETARY_OTHER')
    result.decision_monetary_other = clip(monetaryOther.join(', '), LIMITS.short);
  if (provision) result.decision_provision = provision;
  if (account) result.decision_account = account;
  return Object.keys(result).length ? result : null;
}

function heavier<T>(order: readonly T[], current: T | undefined, next: T): T {
  return current === undefined || order.indexOf(next) > order.indexOf(current) ? next : current;
}

function classificationOf(rule: string): RuleClassification {
  return (
    DSA_RULE_CLASSIFICATION[rule] ?? {
      category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
      keywords: ['KEYWORD_OTHER'],
      keywordOther: `platform rule ${rule}`,
      contentType: ['CONTENT_TYPE_OTHER'],
      contentTypeOther: 'account activity',
      alsoIllegal: false,
      explanation: `The member breached the platform rule ${rule}.`,
    }
  );
}

/** The decision's calendar date in platform time, YYYY-MM-DD. */
export function platformDate(iso: string, utcOffsetMinutes = defaultRulebook.utcOffsetMinutes): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`decidedAt is not a date: ${iso}`);
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Unique per decision and limited to [A-Za-z0-9_-], as the schema demands. */
export function puidOf(decision: Pick<CaseDecidedPayload, 'caseId' | 'decidedAt'>): string {
  const instant = new Date(Date.parse(decision.decidedAt)).toISOString().replace(/[^0-9TZ]/g, '');
  return `verdict-case-${decision.caseId}-${instant}`;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
