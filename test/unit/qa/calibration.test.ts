import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/metrics/csv';
import { agreementMatrix, MATRIX_CSV_COLUMNS, matrixCsvRows } from '../../../shared/qa/calibration';
import type { QaVerdict } from '../../../shared/qa/verdict';

const apply: QaVerdict = { decision: 'apply', rule: 'r' };
const dismiss: QaVerdict = { decision: 'dismiss' };
const same = (_: number, x: QaVerdict, y: QaVerdict) => x.decision === y.decision;

describe('the calibration matrix', () => {
  it('compares every pair over the cases both answered, and each reviewer with the gold answers', () => {
    const answers = [
      { caseId: 1, reviewerId: 10, verdict: apply },
      { caseId: 2, reviewerId: 10, verdict: dismiss },
      { caseId: 1, reviewerId: 20, verdict: apply },
      { caseId: 2, reviewerId: 20, verdict: apply },
      { caseId: 3, reviewerId: 30, verdict: dismiss },
    ];
    const m = agreementMatrix([10, 20, 30], new Map([[2, dismiss]]), answers, same);
    expect(m.pairs).toEqual([
      { a: 10, b: 20, compared: 2, agreed: 1, rate: 0.5 },
      { a: 10, b: 30, compared: 0, agreed: 0, rate: null },
      { a: 20, b: 30, compared: 0, agreed: 0, rate: null },
    ]);
    expect(m.gold).toEqual([
      { reviewerId: 10, compared: 1, agreed: 1, rate: 1 },
      { reviewerId: 20, compared: 1, agreed: 0, rate: 0 },
      { reviewerId: 30, compared: 0, agreed: 0, rate: null },
    ]);
  });

  it('exports one line per pair and per reviewer against gold, through the desk’s CSV writer', () => {
    const m = agreementMatrix([1, 2], new Map(), [{ caseId: 1, reviewerId: 1, verdict: apply }], same);
    const csv = toCsv(MATRIX_CSV_COLUMNS, matrixCsvRows(new Map([[1, '=甲']]), m));
    expect(csv.split('\r\n')).toEqual([
      'reviewer,compared_with,cases_compared,cases_agreed,agreement_rate',
      "'=甲,2,0,0,",
      "'=甲,gold,0,0,",
      '2,gold,0,0,',
    ]);
  });
});
