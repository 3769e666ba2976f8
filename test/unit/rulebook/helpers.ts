/** Small builders for rulebook tests: histories read like the seeds' examples. */
import { type Facts, type Rulebook, type Standing, standing, type Violation } from '../../../shared/rulebook';

/** A violation at platform time (UTC+8) `at`, e.g. `2024-01-01T10:00`. */
export function v(id: string, rule: string, at: string, facts: Facts = {}): Violation {
  return { id, rule, at: at.length === 10 ? `${at}T10:00:00+08:00` : `${at}:00+08:00`, facts };
}

export function run(
  violations: Violation[],
  asOf: string,
  options: { reversed?: string[]; rulebook?: Rulebook } = {},
): Standing {
  const asOfIso = asOf.length === 10 ? `${asOf}T23:59:59+08:00` : `${asOf}:00+08:00`;
  return standing({ violations, reversed: options.reversed ?? [] }, asOfIso, options.rulebook);
}

export function finding(s: Standing, id: string) {
  const f = s.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
}

/** Fake transaction shorthand. */
export function fake(id: string, at: string, transactions: number, extra: Facts = {}): Violation {
  return v(id, 'fake-transaction', at, { transactions, items: [], ...extra });
}
