import { describe, expect, it } from 'vitest';
import { toSqliteValue, UnbindableValueError } from '../../../server/db/sqlite/bindValue';

describe('toSqliteValue', () => {
  it('passes strings, finite numbers, null and buffers through', () => {
    expect(toSqliteValue('案件', 0)).toBe('案件');
    expect(toSqliteValue(12.5, 0)).toBe(12.5);
    expect(toSqliteValue(null, 0)).toBeNull();
    const buf = Buffer.from([1, 2]);
    expect(toSqliteValue(buf, 0)).toBe(buf);
  });

  it('stores booleans as 0/1 and Dates as ISO text, not as a float of milliseconds', () => {
    expect(toSqliteValue(true, 0)).toBe(1);
    expect(toSqliteValue(false, 0)).toBe(0);
    expect(toSqliteValue(new Date('2024-01-01T00:00:00+08:00'), 0)).toBe('2023-12-31T16:00:00.000Z');
  });

  it('converts safe BigInts to numbers instead of letting them become NULL', () => {
    expect(toSqliteValue(42n, 0)).toBe(42);
    expect(toSqliteValue(-9_007_199_254_740_991n, 0)).toBe(-9_007_199_254_740_991);
  });

  it.each([
    ['an unsafe BigInt', 9_007_199_254_740_993n],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date('nope')],
    ['a plain object', { a: 1 }],
    ['an array', [1, 2]],
    ['a symbol', Symbol('x')],
  ])('rejects %s with the parameter position', (_name, value) => {
    expect(() => toSqliteValue(value, 2)).toThrow(UnbindableValueError);
    expect(() => toSqliteValue(value, 2)).toThrow(/parameter 3/);
  });
});
