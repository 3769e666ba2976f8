/** Platform time (UTC+8) helpers: pure epoch-ms arithmetic, independent of the machine's zone. */
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  localDate,
  parseInstant,
  platformYear,
  startOfLocalDate,
  startOfPlatformYear,
} from '../../../shared/rulebook';
import { dayNumberToLocalDate, localDateToDayNumber, normalizeEndOfDay } from '../../../shared/rulebook/time';

const UTC8 = 480;

describe('platform time', () => {
  it.each([
    ['2024-01-01T10:00:00+08:00', Date.UTC(2024, 0, 1, 2)],
    ['2024-01-01T02:00:00Z', Date.UTC(2024, 0, 1, 2)],
    ['2024-01-01T10:00:00', Date.UTC(2024, 0, 1, 2)],
    ['2024-01-01T10:00', Date.UTC(2024, 0, 1, 2)],
    ['2024-01-01', Date.UTC(2023, 11, 31, 16)],
    ['2024-01-01T05:30:00.250-03:30', Date.UTC(2024, 0, 1, 9, 0, 0, 250)],
    ['2024-01-01T10:00:00+0800', Date.UTC(2024, 0, 1, 2)],
  ])('parses %s', (text, ms) => {
    expect(parseInstant(text, UTC8)).toBe(ms);
  });

  it.each([
    '',
    'tomorrow',
    '2024-13-01',
    '2023-02-29',
    '2024-01-01T24:00:01',
    '2024-01-01T24:30',
    '2024-01-01T24:00:00.001',
    '2024-01-01T25:00',
    '2024-01-01T10:00:00+25:00',
    '01/02/2024',
  ])('rejects %j', (text) => {
    expect(parseInstant(text, UTC8)).toBeNull();
  });

  // 《淘宝规则》第四十五条: "違規扣分在每年的12月31日24時清零" — the rules' own way to write the instant.
  it('reads "24:00" as the first instant of the next day ("12月31日24時")', () => {
    expect(parseInstant('2023-12-31T24:00:00+08:00', UTC8)).toBe(startOfPlatformYear(2024, UTC8));
    expect(parseInstant('2023-12-31T24:00', UTC8)).toBe(startOfPlatformYear(2024, UTC8));
    expect(parseInstant('2024-02-28T24:00:00Z', UTC8)).toBe(Date.UTC(2024, 1, 29));
    expect(platformYear(parseInstant('2023-12-31T24:00:00+08:00', UTC8) as number, UTC8)).toBe(2024);
  });

  it.each([
    ['2023-12-31T24:00:00+08:00', '2024-01-01T00:00:00+08:00'],
    ['2023-12-31T24:00+08:00', '2024-01-01T00:00:00+08:00'],
    ['2024-02-28T24:00:00.000Z', '2024-02-29T00:00:00Z'],
    ['2024-01-01T10:00:00+08:00', '2024-01-01T10:00:00+08:00'],
    ['2024-01-01T24:00:01+08:00', '2024-01-01T24:00:01+08:00'],
    ['2024-02-30T24:00:00+08:00', '2024-02-30T24:00:00+08:00'],
  ])('writes %s as %s for validators that stop at 23:59', (text, normalized) => {
    expect(normalizeEndOfDay(text)).toBe(normalized);
  });

  it('formats in the platform offset', () => {
    expect(formatInstant(Date.UTC(2024, 0, 1, 2), UTC8)).toBe('2024-01-01T10:00:00+08:00');
    expect(formatInstant(Date.UTC(2024, 0, 1, 2, 0, 0, 5), UTC8)).toBe('2024-01-01T10:00:00.005+08:00');
    expect(formatInstant(Date.UTC(2024, 0, 1, 2), 0)).toBe('2024-01-01T02:00:00Z');
  });

  it('knows the platform-local date and year of an instant', () => {
    const justAfterMidnight = Date.UTC(2023, 11, 31, 16, 0, 1);
    expect(localDate(justAfterMidnight, UTC8)).toBe('2024-01-01');
    expect(platformYear(justAfterMidnight, UTC8)).toBe(2024);
    expect(platformYear(justAfterMidnight - 2000, UTC8)).toBe(2023);
  });

  it('places 24:00 on 31 December at the start of the next platform year', () => {
    expect(startOfPlatformYear(2024, UTC8)).toBe(Date.UTC(2023, 11, 31, 16));
    expect(startOfLocalDate('2016-08-02', UTC8)).toBe(Date.UTC(2016, 7, 1, 16));
  });

  it('round-trips day numbers, leap days included', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2024-12-31', '2100-03-01']) {
      expect(dayNumberToLocalDate(localDateToDayNumber(date))).toBe(date);
    }
    expect(localDateToDayNumber('2024-02-08') - localDateToDayNumber('2024-01-01') + 1).toBe(39);
  });
});
