import {
  SUBJECT_PAGE_SIZE,
  type SubjectOverview,
  type SubjectRecordList,
  type SubjectRecords,
} from '../../shared/api/subjects';
import { notFound } from '../../shared/errors/deskError';
import { maskAddress, maskPhone } from '../../shared/pii/mask';
import { isPlatformId, standing } from '../../shared/rulebook';
import { standingSeries } from '../../shared/subjects/standingSeries';
import type { Executor } from '../db/database';
import { type RelatedRow, relatedSubjectsRepo } from '../db/repositories/relatedSubjects.repo';
import { subjectRecordsRepo } from '../db/repositories/subjectRecords.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import type { SubjectRow } from '../db/tables/subjects.table';
import type { Rulebooks } from '../rulebooks';

interface ReadContext {
  db: Executor;
  rulebooks: Rulebooks;
  clock: { now(): Date };
}

/** `subjects.get`: who the subject is, its standing through the year, everything on file, and who it is tied to. */
export async function subjectOverview(
  ctx: ReadContext,
  input: { id: string; year?: number },
): Promise<SubjectOverview> {
  const subject = await subjectsRepo.find(ctx.db, input.id);
  if (!subject) throw notFound('subject', input.id);
  const now = ctx.clock.now();
  const [history, rulebook, findingCases, cases, decisions, appeals, notices, alerts, messages, related] =
    await Promise.all([
      violationsRepo.historyOf(ctx.db, subject.id),
      ctx.rulebooks.forSubject(ctx.db, subject.id),
      subjectRecordsRepo.findingCases(ctx.db, subject.id),
      pageOf(ctx.db, subject.id, 'cases'),
      pageOf(ctx.db, subject.id, 'decisions'),
      pageOf(ctx.db, subject.id, 'appeals'),
      pageOf(ctx.db, subject.id, 'notices'),
      pageOf(ctx.db, subject.id, 'alerts'),
      pageOf(ctx.db, subject.id, 'messages'),
      relatedSubjects(ctx.db, subject),
    ]);
  const current = standing(history, now, rulebook);
  const series = standingSeries(history, now, rulebook, input.year);
  const inSeries = new Set(series.points.flatMap((p) => (p.finding ? [p.finding] : [])));
  for (const n of series.nodes) inSeries.add(n.finding);
  for (const p of series.punishments) inSeries.add(p.finding);
  return {
    subject: {
      id: subject.id,
      kind: subject.kind,
      name: subject.name,
      platform: platformOf(subject),
      shopLevel: subject.shop_level,
      registeredAt: subject.registered_at,
      createdAt: subject.created_at,
      phoneMasked: subject.phone ? maskPhone(subject.phone) : null,
      addressMasked: subject.address ? maskAddress(subject.address) : null,
    },
    standing: {
      asOf: current.asOf,
      year: current.year,
      sealed: current.sealed,
      points: current.points,
      series,
      findingCases: Object.fromEntries([...findingCases].filter(([id]) => inSeries.has(id))),
    },
    cases: strip(cases),
    decisions: strip(decisions),
    appeals: strip(appeals),
    notices: strip(notices),
    alerts: strip(alerts),
    messages: strip(messages),
    related,
  };
}

/** `subjects.records`: the next page of one of the subject page's lists. */
export async function subjectRecords(
  db: Executor,
  input: { id: string; list: SubjectRecordList; cursor?: number },
): Promise<SubjectRecords> {
  if (!(await subjectsRepo.find(db, input.id))) throw notFound('subject', input.id);
  return recordsPage(db, input.id, input.list, input.cursor);
}

/** The first page of one list, typed as that list's page. */
const pageOf = async <L extends SubjectRecordList>(db: Executor, subjectId: string, list: L) =>
  (await recordsPage(db, subjectId, list)) as Extract<SubjectRecords, { list: L }>;

const strip = <T extends { list: string }>({ list: _, ...page }: T): Omit<T, 'list'> => page;

/** One page of a list; one row more than shown says whether there is a next page. */
async function recordsPage(
  db: Executor,
  subjectId: string,
  list: SubjectRecordList,
  cursor?: number,
): Promise<SubjectRecords> {
  const rows: { id: number }[] = await subjectRecordsRepo[list](db, subjectId, cursor, SUBJECT_PAGE_SIZE + 1);
  // The repository hands out each list's own items; TypeScript cannot tie `list` to its reader.
  return {
    list,
    items: rows.slice(0, SUBJECT_PAGE_SIZE),
    nextCursor: rows.length > SUBJECT_PAGE_SIZE ? (rows[SUBJECT_PAGE_SIZE - 1]?.id ?? null) : null,
  } as SubjectRecords;
}

/** Related subjects with their names; what ties them is masked as the rest of the page's personal data. */
async function relatedSubjects(db: Executor, subject: SubjectRow): Promise<SubjectOverview['related']> {
  const rows = await relatedSubjectsRepo.find(db, subject);
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = `${r.subjectId}\u0000${r.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ids = [...new Set(unique.map((r) => r.subjectId))];
  const known = new Map((await relatedSubjectsRepo.namesOf(db, ids)).map((s) => [s.id, s]));
  return unique.map((r) => ({
    id: r.subjectId,
    name: known.get(r.subjectId)?.name ?? null,
    kind: known.get(r.subjectId)?.kind ?? null,
    via: r.via,
    clue: clueOf(r),
  }));
}

const clueOf = (r: RelatedRow) => (r.via === 'address' ? maskAddress(r.value) : maskPhone(r.value));

/** The subject's platform (`subjects.platform`); null only for a value this release does not know. */
function platformOf(subject: SubjectRow) {
  const platform = 'platform' in subject ? subject.platform : null;
  return isPlatformId(platform) ? platform : null;
}
