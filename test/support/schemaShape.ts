import { type RawBuilder, sql } from 'kysely';
import type { Db, DialectName } from '../../server/db/database';

/**
 * What a migrated schema is, in terms both dialects share: per table its columns (nullable,
 * defaulted, database-assigned), its primary and unique keys, and the indexes the migrations
 * created with their columns. Types are left out: SQLite's are affinities, not types.
 *
 * Two SQLite quirks are read the way PostgreSQL states them: a primary key column is not
 * nullable (SQLite lets a non-INTEGER primary key hold NULL, but the desk always sets it), and
 * a generated column is listed (PRAGMA table_info hides it; table_xinfo does not). And a key
 * counts as assigned by the database only when declared so (AUTOINCREMENT, or an identity on
 * PostgreSQL): any INTEGER PRIMARY KEY of SQLite would take a rowid if left out, but the audit
 * chain's `seq` is always written by the desk, on both.
 */
export async function schemaShape(db: Db, dialect: DialectName): Promise<Record<string, string[]>> {
  const shape: Record<string, string[]> = {};
  const add = (table: string, line: string) => {
    if (table.startsWith('kysely_') || isSearchStorage(table, line)) return;
    shape[table] ??= [];
    shape[table].push(line);
  };

  const tables = await db.introspection.getTables();
  const sqlite = dialect === 'sqlite' ? await sqliteTableInfo(db, tables) : undefined;
  for (const table of tables) {
    const info = sqlite?.get(table.name);
    for (const c of table.columns) {
      const key = info?.primaryKey.includes(c.name) ?? false;
      const assigned = c.isAutoIncrementing && (info?.autoincrement ?? true);
      add(table.name, column(c.name, c.isNullable && !key, c.hasDefaultValue, assigned));
    }
  }

  if (sqlite) {
    for (const [name, info] of sqlite) {
      for (const generated of info.generated) add(name, column(generated, true, true, false));
      if (info.primaryKey.length) add(name, `primary key (${info.primaryKey.join(', ')})`);
      const indexes = await sql<{ name: string; origin: string; unique: number }>`
        SELECT name, origin, "unique" FROM pragma_index_list(${name})`.execute(db);
      for (const index of indexes.rows) {
        if (index.origin === 'pk') continue;
        const cols = await sql<{
          name: string;
        }>`SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`.execute(db);
        const list = cols.rows.map((r) => r.name).join(', ');
        add(
          name,
          index.origin === 'u' ? `unique (${list})` : `index ${index.name} (${list})${index.unique ? ' unique' : ''}`,
        );
      }
    }
  } else {
    const keys = await sql<{ tbl: string; kind: string; cols: string }>`
      SELECT t.relname AS tbl, c.contype AS kind, ${pgColumnNames(sql.ref('c.conkey'))} AS cols
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = current_schema() AND c.contype IN ('p', 'u')`.execute(db);
    for (const k of keys.rows) add(k.tbl, `${k.kind === 'p' ? 'primary key' : 'unique'} (${k.cols})`);
    const indexes = await sql<{ tbl: string; name: string; cols: string; is_unique: boolean }>`
      SELECT t.relname AS tbl, i.relname AS name, x.indisunique AS is_unique, ${pgColumnNames(sql.ref('x.indkey'))} AS cols
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = current_schema()
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`.execute(db);
    for (const i of indexes.rows) add(i.tbl, `index ${i.name} (${i.cols})${i.is_unique ? ' unique' : ''}`);
  }
  for (const lines of Object.values(shape)) lines.sort();
  return shape;
}

/**
 * Where the search index keeps its text differs by design (docs/SEARCH.md): SQLite's FTS5 tables
 * (with their shadow tables, and the view whose trigger writes them), PostgreSQL's `norm` and
 * `grams` columns with their GIN indexes. The shape compares `search_documents` without them.
 */
function isSearchStorage(table: string, line: string): boolean {
  if (/^search_(fts|grams)(_[a-z]+)?$/.test(table) || table === 'search_index_entries') return true;
  return table === 'search_documents' && /^(norm|grams) |^index search_documents_(norm|grams)_idx /.test(line);
}

function column(name: string, nullable: boolean, defaulted: boolean, assigned: boolean): string {
  return [name, nullable ? 'null' : 'not null', defaulted ? 'default' : '', assigned ? 'assigned by the database' : '']
    .filter(Boolean)
    .join(' ');
}

/** Column names, in order, of an attribute-number array (a key's `conkey`, an index's `indkey`) of table `t`. */
function pgColumnNames(attnums: RawBuilder<unknown>) {
  return sql`(SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                FROM unnest(${attnums}) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)`;
}

/** Per SQLite table, from one table_xinfo read: its primary key in order, its generated columns, and whether it says AUTOINCREMENT. */
async function sqliteTableInfo(db: Db, tables: { name: string }[]) {
  const autoincrement = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND lower(sql) LIKE '%autoincrement%'`.execute(db);
  const declared = new Set(autoincrement.rows.map((r) => r.name));
  const info = new Map<string, { primaryKey: string[]; generated: string[]; autoincrement: boolean }>();
  for (const { name } of tables) {
    const columns = await sql<{ name: string; pk: number; hidden: number }>`
      SELECT name, pk, hidden FROM pragma_table_xinfo(${name})`.execute(db);
    info.set(name, {
      primaryKey: columns.rows
        .filter((c) => c.pk > 0)
        .sort((x, y) => x.pk - y.pk)
        .map((c) => c.name),
      // hidden 2 and 3: a virtual or stored generated column.
      generated: columns.rows.filter((c) => c.hidden === 2 || c.hidden === 3).map((c) => c.name),
      autoincrement: declared.has(name),
    });
  }
  return info;
}
