import { sql } from 'kysely';
import type { LogisticsData } from '../../../shared/api/evidenceData';
import type { Executor } from '../database';
import { fromJson } from '../jsonColumns';

/** Another subject that shares a contact detail with the one asked about, and which detail. */
export interface RelatedRow {
  subjectId: string;
  via: 'phone' | 'address' | 'alert_phone' | 'evidence_sms';
  /** The shared value in full: the service masks it before it leaves the server. */
  value: string;
}

/** Enough to show a handful; the page says "related", not "every related". */
const EACH = 20;
/** SMS senders of the subject's own evidence looked up elsewhere. */
const SENDERS = 5;
/**
 * How many of the newest evidence rows a sender is looked for in. Typed data has no index (it
 * is JSON text), so the look-up reads rows: bounding it by id keeps the page fast on a desk of
 * millions of cases, at the price of missing ties older than the window.
 */
const EVIDENCE_WINDOW = 100_000;

/** `LIKE` matches `value` literally: its wildcards are escaped (with `\`, declared in the query). */
const literal = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Subjects tied to this one by what the desk holds: the same phone or address on file
 * (`subjects`), a phone number in an account-security alert (`security_alerts`, which keeps
 * the number in full), and the SMS sender of a waybill in logistics evidence (typed data of
 * kind `logistics`). Devices are not on file anywhere, so they tie nothing.
 */
export const relatedSubjectsRepo = {
  /** Name and kind of each subject on file among `ids` (an alert may name a subject no case is about yet). */
  namesOf(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('subjects').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
  },
  async find(
    db: Executor,
    subject: { id: string; phone: string | null; address: string | null },
  ): Promise<RelatedRow[]> {
    const alertPhones = (
      await db
        .selectFrom('security_alerts')
        .select('phone')
        .distinct()
        .where('subject_id', '=', subject.id)
        .where('phone', 'is not', null)
        .limit(EACH)
        .execute()
    ).flatMap((r) => (r.phone ? [r.phone] : []));
    const phones = [...new Set([...(subject.phone ? [subject.phone] : []), ...alertPhones])];
    const [samePhone, sameAddress, alertPhone, sms] = await Promise.all([
      phones.length
        ? db
            .selectFrom('subjects')
            .select(['id', 'phone'])
            .where('phone', 'in', phones)
            .where('id', '!=', subject.id)
            .orderBy('id')
            .limit(EACH)
            .execute()
        : [],
      subject.address
        ? db
            .selectFrom('subjects')
            .select(['id', 'address'])
            .where('address', '=', subject.address)
            .where('id', '!=', subject.id)
            .orderBy('id')
            .limit(EACH)
            .execute()
        : [],
      phones.length
        ? db
            .selectFrom('security_alerts')
            .select(['subject_id', 'phone'])
            .distinct()
            .where('phone', 'in', phones)
            .where('subject_id', '!=', subject.id)
            .orderBy('subject_id')
            .limit(EACH)
            .execute()
        : [],
      relatedBySmsSender(db, subject.id),
    ]);
    return [
      ...samePhone.map((r) => ({ subjectId: r.id, via: 'phone' as const, value: r.phone ?? '' })),
      ...sameAddress.map((r) => ({ subjectId: r.id, via: 'address' as const, value: r.address ?? '' })),
      ...alertPhone.map((r) => ({ subjectId: r.subject_id, via: 'alert_phone' as const, value: r.phone ?? '' })),
      ...sms,
    ];
  },
};

/** Subjects whose waybill evidence shows an SMS from a sender that also texted this subject's buyers. */
async function relatedBySmsSender(db: Executor, subjectId: string): Promise<RelatedRow[]> {
  const own = await db
    .selectFrom('evidence')
    .innerJoin('cases', 'cases.id', 'evidence.case_id')
    .select('evidence.structured')
    .where('cases.subject_id', '=', subjectId)
    .where('evidence.kind', '=', 'logistics')
    .where('evidence.structured', 'is not', null)
    .limit(50)
    .execute();
  const senders = new Set<string>();
  for (const row of own)
    for (const sms of fromJson<LogisticsData>(row.structured ?? '{}').sms ?? []) senders.add(sms.from);
  if (senders.size === 0) return [];
  const newest = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const since = Number(newest?.id ?? 0) - EVIDENCE_WINDOW;
  const found: RelatedRow[] = [];
  for (const sender of [...senders].slice(0, SENDERS)) {
    // Typed data is stored as the schema wrote it, so the sender appears as this exact JSON member.
    const needle = `%${literal(`"from":${JSON.stringify(sender)}`)}%`;
    const rows = await db
      .selectFrom('evidence')
      .innerJoin('cases', 'cases.id', 'evidence.case_id')
      .select('cases.subject_id')
      .distinct()
      .where('evidence.id', '>', since)
      .where('evidence.kind', '=', 'logistics')
      .where('cases.subject_id', '!=', subjectId)
      .orderBy('cases.subject_id')
      .where(sql<boolean>`${sql.ref('evidence.structured')} like ${needle} escape '\\'`)
      .limit(EACH)
      .execute();
    found.push(...rows.map((r) => ({ subjectId: r.subject_id, via: 'evidence_sms' as const, value: sender })));
  }
  return found;
}
