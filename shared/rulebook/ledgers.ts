/**
 * Ledger balances and what happens to them at 24:00 on 31 December, platform time
 * (《淘寶規則》第45條: "違規扣分在每年的12月31日24時清零").
 */
import type { Ledger, LedgerPolicy, YearEndPolicy } from './types';

export interface LedgerBalance {
  /** Points standing in the ledger now, carried points included. */
  total: number;
  /** Points this year started with (carried over or kept). */
  carried: number;
}

export type Balances = Record<Ledger, LedgerBalance>;

/** A zero balance for each of the rulebook's ledgers, in their order. */
export function emptyBalances(policies: Readonly<Record<Ledger, LedgerPolicy>>): Balances {
  const balances: Balances = {};
  for (const ledger of Object.keys(policies)) balances[ledger] = { total: 0, carried: 0 };
  return balances;
}

/**
 * The balance the next year starts with.
 * - A total at or above `keepAtOrAbove` is kept whole: a sealed account stays sealed
 *   ("48分及以上...店繼續封著"; serious: "不要抱有任何的清零希望").
 * - Counterfeit carry-over: a year that started with carried points clears when the points it
 *   added itself stay below `clearIfAddedBelow` ("次年新增出售假冒商品扣分未達24分的,於該年12月31日
 *   24時清零"), whatever the sum; otherwise a total of at least `atOrAbove` carries `points`
 *   ("累計達到24分及以上的...以24分計入次年").
 * - Everything else resets to 0.
 */
export function closeYear(balance: LedgerBalance, policy: YearEndPolicy): LedgerBalance {
  const { total, carried } = balance;
  if (policy.keepAtOrAbove !== undefined && total >= policy.keepAtOrAbove) return { total, carried: total };
  const carry = policy.carryOver;
  if (carry) {
    const added = total - carried;
    if (carried > 0 && added < carry.clearIfAddedBelow) return { total: 0, carried: 0 };
    if (total >= carry.atOrAbove) {
      const points = Math.min(total, carry.points);
      return { total: points, carried: points };
    }
  }
  return { total: 0, carried: 0 };
}

export function closeYearForAll(balances: Balances, policies: Readonly<Record<Ledger, LedgerPolicy>>): Balances {
  const next = emptyBalances(policies);
  for (const [ledger, policy] of Object.entries(policies)) {
    next[ledger] = closeYear(balances[ledger] ?? { total: 0, carried: 0 }, policy.yearEnd);
  }
  return next;
}
