import type { PreviewOutput } from '../../shared/api/decisions';
import { assertRuleOnPlatform } from '../../shared/cases/rulePlatform';
import { findingTiming, previewOfKind } from '../../shared/decisions/previewOfKind';
import { DeskError } from '../../shared/errors/deskError';
import {
  DEFAULT_PLATFORM,
  type FindingPreview,
  factsSchema,
  formatIssue,
  previewFinding,
  type Rulebook,
} from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import type { Rulebooks } from '../rulebooks';

/**
 * The rulebook a finding under `rule` is judged by: the subject's platform's, once the rule is
 * known to be one of that platform's own (`rule_not_on_platform` otherwise, e.g. a case opened
 * under another platform's rule before subjects had platforms).
 */
export async function rulebookForFinding(
  db: Executor,
  rulebooks: Rulebooks,
  subjectId: string,
  rule: string,
): Promise<Rulebook> {
  assertRuleOnPlatform(rule, (await subjectsRepo.platformOf(db, subjectId)) ?? DEFAULT_PLATFORM);
  return rulebooks.forSubject(db, subjectId);
}

/** Checks the facts against the rule's declared facts; the first problem names its field. */
export function validateFacts(
  rulebook: Rulebook,
  rule: string,
  facts: Record<string, unknown>,
): Record<string, unknown> {
  const definition = rulebook.rules.find((r) => r.id === rule);
  if (!definition)
    throw new DeskError('BAD_REQUEST', 'unknown_rule', `no rule ${rule} in the rulebook`, { field: 'rule' });
  const parsed = factsSchema(definition, rulebook).safeParse(facts);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskError('BAD_REQUEST', 'invalid_facts', issue ? formatIssue(issue) : 'invalid facts', {
      field: ['facts', ...(issue?.path ?? [])].join('.'),
    });
  }
  return parsed.data as Record<string, unknown>;
}

/** A finding proposed for a subject: committed at `violationAt`, to go on record at `now`. */
export interface Proposal {
  id: string;
  subjectId: string;
  rule: string;
  violationAt: string;
  facts: Record<string, unknown>;
}

/**
 * The engine's judgement of a proposal on the subject's record as it is now, recorded now: the
 * rule version of the violation time, punishments from the moment it takes effect. Conduct
 * "committed" in the future is refused; a rule not yet in force is a clear 400.
 */
export async function judgeProposal(
  db: Executor,
  rulebook: Rulebook,
  proposal: Proposal,
  now: Date,
): Promise<FindingPreview> {
  if (Date.parse(proposal.violationAt) > now.getTime()) {
    throw new DeskError('BAD_REQUEST', 'violation_in_future', 'the violation time is in the future', {
      field: 'violationAt',
    });
  }
  const history = await violationsRepo.historyOf(db, proposal.subjectId);
  try {
    return previewFinding(
      history,
      now,
      {
        id: proposal.id,
        rule: proposal.rule,
        at: proposal.violationAt,
        recordedAt: now.toISOString(),
        facts: proposal.facts,
      },
      rulebook,
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new DeskError('BAD_REQUEST', 'rule_not_in_force', message, { field: 'violationAt' });
  }
}

/** The preview a decision of `kind` shows for the engine's judgement, with its timing. */
export function previewOf(kind: PreviewOutput['kind'], judged: FindingPreview, rulebook: Rulebook): PreviewOutput {
  const timing = findingTiming(judged.finding.at, judged.finding.recordedAt ?? judged.finding.at, rulebook);
  return previewOfKind(kind, judged, timing, rulebook);
}
