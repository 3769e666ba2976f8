/**
 * JSON columns are text in both dialects (SQLite has no JSON type, and PostgreSQL keeps the
 * same text so rows read back identically). Repositories decode them once, on the way out, and
 * encode them on the way in: services and the outbox only ever see typed values.
 */

/** A row as a repository hands it out: the JSON columns in `Json` replaced by their decoded types. */
export type Decoded<Row, Json> = Omit<Row, keyof Json> & Json;

/** The text stored for a JSON column. */
export const toJson = (value: unknown): string => JSON.stringify(value);

/** The text stored for a nullable JSON column (null stays SQL NULL). */
export const toJsonOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/**
 * The value of a JSON column this desk wrote itself (with `toJson`), typed by the column's
 * declaration: the shape is guaranteed by the writer, so no schema runs on every read.
 */
export const fromJson = <T>(text: string): T => JSON.parse(text) as T;

export const fromJsonOrNull = <T>(text: string | null): T | null => (text === null ? null : fromJson<T>(text));
