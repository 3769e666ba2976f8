import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { Sqlite3Connection } from './sqlite3Connection';

/**
 * Statements that only read: a SELECT (or WITH … SELECT) that names no writing keyword. Anything
 * else — and anything this test is unsure of, such as a SELECT whose text merely mentions
 * "update" — goes to the writer, which can run everything; a read-only connection would refuse
 * a write anyway (it is opened read-only), so a wrong guess can cost speed, never data.
 */
const READ = /^\s*(select|with)\b/i;
const WRITE_WORD = /\b(insert|update|delete|replace|returning|pragma)\b/i;

export function isReadOnlyStatement(sql: string): boolean {
  return READ.test(sql) && !WRITE_WORD.test(sql);
}

/** What a routed connection needs from the driver: the writer under its lock, and a reader. */
export interface ConnectionSource {
  lockWriter(): Promise<{ writer: Sqlite3Connection; release: () => void }>;
  reader(): Sqlite3Connection;
}

/**
 * The connection Kysely is handed when the driver keeps readers. It holds nothing until it is
 * used: a transaction takes the writer (and its lock) at BEGIN and keeps it until released; a
 * statement outside a transaction goes to a reader when it only reads, or takes the writer for
 * that one statement otherwise. In WAL mode a reader sees every transaction committed before
 * its statement started, so whoever wrote and then reads sees their own write.
 */
export class RoutedConnection implements DatabaseConnection {
  private held: { writer: Sqlite3Connection; release: () => void } | undefined;

  constructor(private readonly source: ConnectionSource) {}

  /** Called by the driver at BEGIN: the rest of the transaction runs on the writer. */
  async holdWriter(): Promise<Sqlite3Connection> {
    this.held ??= await this.source.lockWriter();
    return this.held.writer;
  }

  /** Called by the driver when Kysely gives the connection back. */
  release(): void {
    const held = this.held;
    this.held = undefined;
    held?.release();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.held) return this.held.writer.executeQuery<R>(compiled);
    if (isReadOnlyStatement(compiled.sql)) return this.source.reader().executeQuery<R>(compiled);
    const { writer, release } = await this.source.lockWriter();
    try {
      return await writer.executeQuery<R>(compiled);
    } finally {
      release();
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.held) {
      yield* this.held.writer.streamQuery<R>(compiled, chunkSize);
      return;
    }
    if (isReadOnlyStatement(compiled.sql)) {
      yield* this.source.reader().streamQuery<R>(compiled, chunkSize);
      return;
    }
    const { writer, release } = await this.source.lockWriter();
    try {
      yield* writer.streamQuery<R>(compiled, chunkSize);
    } finally {
      release();
    }
  }
}
