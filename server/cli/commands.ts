import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/auth/roles';
import { systemClock } from '../clock';
import type { Config } from '../config';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { ChangeBus } from '../events/changeBus';
import { createToken } from '../services/tokens.service';
import { createStaffUser } from '../services/users.service';
import { AUDIT_USAGE, auditCommand } from './audit';
import { backupCommand } from './backup';
import { CLI_ACTOR } from './cliActor';
import { importCommand } from './importReports';
import { readSecret } from './readSecret';

export interface CliEnv {
  config: Config;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where a command writes a report beside its result (e.g. the invalid lines of an import). */
  stdout?: NodeJS.WritableStream;
}

const USAGE = `usage: npm run desk -- <command>
  migrate                                          apply pending migrations
  user add <username> --role <role> [--name <n>]   create a staff user (password from DESK_PASSWORD or stdin)
  token add <name> --scope intake,appeals          create an integration token (printed once)
  import <file.ndjson>                             bulk report intake, one reports.submit input per line
  standing <file.json>                             run the rulebook engine on a history
  backup <file>                                    online, consistent copy of the database
${AUDIT_USAGE}`;

/** Runs one operator command and returns what it prints; throws with a one-line message. */
export async function runCommand(argv: string[], env: CliEnv): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return withDatabase(env, async ({ db, describe }) => {
        const applied = await migrateToLatest(db);
        return applied.length ? `applied ${applied.join(', ')} to ${describe}` : `${describe} is up to date`;
      });
    case 'user':
      return userCommand(rest, env);
    case 'token':
      return tokenCommand(rest, env);
    case 'import': {
      const [file] = rest;
      if (!file) throw new Error('import needs a file: npm run desk -- import <file.ndjson>');
      return withDatabase(env, async ({ db }) => {
        await migrateToLatest(db);
        return importCommand(db, file, env.stdout ?? process.stdout);
      });
    }
    case 'audit':
      return auditCommand(rest, env.config);
    case 'backup': {
      const [file] = rest;
      if (!file) throw new Error('backup needs a file: npm run desk -- backup <file>');
      return withDatabase(env, async (handle) => backupCommand(handle, env.config.databaseUrl, file));
    }
    case 'standing': {
      const [file] = rest;
      if (!file) throw new Error('standing needs a file: npm run desk -- standing <file.json>');
      const { standingCommand } = await import('./standing');
      return standingCommand(file);
    }
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new Error(`unknown command "${command}"; run "npm run desk -- help"`);
  }
}

async function userCommand(argv: string[], env: CliEnv): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' } },
  });
  const [sub, username] = positionals;
  if (sub !== 'add' || !username) throw new Error('usage: user add <username> --role <role> [--name <display name>]');
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const password = process.env.DESK_PASSWORD ?? (await readSecret(env.stdin, `password for ${username}: `));
  return withDatabase(env, async ({ db }) => {
    await migrateToLatest(db);
    const { id } = await createStaffUser(
      { db, clock: systemClock, bus: new ChangeBus(), audit: CLI_ACTOR },
      // The operator chose this password, not the person: their first session replaces it.
      { username, role, displayName: values.name, password, mustChangePassword: true },
    );
    return `created user ${username} (id ${id}, role ${role})`;
  });
}

async function tokenCommand(argv: string[], env: CliEnv): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scope: { type: 'string' } },
  });
  const [sub, name] = positionals;
  if (sub !== 'add' || !name || !values.scope) throw new Error('usage: token add <name> --scope intake,appeals');
  const scopes = values.scope
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return withDatabase(env, async ({ db }) => {
    await migrateToLatest(db);
    const { token } = await createToken(
      { db, clock: systemClock, bus: new ChangeBus(), audit: CLI_ACTOR },
      { name, scopes },
    );
    // The only time the token is ever shown: the desk keeps just its hash.
    return token;
  });
}

async function withDatabase<T>(env: CliEnv, fn: (h: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const handle = openDatabase(env.config.databaseUrl);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
