/**
 * node-sqlite3 binds some JavaScript values in ways that silently corrupt data:
 * a BigInt becomes NULL and a Date becomes a float of milliseconds. Every value
 * passes through here first, so it is either converted to what we mean or rejected.
 */
export type SqliteValue = string | number | null | Buffer;

export class UnbindableValueError extends TypeError {
  constructor(index: number, what: string) {
    super(`SQL parameter ${index + 1} cannot be stored in SQLite: ${what}`);
    this.name = 'UnbindableValueError';
  }
}

export function toSqliteValue(value: unknown, index: number): SqliteValue {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new UnbindableValueError(index, `non-finite number ${value}`);
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'bigint':
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new UnbindableValueError(index, `bigint ${value} is outside the safe integer range`);
      }
      return Number(value);
    case 'undefined':
      throw new UnbindableValueError(index, 'undefined (use null)');
    case 'object':
      // Dates are stored the way every other time in this schema is: ISO 8601 UTC text.
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new UnbindableValueError(index, 'invalid Date');
        return value.toISOString();
      }
      if (Buffer.isBuffer(value)) return value;
      if (value instanceof Uint8Array) return Buffer.from(value);
      throw new UnbindableValueError(index, 'object (serialize it to JSON text first)');
    default:
      throw new UnbindableValueError(index, typeof value);
  }
}
