/**
 * Subjects with findings on record for the simulation tests and bench, written straight into
 * the tables (one closed case and one decision per subject carry its findings), in batches.
 */
import type { Db } from '../../server/db/database';
import type { PlatformId, Violation } from '../../shared/rulebook';
import { historyOf, seeded } from './simulationHistories';

export interface SeededSubjects {
  /** The findings of every subject, by subject id (ids sort in creation order: `SIM-000001`…). */
  histories: Map<string, Violation[]>;
}

export const simSubjectId = (n: number) => `SIM-${String(n).padStart(6, '0')}`;

export async function seedSimulationSubjects(
  db: Db,
  args: {
    subjects: number;
    maxViolations: number;
    seed: number;
    decidedBy: number;
    platform?: PlatformId;
    from?: number;
  },
): Promise<SeededSubjects> {
  const random = seeded(args.seed);
  const at = '2026-11-30T00:00:00.000Z';
  const histories = new Map<string, Violation[]>();
  const from = args.from ?? 0;
  const BATCH = 200;
  for (let start = from; start < from + args.subjects; start += BATCH) {
    const ns = Array.from({ length: Math.min(BATCH, from + args.subjects - start) }, (_, i) => start + i);
    const ids = ns.map(simSubjectId);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('subjects')
        .values(
          ids.map((id) => ({
            id,
            kind: 'merchant',
            name: `模拟商家 ${id}`,
            created_at: at,
            platform: args.platform ?? 'taobao',
            shop_level: null,
            registered_at: null,
            phone: null,
            address: null,
          })),
        )
        .execute();
      const cases = await trx
        .insertInto('cases')
        .values(
          ids.map((id) => ({
            subject_id: id,
            rule: 'fake-transaction',
            status: 'final' as const,
            source: 'spot_check' as const,
            summary: '模拟案件',
            priority: 0,
            triage: null,
            closed_at: at,
            split_from: null,
            queue: null,
            assignee_id: null,
            lease_until: null,
            sla_due_at: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning(['id', 'subject_id'])
        .execute();
      const decisions = await trx
        .insertInto('decisions')
        .values(
          cases.map((c) => ({
            case_id: c.id,
            kind: 'apply' as const,
            rule: 'fake-transaction',
            facts: '{}',
            violation_at: at,
            reason: '模拟',
            reason_template: null,
            status: 'effective' as const,
            approval_reasons: null,
            preview: null,
            decided_by: args.decidedBy,
            decided_at: at,
            reviewed_by: null,
            reviewed_at: null,
            review_note: null,
            batch_id: null,
            status_changed_by: null,
            status_changed_at: null,
          })),
        )
        .returning(['id', 'case_id'])
        .execute();
      const decisionOf = new Map(decisions.map((d) => [d.case_id, d.id]));
      const rows = cases.flatMap((c, i) => {
        const n = ns[i] as number;
        const violations = historyOf(n, Math.floor(random() * (args.maxViolations + 1)), random);
        histories.set(c.subject_id, violations);
        return violations.map((v) => ({
          id: v.id,
          subject_id: c.subject_id,
          case_id: c.id,
          decision_id: decisionOf.get(c.id) as number,
          rule: v.rule,
          at: v.at,
          facts: JSON.stringify(v.facts),
          created_at: v.at,
          reversed_at: null,
          reversed_by: null,
        }));
      });
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('violations')
          .values(rows.slice(i, i + 500))
          .execute();
    });
  }
  return { histories };
}
