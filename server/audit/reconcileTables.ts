import {
  compareRow,
  ExpectedState,
  type Mismatch,
  RECONCILED_ACTIONS,
  RECONCILED_TABLES,
  type ReconciledTable,
} from '../../shared/audit/expectedState';
import type { Executor } from '../db/database';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import { reconcileRepo } from '../db/repositories/reconcile.repo';

const WINDOW = 5000;
/** Listed in full up to this many; the count covers them all. */
export const MAX_LISTED_MISMATCHES = 100;
/** Suspects looked at again after catching up with the trail, at most this many times. */
const SECOND_LOOKS = 3;

export interface Reconciliation {
  mismatches: Mismatch[];
  mismatchCount: number;
  /** The events folded: the trail up to this seq. */
  throughSeq: number;
}

async function fold(db: Executor, state: ExpectedState, afterSeq: number, throughSeq: number): Promise<void> {
  // Windows of sequence numbers: the primary key bounds every read, and memory holds one page.
  for (let from = afterSeq; from < throughSeq; from += WINDOW) {
    const facts = await reconcileRepo.facts(
      db,
      { afterSeq: from, throughSeq: Math.min(from + WINDOW, throughSeq) },
      RECONCILED_ACTIONS,
    );
    for (const fact of facts) state.apply(fact);
  }
}

const key = (m: Pick<Mismatch, 'table' | 'id'>) => `${m.table}\u0000${m.id}`;

/**
 * Folds the trail into the expected decisions, violations, users and cases, then compares every row
 * of those tables with it. Rows and their events commit together, but the tables are read
 * after the trail: a change committed in between would look like a mismatch, so suspects get a
 * second look after catching up with the events appended meanwhile.
 */
export async function reconcileTables(db: Executor): Promise<Reconciliation> {
  const state = new ExpectedState();
  let throughSeq = (await auditEventsRepo.head(db))?.seq ?? 0;
  await fold(db, state, 0, throughSeq);

  let suspects: Mismatch[] = [];
  for (const table of RECONCILED_TABLES) {
    const seen = new Set<string>();
    for await (const page of reconcileRepo.rows(db, table)) {
      for (const row of page) {
        seen.add(row.id);
        if (state.untracked[table].has(row.id)) continue;
        suspects.push(...compareRow(table, row.id, state.rows[table].get(row.id), row.values));
      }
    }
    for (const id of state.rows[table].keys())
      if (!seen.has(id)) suspects.push({ table, id, field: '(row)', expected: 'present', actual: 'absent' });
  }

  for (let look = 0; look < SECOND_LOOKS && suspects.length; look++) {
    const head = (await auditEventsRepo.head(db))?.seq ?? 0;
    if (head === throughSeq) break;
    await fold(db, state, throughSeq, head);
    throughSeq = head;
    suspects = await recheck(db, state, suspects);
  }
  return { mismatches: suspects.slice(0, MAX_LISTED_MISMATCHES), mismatchCount: suspects.length, throughSeq };
}

async function recheck(db: Executor, state: ExpectedState, suspects: Mismatch[]): Promise<Mismatch[]> {
  const byTable = new Map<ReconciledTable, Set<string>>();
  for (const s of suspects) byTable.set(s.table, (byTable.get(s.table) ?? new Set()).add(s.id));
  const still: Mismatch[] = [];
  for (const [table, ids] of byTable) {
    const rows = new Map((await reconcileRepo.byIds(db, table, [...ids])).map((r) => [r.id, r.values]));
    for (const id of ids) {
      if (state.untracked[table].has(id)) continue;
      const actual = rows.get(id);
      const expected = state.rows[table].get(id);
      if (actual) still.push(...compareRow(table, id, expected, actual));
      else if (expected) still.push({ table, id, field: '(row)', expected: 'present', actual: 'absent' });
    }
  }
  const order = new Map(suspects.map((s, i) => [key(s), i]));
  return still.sort((a, b) => (order.get(key(a)) ?? 0) - (order.get(key(b)) ?? 0));
}
