import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('SQLite connections in the configuration', () => {
  it('reads beside the writer on two read-only connections by default for a database file', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:./data/desk.sqlite' }).sqliteReaders).toBe(2);
    expect(loadConfig({ DATABASE_URL: 'sqlite:./data/desk.sqlite', DESK_SQLITE_READERS: '0' }).sqliteReaders).toBe(0);
  });

  it('opens none for an in-memory database, which no second connection sees, and refuses to be told otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).sqliteReaders).toBe(0);
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', DESK_SQLITE_READERS: '2' })).toThrow(/database file/);
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', DESK_SQLITE_WRITER_THREAD: '1' })).toThrow(
      /database file/,
    );
  });

  it('keeps the writer thread off unless asked, and for SQLite only', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:./d.sqlite' }).sqliteWriterThread).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'sqlite:./d.sqlite', DESK_SQLITE_WRITER_THREAD: '1' }).sqliteWriterThread).toBe(
      true,
    );
    expect(() => loadConfig({ DATABASE_URL: 'sqlite:./d.sqlite', DESK_SQLITE_WRITER_THREAD: 'yes' })).toThrow(/0 or 1/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/desk', DESK_SQLITE_WRITER_THREAD: '1' })).toThrow(
      /SQLite only/,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://db/desk' }).sqliteReaders).toBe(0);
  });
});
