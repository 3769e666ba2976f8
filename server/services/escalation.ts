import type { Transaction } from 'kysely';
import { ESCALATION_QUEUE } from '../../shared/cases/escalation';
import type { Database } from '../db/database';
import { queuesRepo } from '../db/repositories/queues.repo';

export { ESCALATION_QUEUE };

/**
 * Escalated cases wait in their own queue for a lead. Migration 0014 creates it, named, with the
 * leads as members by role; this only puts it back should someone have deleted it.
 */
export async function ensureEscalationQueue(trx: Transaction<Database>, at: string): Promise<string> {
  if (!(await queuesRepo.find(trx, ESCALATION_QUEUE))) {
    await queuesRepo.upsert(
      trx,
      {
        id: ESCALATION_QUEUE,
        name_zh: '升级处理',
        name_en: 'Escalations',
        sla_days: { user_report: 7, spot_check: 7, system_detection: 7 },
        auto_assign: 0,
      },
      at,
    );
    // Worked by every lead, as migration 0014 made it.
    await trx.updateTable('queues').set({ member_role: 'lead' }).where('id', '=', ESCALATION_QUEUE).execute();
  }
  return ESCALATION_QUEUE;
}
