import { templateText } from '../../shared/messages/templates';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { ChangeBus } from '../events/changeBus';
import type { Rulebooks } from '../rulebooks';
import { sendMessage } from '../services/messages.service';
import { muteReporter } from '../services/reporters.service';
import type { ServiceContext } from '../services/serviceContext';

/**
 * A couple of messages to members on recently decided cases (from the reviewer), and the
 * reporter whose reports were most often unfounded muted by the lead, through the real use
 * cases, so the Messages panel and the reporters list have something to show.
 */
export async function seedDemoMessages(
  deps: { db: Db; clock: Clock; rulebooks: Rulebooks },
  userIds: ReadonlyMap<string, number>,
): Promise<void> {
  const as = (username: string): ServiceContext => ({
    ...deps,
    bus: new ChangeBus(),
    audit: { actor: { type: 'user', id: String(userIds.get(username) ?? 0) } },
  });
  const recent = await deps.db
    .selectFrom('cases')
    .select('id')
    .where('status', '=', 'appeal_window')
    .orderBy('id', 'desc')
    .limit(2)
    .execute();
  for (const c of recent)
    await sendMessage(as('reviewer'), {
      caseId: c.id,
      templateId: 'explain-decision',
      body: templateText('explain-decision', 'zh'),
    });
  const noisy = await deps.db
    .selectFrom('reporters')
    .select('id')
    .where('dismissed', '>=', 2)
    .orderBy('dismissed', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (noisy) await muteReporter(as('lead'), { reporterId: noisy.id, reason: '多次举报经核实不成立，先行屏蔽观察' });
}
