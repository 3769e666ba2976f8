import { parseArgs } from 'node:util';
import { queueSaveInput } from '../../shared/api/queues';
import { DEFAULT_SLA_DAYS } from '../../shared/cases/triage';
import { systemClock } from '../clock';
import type { Db } from '../db/database';
import { ChangeBus } from '../events/changeBus';
import { saveQueue, saveRoutingRule } from '../services/queues.service';
import { CLI_ACTOR } from './cliActor';
import { parseOrExplain } from './parseOrExplain';

export const QUEUE_USAGE = 'usage: queue add <id> --name <zh> [--name-en <en>] [--catch-all]';

/** The last position a routing rule can take: a catch-all is tried after every other rule. */
const LAST_POSITION = 10_000;

/**
 * `queue add`: a queue (SLA days and hold limit as the Queues page defaults them), and with
 * `--catch-all` a routing rule with no condition at the last position, so every case no other
 * rule places lands here instead of waiting in "new" for a triager.
 */
export async function queueCommand(argv: string[], db: Db): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, 'name-en': { type: 'string' }, 'catch-all': { type: 'boolean' } },
  });
  const [sub, id, ...extra] = positionals;
  if (sub !== 'add' || !id || !values.name || extra.length) throw new Error(QUEUE_USAGE);
  const input = parseOrExplain(queueSaveInput, {
    id,
    nameZh: values.name,
    nameEn: values['name-en'] ?? values.name,
    slaDays: DEFAULT_SLA_DAYS,
    autoAssign: false,
    create: true,
  });
  const ctx = { db, clock: systemClock, bus: new ChangeBus(), audit: CLI_ACTOR };
  await saveQueue(ctx, input);
  if (!values['catch-all']) return `created queue ${id}`;
  const rule = await saveRoutingRule(ctx, { position: LAST_POSITION, queueId: id, match: {}, enabled: true });
  return `created queue ${id}, with routing rule ${rule.id} sending it every case no other rule matches`;
}
