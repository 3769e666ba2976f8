import type { PreviewOutput } from '../../shared/api/decisions';
import { approvalReasons } from '../../shared/decisions/fourEyes';
import { DeskError } from '../../shared/errors/deskError';
import {
  defaultRulebook,
  type FindingPreview,
  factsSchema,
  formatIssue,
  type History,
  previewFinding,
} from '../../shared/rulebook';

/** Checks the facts against the rule's declared facts; the first problem names its field. */
export function validateFacts(rule: string, facts: Record<string, unknown>): Record<string, unknown> {
  const definition = defaultRulebook.rules.find((r) => r.id === rule);
  if (!definition)
    throw new DeskError('BAD_REQUEST', 'unknown_rule', `no rule ${rule} in the rulebook`, { field: 'rule' });
  const parsed = factsSchema(definition, defaultRulebook).safeParse(facts);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskError('BAD_REQUEST', 'invalid_facts', issue ? formatIssue(issue) : 'invalid facts', {
      field: ['facts', ...(issue?.path ?? [])].join('.'),
    });
  }
  return parsed.data as Record<string, unknown>;
}

/** The engine's preview of a proposed finding, with a rule-version error turned into a clear 400. */
export function previewProposal(
  history: History,
  proposal: { id: string; rule: string; at: string; facts: Record<string, unknown> },
  now: Date,
): FindingPreview {
  try {
    return previewFinding(history, now, proposal, defaultRulebook);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new DeskError('BAD_REQUEST', 'rule_not_in_force', message, { field: 'violationAt' });
  }
}

/** What the decision panel shows: the preview trimmed to what a reviewer needs, plus four-eyes. */
export function toPreviewOutput(p: FindingPreview, kind: 'apply' | 'waive'): PreviewOutput {
  const slim = (x: FindingPreview['punishments'][number]) => ({
    ledger: x.ledger,
    node: x.node,
    measures: x.measures,
    from: x.from,
    until: x.until,
    trigger: x.trigger,
  });
  return {
    ruleVersion: p.finding.ruleVersion,
    occurrence: p.finding.occurrence,
    basis: p.finding.basis,
    ledger: p.ledger,
    points: p.points,
    outcome: p.outcome,
    pointsBefore: p.pointsBefore,
    pointsAfter: p.pointsAfter,
    crossedNodes: p.crossedNodes,
    nodeOutcome: p.nodeOutcome,
    measures: p.finding.measures,
    punishments: p.punishments.map(slim),
    endedEarly: p.endedEarly.map(slim),
    demotions: p.demotions.map((d) => ({
      item: d.item,
      from: d.from,
      until: d.until,
      days: d.days,
      addedDays: d.addedDays,
    })),
    seals: p.seals,
    approvalReasons: approvalReasons(kind, p),
  };
}
