/**
 * The simulation's export (`GET /api/rulebook/simulations/:jobId.csv`): one row per subject the
 * draft would change, before and after side by side, through the desk's CSV writer (quoting and
 * formula-safe cells). Column names are stable identifiers, like the other staff exports.
 */
import { type CsvColumn, toCsv } from '../metrics/csv';
import type { SubjectImpact } from './simulate';
import type { StandingSummary } from './summary';

const points = (s: StandingSummary) =>
  Object.entries(s.points)
    .map(([ledger, n]) => `${ledger}=${n}`)
    .join('; ');
const activeMeasures = (s: StandingSummary) =>
  [...new Set(s.punishments.filter((p) => p.active).flatMap((p) => p.measures))].sort().join('; ');
const punishments = (s: StandingSummary) =>
  s.punishments.map((p) => `${p.ledger}:${p.node} ${p.from}–${p.until ?? 'permanent'}`).join('; ');
const demotions = (s: StandingSummary) => s.demotions.map((d) => `${d.item} ${d.from}–${d.until}`).join('; ');
const yes = (b: boolean) => (b ? 'yes' : 'no');

const COLUMNS: CsvColumn<SubjectImpact>[] = [
  { header: 'subject_id', value: (r) => r.subjectId },
  { header: 'points_changed', value: (r) => yes(r.changed.points) },
  { header: 'nodes_changed', value: (r) => yes(r.changed.nodes) },
  { header: 'punishments_changed', value: (r) => yes(r.changed.punishments) },
  { header: 'seals_changed', value: (r) => yes(r.changed.seals) },
  { header: 'demotions_changed', value: (r) => yes(r.changed.demotions) },
  { header: 'points_before', value: (r) => points(r.before) },
  { header: 'points_after', value: (r) => points(r.after) },
  { header: 'nodes_before', value: (r) => r.before.nodes.join('; ') },
  { header: 'nodes_after', value: (r) => r.after.nodes.join('; ') },
  { header: 'punishments_before', value: (r) => punishments(r.before) },
  { header: 'punishments_after', value: (r) => punishments(r.after) },
  { header: 'active_measures_before', value: (r) => activeMeasures(r.before) },
  { header: 'active_measures_after', value: (r) => activeMeasures(r.after) },
  { header: 'sealed_before', value: (r) => yes(r.before.sealed) },
  { header: 'sealed_after', value: (r) => yes(r.after.sealed) },
  { header: 'demotions_before', value: (r) => demotions(r.before) },
  { header: 'demotions_after', value: (r) => demotions(r.after) },
];

/** The header line and the rows of one page; `withHeader` false for the pages after the first. */
export function simulationCsv(rows: readonly SubjectImpact[], withHeader: boolean): string {
  const text = toCsv(COLUMNS, rows);
  return withHeader ? text : text.slice(text.indexOf('\r\n') + 2);
}
