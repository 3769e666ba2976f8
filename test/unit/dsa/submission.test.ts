import { describe, expect, it } from 'vitest';
import type { CaseDecidedPayload } from '../../../shared/audit/caseDecided';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../../../shared/cases/enums';
import { MEASURE_RESTRICTIONS } from '../../../shared/dsa/measureRestrictions';
import { DSA_RULE_CLASSIFICATION } from '../../../shared/dsa/ruleCategories';
import { toStatementOfReasons } from '../../../shared/dsa/statementOfReasons';
import { dsaPuid, readDsaAnswer, submissionBody } from '../../../shared/dsa/submission';
import { PLATFORM_IDS } from '../../../shared/rulebook/platforms';
import { statementErrors } from '../../support/dsaDatabaseStub';

const base: CaseDecidedPayload = {
  caseId: 12,
  subjectId: 'M10003',
  subjectKind: 'merchant',
  subjectPlatform: 'taobao',
  rule: 'counterfeit',
  ruleVersion: '2024-01',
  decision: 'apply',
  measures: ['item-deleted'],
  source: 'user_report',
  automatedDetection: false,
  automatedDecision: false,
  decidedAt: '2026-03-31T17:30:00.000Z',
  reason: '品牌方鉴定报告确认为假冒商品，已删除商品。',
};

describe('statements the desk builds, against the database’s published field rules', () => {
  it('passes for every rule, measure, subject kind, source and platform', () => {
    const rules = [...Object.keys(DSA_RULE_CLASSIFICATION), 'a-rule-the-table-does-not-know'];
    const measures = [...Object.keys(MEASURE_RESTRICTIONS), 'a-measure-the-table-does-not-know'];
    let checked = 0;
    for (const rule of rules)
      for (const measure of measures)
        for (const subjectKind of SUBJECT_KINDS)
          for (const source of REPORT_SOURCES)
            for (const subjectPlatform of PLATFORM_IDS) {
              const built = toStatementOfReasons({
                ...base,
                rule,
                measures: [measure],
                subjectKind,
                source,
                subjectPlatform,
              });
              if (!built) continue;
              const body = submissionBody({ ...built, puid: dsaPuid('vdabc123', 7) });
              expect(statementErrors(body), `${rule} ${measure} ${subjectKind} ${source}`).toEqual({});
              checked += 1;
            }
    expect(checked).toBeGreaterThan(1000);
  });

  it('clips over-long free text to the limits (500 / 2,000 / 5,000 characters) so the database takes it', () => {
    // Astral characters count once each, as the database counts them.
    const built = toStatementOfReasons({
      ...base,
      reason: '𠮷'.repeat(6000),
      rule: `x${'r'.repeat(700)}`,
      measures: [`m${'x'.repeat(700)}`],
    });
    if (!built) throw new Error('expected a statement');
    expect([...built.decision_facts].length).toBe(5000);
    expect([...built.incompatible_content_ground].length).toBe(500);
    expect([...(built.decision_visibility_other ?? '')].length).toBe(500);
    expect(statementErrors(submissionBody(built))).toEqual({});
    // Unclipped, the stub refuses it, naming the field and its limit.
    expect(statementErrors({ ...submissionBody(built), decision_facts: '𠮷'.repeat(5001) })).toEqual({
      decision_facts: ['The decision facts field must not be greater than 5000 characters.'],
    });
  });

  it('leaves the desk’s routing field out of what is sent', () => {
    const built = toStatementOfReasons(base);
    expect(built?.platform_name).toBe('Taobao');
    expect(built && 'platform_name' in submissionBody(built)).toBe(false);
  });

  it('writes puids from the desk prefix and the decision id, in the characters the database allows', () => {
    expect(dsaPuid('vd0a1b2c3d4e5f', 42)).toBe('vd0a1b2c3d4e5f-decision-42');
    expect(dsaPuid('vd0a1b2c3d4e5f', 42)).toMatch(/^[a-zA-Z0-9_-]+$/);
  });
});

describe('readDsaAnswer', () => {
  it('reads a 201 as created', () => {
    expect(readDsaAnswer(201, { statements: [] }, 3)).toEqual({ kind: 'created' });
  });

  it('reads the duplicate-puid refusal with the puids the database holds', () => {
    const body = {
      message: 'The platform identifier(s) are not all unique within this call.',
      errors: { puid: ['The platform identifier(s) are not all unique within this call.'], existing_puids: ['a-1'] },
    };
    expect(readDsaAnswer(422, body, 3)).toEqual({ kind: 'duplicates', puids: ['a-1'] });
  });

  it('reads field errors per statement index as one line each', () => {
    const body = {
      errors: {
        statement_0: { decision_monetary: ['The selected decision monetary is invalid.'] },
        statement_2: {
          decision_facts: ['The decision facts field is required.'],
          puid: ['The puid format is invalid.'],
        },
        statement_9: { puid: ['out of this call'] },
      },
    };
    const answer = readDsaAnswer(422, body, 3);
    expect(answer.kind).toBe('invalid');
    if (answer.kind !== 'invalid') return;
    expect([...answer.errors]).toEqual([
      [0, 'decision_monetary: The selected decision monetary is invalid.'],
      [2, 'decision_facts: The decision facts field is required.; puid: The puid format is invalid.'],
    ]);
  });

  it('reads anything else as a failed call, with the status and message', () => {
    expect(readDsaAnswer(401, { message: 'Unauthenticated.' }, 1)).toEqual({
      kind: 'failed',
      error: 'HTTP 401: Unauthenticated.',
    });
    expect(readDsaAnswer(503, null, 1)).toEqual({ kind: 'failed', error: 'HTTP 503' });
    expect(readDsaAnswer(422, { message: 'The statements field is required.', errors: {} }, 1)).toEqual({
      kind: 'failed',
      error: 'HTTP 422: The statements field is required.',
    });
  });
});
