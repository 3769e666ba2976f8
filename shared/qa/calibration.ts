import type { CsvColumn } from '../metrics/csv';
import type { QaVerdict } from './verdict';

/** One reviewer's blind answer on one case of a calibration session. */
export interface CalibrationAnswer {
  caseId: number;
  reviewerId: number;
  verdict: QaVerdict;
}

export interface AgreementCell {
  a: number;
  b: number;
  /** Cases both answered. */
  compared: number;
  agreed: number;
  rate: number | null;
}

export interface GoldAgreement {
  reviewerId: number;
  compared: number;
  agreed: number;
  rate: number | null;
}

const rate = (agreed: number, compared: number) => (compared ? agreed / compared : null);

/**
 * The session's agreement matrix: for every pair of reviewers (a < b, in the order given), the
 * cases both answered and how many of those they agreed on; for every reviewer, the cases with
 * a gold answer they answered and how many matched it. `agree` says whether two verdicts on a
 * case agree (the server scores them field by field with the case's rulebook).
 */
export function agreementMatrix(
  reviewerIds: readonly number[],
  goldAnswers: ReadonlyMap<number, QaVerdict>,
  answers: readonly CalibrationAnswer[],
  agree: (caseId: number, x: QaVerdict, y: QaVerdict) => boolean,
): { pairs: AgreementCell[]; gold: GoldAgreement[] } {
  const byReviewer = new Map<number, Map<number, QaVerdict>>();
  for (const r of reviewerIds) byReviewer.set(r, new Map());
  for (const a of answers) byReviewer.get(a.reviewerId)?.set(a.caseId, a.verdict);
  const pairs: AgreementCell[] = [];
  for (const [i, a] of reviewerIds.entries()) {
    for (const b of reviewerIds.slice(i + 1)) {
      const mine = byReviewer.get(a) ?? new Map<number, QaVerdict>();
      const theirs = byReviewer.get(b) ?? new Map<number, QaVerdict>();
      let compared = 0;
      let agreed = 0;
      for (const [caseId, v] of mine) {
        const w = theirs.get(caseId);
        if (!w) continue;
        compared += 1;
        if (agree(caseId, v, w)) agreed += 1;
      }
      pairs.push({ a, b, compared, agreed, rate: rate(agreed, compared) });
    }
  }
  const gold = reviewerIds.map((reviewerId) => {
    let compared = 0;
    let agreed = 0;
    for (const [caseId, v] of byReviewer.get(reviewerId) ?? []) {
      const expected = goldAnswers.get(caseId);
      if (!expected) continue;
      compared += 1;
      if (agree(caseId, expected, v)) agreed += 1;
    }
    return { reviewerId, compared, agreed, rate: rate(agreed, compared) };
  });
  return { pairs, gold };
}

/** One line of the exported matrix: a pair of reviewers, or a reviewer and the gold answer. */
export interface MatrixCsvRow {
  reviewer: string;
  comparedWith: string;
  compared: number;
  agreed: number;
  rate: number | null;
}

export const MATRIX_CSV_COLUMNS: readonly CsvColumn<MatrixCsvRow>[] = [
  { header: 'reviewer', value: (r) => r.reviewer },
  { header: 'compared_with', value: (r) => r.comparedWith },
  { header: 'cases_compared', value: (r) => r.compared },
  { header: 'cases_agreed', value: (r) => r.agreed },
  { header: 'agreement_rate', value: (r) => (r.rate === null ? null : Math.round(r.rate * 10000) / 10000) },
];

/** The matrix as CSV rows; `goldLabel` names the gold answer's column value. */
export function matrixCsvRows(
  names: ReadonlyMap<number, string>,
  matrix: { pairs: AgreementCell[]; gold: GoldAgreement[] },
  goldLabel = 'gold',
): MatrixCsvRow[] {
  const name = (id: number) => names.get(id) ?? String(id);
  return [
    ...matrix.pairs.map((p) => ({
      reviewer: name(p.a),
      comparedWith: name(p.b),
      compared: p.compared,
      agreed: p.agreed,
      rate: p.rate,
    })),
    ...matrix.gold.map((g) => ({
      reviewer: name(g.reviewerId),
      comparedWith: goldLabel,
      compared: g.compared,
      agreed: g.agreed,
      rate: g.rate,
    })),
  ];
}
