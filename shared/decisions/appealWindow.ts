/**
 * The appeal window, the one home of its rules (the server's `appealWindow.ts` only loads what
 * they need). A notice opens a window of the rulebook's days for its rule (`Rulebook.appeals`:
 * fake transactions 3 days, others the platform's default); while an item the finding demoted
 * is still demoted, the window stays open until the demotion ends (《淘宝虚假交易认定与处罚细则》:
 * "降权期间内可申诉", docs/RULEBOOK.md).
 */
import type { Rulebook, Standing } from '../rulebook';
import { addDays, MS_PER_DAY, startOfLocalDate } from '../rulebook/time';

/** Days a subject may appeal a finding of `rule`, counted from the notice. */
export function appealWindowDays(rulebook: Pick<Rulebook, 'appeals'>, rule: string | null): number {
  const { byRule, defaultDays } = rulebook.appeals;
  return (rule !== null && Object.hasOwn(byRule, rule) && byRule[rule]) || defaultDays;
}

/** When the notice's own window closes, for a notice sent at `noticeAt` (ISO). */
export function noticeAppealUntil(rulebook: Pick<Rulebook, 'appeals'>, rule: string | null, noticeAt: string): string {
  return new Date(addDays(Date.parse(noticeAt), appealWindowDays(rulebook, rule))).toISOString();
}

/**
 * Until when a finding can be appealed: the notice's window, or the end of the last platform day
 * an item it demoted stays demoted, whichever is later.
 */
export function appealWindowEnd(
  rulebook: Pick<Rulebook, 'utcOffsetMinutes'>,
  args: { noticeUntil: string; violationId: string; standing: Pick<Standing, 'demotions'> },
): Date {
  let end = Date.parse(args.noticeUntil);
  for (const d of args.standing.demotions) {
    if (!d.active || !d.findings.includes(args.violationId)) continue;
    // A demotion's `until` is the last platform day it runs: it ends when the next day begins.
    const demotedUntil = startOfLocalDate(d.until, rulebook.utcOffsetMinutes) + MS_PER_DAY;
    if (demotedUntil > end) end = demotedUntil;
  }
  return new Date(end);
}
