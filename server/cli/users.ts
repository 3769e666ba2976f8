import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/auth/roles';
import { systemClock } from '../clock';
import type { Db } from '../db/database';
import { queuesRepo } from '../db/repositories/queues.repo';
import { usersRepo } from '../db/repositories/users.repo';
import { ChangeBus } from '../events/changeBus';
import { builtInRulebooks } from '../rulebooks';
import { setQueueMembers } from '../services/queues.service';
import { resetStaffPassword, setStaffDisabled } from '../services/staffAdmin.service';
import { createStaffUser } from '../services/users.service';
import { CLI_ACTOR } from './cliActor';
import { readSecret } from './readSecret';

export const USER_USAGE = `usage: user add <username> --role <role> [--name <display name>] [--email <address>] [--queues <id,…>]
     | user disable <username> | user reset-password <username> [--generate]`;

type Stdin = NodeJS.ReadableStream & { isTTY?: boolean };

const context = (db: Db) => ({
  db,
  clock: systemClock,
  rulebooks: builtInRulebooks,
  bus: new ChangeBus(),
  audit: CLI_ACTOR,
});

/** `user add | disable | reset-password`, through the same use cases as the Staff page (audited as the CLI). */
export async function userCommand(argv: string[], stdin: Stdin, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      queues: { type: 'string' },
      generate: { type: 'boolean' },
    },
  });
  const [sub, username, ...extra] = positionals;
  if (!username || extra.length) throw new Error(USER_USAGE);
  switch (sub) {
    case 'add': {
      const role = values.role as Role | undefined;
      if (!role || !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const queueIds = listOf(values.queues);
      const password = process.env.DESK_PASSWORD ?? (await readSecret(stdin, `password for ${username}: `));
      return withDb(async (db) => {
        // Every queue is checked before the account exists: a typo must not leave a reviewer in no queue.
        for (const queueId of queueIds)
          if (!(await queuesRepo.find(db, queueId)))
            throw new Error(`no queue "${queueId}" (queue add <id> makes one)`);
        const { id } = await createStaffUser(
          context(db),
          // The operator chose this password, not the person: their first session replaces it.
          { username, role, displayName: values.name, email: values.email, password, mustChangePassword: true },
        );
        for (const queueId of queueIds) await joinQueue(db, queueId, id);
        const queues = queueIds.length ? `, member of ${queueIds.join(', ')}` : '';
        return `created user ${username} (id ${id}, role ${role}${queues})`;
      });
    }
    case 'disable':
      return withDb(async (db) => {
        const user = await findUser(db, username);
        await setStaffDisabled(context(db), { userId: user.id, disabled: true });
        return `disabled user ${username}; their sessions are ended`;
      });
    case 'reset-password': {
      // A generated one is printed once; otherwise the operator's, read like `user add` reads it.
      const generated = values.generate ? randomBytes(15).toString('base64url') : null;
      const password =
        generated ?? process.env.DESK_PASSWORD ?? (await readSecret(stdin, `new password for ${username}: `));
      return withDb(async (db) => {
        const user = await findUser(db, username);
        // Like an admin's reset on the Staff page: sessions end, and the next sign-in must replace it.
        await resetStaffPassword(context(db), { userId: user.id, password });
        return generated ?? `reset the password of ${username}; they must replace it at their next sign-in`;
      });
    }
    default:
      throw new Error(USER_USAGE);
  }
}

function listOf(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

async function findUser(db: Db, username: string) {
  const user = await usersRepo.findByUsername(db, username);
  if (!user) throw new Error(`no user "${username}"`);
  return user;
}

/** Adds one member to a queue's list, keeping the others (setQueueMembers replaces the list). */
async function joinQueue(db: Db, queueId: string, userId: number) {
  const current = (await queuesRepo.members(db)).filter((m) => m.queue_id === queueId).map((m) => m.user_id);
  await setQueueMembers(context(db), { queueId, userIds: [...current, userId] });
}
