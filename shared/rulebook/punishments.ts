/**
 * The punishments executed while the history is replayed, per ledger, enforcing "only the heaviest
 * is executed" for the punishment that falls due while another of its ledger runs (nodes.ts has the
 * reading). Instants stay numbers until the output.
 */
import { executesOver, isRunning } from './nodes';
import { formatInstant } from './time';
import type { Ledger, MeasureId, Punishment, PunishmentTrigger } from './types';

export interface PunishmentRecord {
  ledger: Ledger;
  node: number;
  measures: MeasureId[];
  fromMs: number;
  untilMs: number | null;
  trigger: PunishmentTrigger;
  finding: string;
  /** Rank against punishments of the same ledger; permanent = Infinity. */
  weight: number;
  supersededBy?: string;
}

export type ExecuteResult =
  | { executed: false }
  /** `dropped`: a punishment replaced at the very instant it started, so never executed. */
  | { executed: true; dropped?: PunishmentRecord };

export class PunishmentLog {
  private readonly records: PunishmentRecord[] = [];
  /** The last ledger-level (node or strike) punishment executed per ledger. */
  private readonly running: Partial<Record<Ledger, PunishmentRecord>> = {};

  /**
   * A node or strike punishment falling due: executed unless a heavier one of its ledger runs;
   * when executed, the running one (lighter or equal) ends at this instant.
   */
  executeHeaviest(candidate: PunishmentRecord): ExecuteResult {
    const current = this.running[candidate.ledger];
    if (!executesOver(candidate, current, candidate.fromMs)) return { executed: false };
    let dropped: PunishmentRecord | undefined;
    if (current && isRunning(current, candidate.fromMs)) {
      if (current.fromMs === candidate.fromMs) {
        this.records.splice(this.records.indexOf(current), 1);
        dropped = current;
      } else {
        current.untilMs = candidate.fromMs;
        current.supersededBy = candidate.finding;
      }
    }
    this.records.push(candidate);
    this.running[candidate.ledger] = candidate;
    return dropped ? { executed: true, dropped } : { executed: true };
  }

  /** A punishment the finding starts by itself; not a node, so outside "heaviest only". */
  addFindingPunishment(record: PunishmentRecord): void {
    this.records.push(record);
  }

  /** Sealed: some permanent punishment applies a sealing measure. */
  sealed(sealingMeasures: ReadonlySet<MeasureId>): boolean {
    return this.records.some((p) => p.untilMs === null && p.measures.some((m) => sealingMeasures.has(m)));
  }

  toOutput(asOfMs: number, offsetMinutes: number): Punishment[] {
    return this.records.map((p) => {
      const out: Punishment = {
        ledger: p.ledger,
        node: p.node,
        measures: p.measures,
        from: formatInstant(p.fromMs, offsetMinutes),
        until: p.untilMs === null ? null : formatInstant(p.untilMs, offsetMinutes),
        trigger: p.trigger,
        finding: p.finding,
        active: p.fromMs <= asOfMs && (p.untilMs === null || asOfMs < p.untilMs),
      };
      if (p.supersededBy !== undefined) out.supersededBy = p.supersededBy;
      return out;
    });
  }
}
