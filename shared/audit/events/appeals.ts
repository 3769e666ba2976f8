import { z } from 'zod';
import { auditEvent, caseStateFields, id, noData } from './define';

/** Appeals against decisions, and what their outcome does to the decision. */
export const appealEvents = {
  'appeal.submitted': auditEvent(
    '提交申诉',
    'Appeal submitted',
    z.strictObject({ ...caseStateFields, appealId: id, decisionId: id, evidence: z.number(), windowEnd: z.string() }),
  ),
  'appeal.resubmitted': auditEvent(
    '补充申诉材料',
    'Appeal resubmitted',
    z.strictObject({ ...caseStateFields, appealId: id, submission: z.number(), evidence: z.number() }),
  ),
  'appeal.claimed': auditEvent('领取申诉', 'Appeal claimed', noData),
  'appeal.evidence_requested': auditEvent(
    '要求补充材料',
    'More evidence requested',
    z.strictObject({ ...caseStateFields, appealId: id, deadline: z.string(), reason: z.string() }),
  ),
  'appeal.expired': auditEvent(
    '申诉补充期满',
    'Appeal expired',
    z.strictObject({ ...caseStateFields, appealId: id, deadline: z.string().nullable() }),
  ),
  'appeal.decided': auditEvent(
    '申诉裁定',
    'Appeal decided',
    z.strictObject({
      ...caseStateFields,
      appealId: id,
      decisionId: id,
      outcome: z.enum(['approved', 'rejected']),
      reason: z.string(),
      reversedViolation: z.string().nullable(),
      reliefViolation: z.string().nullable(),
      falseEvidence: z.boolean(),
      originalDecider: id,
      rule: z.string().nullable(),
    }),
  ),
  'decision.adjusted': auditEvent('调整原决定', 'Decision adjusted', decisionReversed()),
  'decision.overturned': auditEvent('撤销原决定', 'Decision overturned', decisionReversed()),
  'case.false_appeal_evidence': auditEvent(
    '申诉材料不实',
    'False appeal evidence',
    z.strictObject({
      appealId: id,
      decisionId: id,
      decision: z.literal('apply'),
      rule: z.literal('false-appeal-evidence'),
      violationId: z.string(),
      reason: z.string(),
    }),
  ),
};

function decisionReversed() {
  return z.strictObject({
    decisionId: id,
    status: z.enum(['adjusted', 'overturned']),
    previousStatus: z.string(),
    appealId: id,
    reversedViolation: z.string(),
    reliefViolation: z.string().nullable(),
  });
}
