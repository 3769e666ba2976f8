import { DEFAULT_QUEUE_VIEW } from '../../shared/api/views';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { ChangeBus } from '../events/changeBus';
import type { Rulebooks } from '../rulebooks';
import type { ServiceContext } from '../services/serviceContext';
import { addTag, createTag } from '../services/tags.service';
import { saveView, shareView } from '../services/views.service';

/** The demo vocabulary a lead keeps; colours readable as chip borders on white. */
const DEMO_TAGS = [
  { nameZh: '团伙', nameEn: 'Gang', color: '#c62828' },
  { nameZh: '复犯', nameEn: 'Repeat offender', color: '#ef6c00' },
  { nameZh: '媒体关注', nameEn: 'Media attention', color: '#1565c0' },
];

/**
 * A few tags on demo cases and subjects, and one view the lead shares with the fake-transaction
 * queue, all through the real use cases (so each is on the audit trail like any other).
 */
export async function seedDemoTags(
  deps: { db: Db; clock: Clock; rulebooks: Rulebooks },
  leadId: number,
): Promise<void> {
  const ctx: ServiceContext = {
    ...deps,
    bus: new ChangeBus(),
    audit: { actor: { type: 'user', id: String(leadId) } },
  };
  const ids: string[] = [];
  for (const tag of DEMO_TAGS) ids.push((await createTag(ctx, tag)).id);
  const [gangId = '', repeatId = '', mediaId = ''] = ids;

  const open = await deps.db
    .selectFrom('cases')
    .select(['id', 'rule', 'subject_id'])
    .where('is_open', '=', 1)
    .orderBy('id')
    .execute();
  // A ring of fake orders: the first few open fake-transaction cases.
  for (const c of open.filter((c) => c.rule === 'fake-transaction').slice(0, 3))
    await addTag(ctx, { target: { type: 'case', id: c.id }, tagId: gangId });
  // A subject with more than one case on file is a repeat offender.
  const counts = new Map<string, number>();
  for (const c of open) counts.set(c.subject_id, (counts.get(c.subject_id) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([s]) => s);
  for (const subjectId of repeated.slice(0, 2))
    await addTag(ctx, { target: { type: 'subject', id: subjectId }, tagId: repeatId });
  const counterfeit = open.find((c) => c.rule === 'counterfeit');
  if (counterfeit) await addTag(ctx, { target: { type: 'case', id: counterfeit.id }, tagId: mediaId });

  const view = await saveView(ctx, {
    name: '团伙刷单·按时限',
    state: { ...DEFAULT_QUEUE_VIEW, queue: 'fake-transaction', tags: [gangId], sort: 'slaDueAt' },
  });
  await shareView(ctx, { id: view.id, queue: 'fake-transaction' });
}
