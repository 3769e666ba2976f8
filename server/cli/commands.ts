import { parseArgs } from 'node:util';
import { MAX_TOKEN_DAYS, type TokenView } from '../../shared/api/tokens';
import { systemClock } from '../clock';
import type { Config } from '../config';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { ChangeBus } from '../events/changeBus';
import { builtInRulebooks } from '../rulebooks';
import { createToken, listTokens, revokeToken } from '../services/tokens.service';
import { AUDIT_USAGE, auditCommand } from './audit';
import { backupCommand } from './backup';
import { CLI_ACTOR } from './cliActor';
import { importCommand } from './importReports';
import { queueCommand } from './queues';
import { userCommand } from './users';

export interface CliEnv {
  config: Config;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where a command writes a report beside its result (e.g. the invalid lines of an import). */
  stdout?: NodeJS.WritableStream;
}

const USAGE = `usage: npm run desk -- <command>
  migrate                                          apply pending migrations
  queue add <id> --name <zh> [--name-en <en>] [--catch-all]
                                                   create a queue; --catch-all routes every case no other rule matches to it
  user add <username> --role <role> [--name <n>] [--queues <id,…>]
                                                   create a staff user (password from DESK_PASSWORD or stdin)
  user disable <username>                          disable an account and end its sessions
  user reset-password <username> [--generate]      set a password they must replace at next sign-in
                                                   (DESK_PASSWORD or stdin; --generate prints a one-time one)
  token add <name> --scope intake,appeals [--expires-days N]
                                                   create an integration token (printed once)
  token list                                       one line per token: id name scopes expires-at|never active|revoked
  token revoke <id>                                revoke a token at once, on every instance
  import <file.ndjson>                             bulk report intake, one reports.submit input per line
  standing <file.json> [--rulebook <rulebook.json>]
                                                   run the rulebook engine on a history (by a
                                                   rulebook from a file, e.g. a draft, if given)
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
      return userCommand(rest, env.stdin, (fn) =>
        withDatabase(env, async ({ db }) => {
          await migrateToLatest(db);
          return fn(db);
        }),
      );
    case 'queue':
      return withDatabase(env, async ({ db }) => {
        await migrateToLatest(db);
        return queueCommand(rest, db);
      });
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
      return auditCommand(rest, env.config, env.stdout ?? process.stdout);
    case 'backup': {
      const [file] = rest;
      if (!file) throw new Error('backup needs a file: npm run desk -- backup <file>');
      return withDatabase(env, async (handle) => backupCommand(handle, env.config.databaseUrl, file));
    }
    case 'standing': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { rulebook: { type: 'string' } },
      });
      const [file] = positionals;
      if (!file) throw new Error('standing needs a file: npm run desk -- standing <file.json>');
      const { standingCommand } = await import('./standing');
      return standingCommand(file, { rulebook: values.rulebook });
    }
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new Error(`unknown command "${command}"; run "npm run desk -- help"`);
  }
}

const TOKEN_USAGE =
  'usage: token add <name> --scope intake,appeals,enforcement [--expires-days N] | token list | token revoke <id>';

async function tokenCommand(argv: string[], env: CliEnv): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scope: { type: 'string' }, 'expires-days': { type: 'string' } },
  });
  const [sub, arg, ...extra] = positionals;
  if (extra.length) throw new Error(TOKEN_USAGE);
  const ctx = (db: ReturnType<typeof openDatabase>['db']) => ({
    db,
    clock: systemClock,
    rulebooks: builtInRulebooks,
    bus: new ChangeBus(),
    audit: CLI_ACTOR,
  });
  switch (sub) {
    case 'add': {
      if (!arg || !values.scope) throw new Error(TOKEN_USAGE);
      const scopes = values.scope
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const expiresInDays = parseDays(values['expires-days']);
      return withDatabase(env, async ({ db }) => {
        await migrateToLatest(db);
        const { token } = await createToken(ctx(db), { name: arg, scopes, expiresInDays });
        // The only time the token is ever shown: the desk keeps just its hash.
        return token;
      });
    }
    case 'list':
      if (arg) throw new Error(TOKEN_USAGE);
      return withDatabase(env, async ({ db }) => {
        await migrateToLatest(db);
        return (await listTokens(ctx(db))).map(tokenLine).join('\n');
      });
    case 'revoke': {
      const id = Number(arg);
      if (!arg || !Number.isSafeInteger(id) || id <= 0) throw new Error('usage: token revoke <id> (see token list)');
      return withDatabase(env, async ({ db }) => {
        await migrateToLatest(db);
        const revoked = await revokeToken(ctx(db), { id });
        return `revoked token ${revoked.id} (${revoked.name})`;
      });
    }
    default:
      throw new Error(TOKEN_USAGE);
  }
}

/** `--expires-days N`: a whole number of days; absent means the token never expires. */
function parseDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text)) throw new Error(`--expires-days must be a whole number of days, 1-${MAX_TOKEN_DAYS}`);
  return Number(text);
}

/** `<id> <name> <scopes> <expires-at|never> <active|revoked>`: names and scopes hold no spaces. */
function tokenLine(token: TokenView): string {
  return [
    token.id,
    token.name,
    token.scopes.join(','),
    token.expiresAt ?? 'never',
    token.revokedAt ? 'revoked' : 'active',
  ].join(' ');
}

async function withDatabase<T>(env: CliEnv, fn: (h: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const handle = openDatabase(env.config.databaseUrl);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
