/**
 * The QA policy dialog as plain data: the sampling rate as typed and its check (a whole number
 * from 0 to 100, as `qa.setPolicy` takes it), and the input sent.
 */
import { RULE_IDS } from '../../../shared/api/intake';
import type { QaPolicy, QaSetPolicyInput } from '../../../shared/api/qa';

type RuleId = (typeof RULE_IDS)[number];
const isRuleId = (id: string): id is RuleId => (RULE_IDS as readonly string[]).includes(id);

export interface PolicyDraft {
  percent: string;
  alwaysRules: string[];
  alwaysSeals: boolean;
  alwaysSeriousWaivers: boolean;
}

export const EMPTY_POLICY: PolicyDraft = {
  percent: '0',
  alwaysRules: [],
  alwaysSeals: false,
  alwaysSeriousWaivers: false,
};

export function policyDraftOf(policy: QaPolicy | undefined): PolicyDraft {
  if (!policy) return EMPTY_POLICY;
  return {
    percent: String(policy.percent),
    alwaysRules: [...policy.alwaysRules],
    alwaysSeals: policy.alwaysSeals,
    alwaysSeriousWaivers: policy.alwaysSeriousWaivers,
  };
}

/** The rate as a number, or null when it is not a whole number from 0 to 100. */
export function parsePercent(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 100 ? n : null;
}

export function policyInputOf(queueId: string, draft: PolicyDraft): QaSetPolicyInput | null {
  const percent = parsePercent(draft.percent);
  if (percent === null) return null;
  return {
    queueId,
    percent,
    // A stored rule a later rulebook dropped cannot be sent back: saving leaves it out.
    alwaysRules: draft.alwaysRules.filter(isRuleId),
    alwaysSeals: draft.alwaysSeals,
    alwaysSeriousWaivers: draft.alwaysSeriousWaivers,
  };
}
