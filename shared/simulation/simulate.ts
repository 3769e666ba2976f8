/**
 * Impact simulation (docs/SIMULATION.md): the standing of each subject under the live rulebook
 * and under a draft, at one instant, and what differs. Pure: the server feeds it subjects chunk
 * by chunk and stores what it returns; nothing here writes a standing.
 */
import { standing } from '../rulebook/standing';
import type { History, Rulebook } from '../rulebook/types';
import {
  anyChanged,
  CHANGE_ASPECTS,
  type ChangeAspect,
  type ChangedFlags,
  compareSummaries,
  type StandingSummary,
  summarize,
} from './summary';

export interface SimulatedSubject {
  subjectId: string;
  history: History;
}

export interface SubjectImpact {
  subjectId: string;
  before: StandingSummary;
  after: StandingSummary;
  changed: ChangedFlags;
}

/** How many subjects changed, in all and per aspect. */
export type ChangeCounts = { subjects: number } & Record<ChangeAspect, number>;

export function zeroCounts(): ChangeCounts {
  return { subjects: 0, points: 0, nodes: 0, punishments: 0, seals: 0, demotions: 0 };
}

/** Adds `more` into `into` (the server sums chunk by chunk). */
export function addCounts(into: ChangeCounts, more: ChangeCounts): ChangeCounts {
  into.subjects += more.subjects;
  for (const aspect of CHANGE_ASPECTS) into[aspect] += more[aspect];
  return into;
}

/** One subject judged both ways. Throws `RulebookError` when either rulebook cannot judge its history. */
export function simulateSubject(
  subject: SimulatedSubject,
  live: Rulebook,
  draft: Rulebook,
  asOf: string | Date,
): SubjectImpact {
  const before = summarize(standing(subject.history, asOf, live));
  const after = summarize(standing(subject.history, asOf, draft));
  return { subjectId: subject.subjectId, before, after, changed: compareSummaries(before, after) };
}

/**
 * Every subject judged both ways: the counts, and the impacts of the subjects that changed
 * (an unchanged subject has nothing to show, and 100,000 of them would be mostly that).
 */
export function simulate(
  subjects: Iterable<SimulatedSubject>,
  live: Rulebook,
  draft: Rulebook,
  asOf: string | Date,
): { processed: number; changed: ChangeCounts; impacts: SubjectImpact[] } {
  const changed = zeroCounts();
  const impacts: SubjectImpact[] = [];
  let processed = 0;
  for (const subject of subjects) {
    processed++;
    // Nothing on record: both rulebooks leave it with empty ledgers, whatever the draft says.
    if (subject.history.violations.length === 0) continue;
    const impact = simulateSubject(subject, live, draft, asOf);
    if (!anyChanged(impact.changed)) continue;
    impacts.push(impact);
    changed.subjects++;
    for (const aspect of CHANGE_ASPECTS) if (impact.changed[aspect]) changed[aspect]++;
  }
  return { processed, changed, impacts };
}
