/**
 * Search demotion per item (《淘宝虚假交易认定与处罚细则》): "給予30天的單個商品淘寶網搜索降權,如某商品發生多次虛假交易的,
 * 則搜索降權時間將會滾動計算" — rolling: an item is demoted on every platform day covered by any
 * finding's window, and touching or overlapping windows read as one demotion. The seed's example:
 * findings on 1, 2 and 10 January → 1 January to 8 February, 39 days.
 */
import { type DayNumber, dayNumberToLocalDate } from './time';
import type { Demotion } from './types';

export interface DemotionWindow {
  item: string;
  /** First demoted platform day: the finding's own day (the seed counts the 1st as day one). */
  firstDay: DayNumber;
  /** Last demoted platform day, inclusive: firstDay + days - 1 (1 Jan + 30 days → 30 Jan). */
  lastDay: DayNumber;
  finding: string;
}

export function demotionWindow(item: string, findingDay: DayNumber, days: number, finding: string): DemotionWindow {
  return { item, firstDay: findingDay, lastDay: findingDay + days - 1, finding };
}

/** Union of the windows per item; output sorted by item, then by first day. */
export function unionDemotions(windows: readonly DemotionWindow[], asOfDay: DayNumber): Demotion[] {
  const byItem = new Map<string, DemotionWindow[]>();
  for (const w of windows) {
    const list = byItem.get(w.item);
    if (list) list.push(w);
    else byItem.set(w.item, [w]);
  }
  const items = [...byItem.keys()].sort(compareStrings);
  const result: Demotion[] = [];
  for (const item of items) {
    const list = (byItem.get(item) ?? [])
      .slice()
      .sort((a, b) => a.firstDay - b.firstDay || compareStrings(a.finding, b.finding));
    let span: { first: number; last: number; findings: string[] } | undefined;
    const flush = () => {
      if (!span) return;
      result.push({
        item,
        from: dayNumberToLocalDate(span.first),
        until: dayNumberToLocalDate(span.last),
        days: span.last - span.first + 1,
        findings: span.findings,
        active: span.first <= asOfDay && asOfDay <= span.last,
      });
    };
    for (const w of list) {
      if (span && w.firstDay <= span.last + 1) {
        span.last = Math.max(span.last, w.lastDay);
        if (!span.findings.includes(w.finding)) span.findings.push(w.finding);
      } else {
        flush();
        span = { first: w.firstDay, last: w.lastDay, findings: [w.finding] };
      }
    }
    flush();
  }
  return result;
}

/** Code-point order: deterministic on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
