import { defaultRulebook, type History, type Standing, standing } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { violationsRepo } from '../db/repositories/violations.repo';

/**
 * The engine's input for a subject: every finding on record, and which were reversed. A finding
 * is recorded (`created_at`) when its decision took effect; a row that somehow predates its
 * violation counts from the violation.
 */
export async function subjectHistory(db: Executor, subjectId: string): Promise<History> {
  const rows = await violationsRepo.forSubject(db, subjectId);
  return {
    violations: rows.map((v) => ({
      id: v.id,
      rule: v.rule,
      at: v.at,
      recordedAt: Date.parse(v.created_at) > Date.parse(v.at) ? v.created_at : v.at,
      facts: JSON.parse(v.facts) as Record<string, unknown>,
    })),
    reversed: rows.filter((v) => v.reversed_at).map((v) => v.id),
  };
}

/** `accounts.standing`: the rulebook engine's verdict on a subject's history at `asOf`. */
export async function subjectStanding(db: Executor, subjectId: string, asOf: Date): Promise<Standing> {
  return standing(await subjectHistory(db, subjectId), asOf, defaultRulebook);
}
