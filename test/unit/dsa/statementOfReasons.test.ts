import { describe, expect, it } from 'vitest';
import type { CaseDecidedPayload } from '../../../shared/audit/caseDecided';
import { MEASURE_RESTRICTIONS } from '../../../shared/dsa/measureRestrictions';
import { DSA_RULE_CLASSIFICATION } from '../../../shared/dsa/ruleCategories';
import { SOR_CATEGORIES, SOR_CONTENT_TYPES, SOR_KEYWORDS } from '../../../shared/dsa/sorSchema';
import { platformDate, puidOf, toStatementOfReasons } from '../../../shared/dsa/statementOfReasons';
import { DEFAULT_RULE_IDS, defaultMeasures, xianyuRulebook } from '../../../shared/rulebook';

const decision: CaseDecidedPayload = {
  caseId: 1207,
  subjectId: 'M10003',
  subjectKind: 'merchant',
  rule: 'counterfeit',
  ruleVersion: '2024-01',
  decision: 'apply',
  measures: ['item-deleted', 'public-warning'],
  source: 'user_report',
  automatedDetection: false,
  automatedDecision: false,
  decidedAt: '2026-03-31T17:30:00.000Z',
  reason: '品牌方鉴定报告确认为假冒商品，已删除商品。',
};

describe('rule → DSA category table', () => {
  it('classifies every rule of the rulebook with schema values', () => {
    for (const rule of DEFAULT_RULE_IDS) {
      const entry = DSA_RULE_CLASSIFICATION[rule];
      expect(entry, rule).toBeDefined();
      if (!entry) continue;
      expect(SOR_CATEGORIES, rule).toContain(entry.category);
      for (const extra of entry.categoryAddition ?? []) expect(SOR_CATEGORIES, rule).toContain(extra);
      expect(entry.keywords.length, rule).toBeGreaterThan(0);
      for (const keyword of entry.keywords) expect(SOR_KEYWORDS, rule).toContain(keyword);
      for (const type of entry.contentType) expect(SOR_CONTENT_TYPES, rule).toContain(type);
      // The schema wants the free text whenever "other" is chosen.
      if (entry.keywords.includes('KEYWORD_OTHER')) expect(entry.keywordOther, rule).toBeTruthy();
      if (entry.contentType.includes('CONTENT_TYPE_OTHER')) expect(entry.contentTypeOther, rule).toBeTruthy();
      expect(entry.explanation.length, rule).toBeLessThanOrEqual(2000);
    }
  });

  it('knows what every measure of both rulebooks restricts', () => {
    const all = [...Object.keys(defaultMeasures), ...Object.keys(xianyuRulebook.measures)];
    expect(all.filter((m) => !MEASURE_RESTRICTIONS[m])).toEqual([]);
  });
});

describe('toStatementOfReasons', () => {
  it('turns an applied decision into a complete statement', () => {
    expect(toStatementOfReasons(decision)).toEqual({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_LABELLED', 'DECISION_VISIBILITY_CONTENT_REMOVED'],
      account_type: 'ACCOUNT_TYPE_BUSINESS',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'Platform rules, counterfeit (rulebook version 2024-01)',
      incompatible_content_explanation: 'The member listed, sold or facilitated the sale of counterfeit goods.',
      incompatible_content_illegal: 'Yes',
      content_type: ['CONTENT_TYPE_PRODUCT'],
      category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      category_specification: ['KEYWORD_TRADEMARK_INFRINGEMENT'],
      territorial_scope: expect.arrayContaining(['DE', 'FR', 'PL']),
      content_language: 'ZH',
      content_date: '2026-04-01',
      application_date: '2026-04-01',
      decision_facts: '品牌方鉴定报告确认为假冒商品，已删除商品。',
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: 'verdict-case-1207-20260331T173000000Z',
    });
  });

  it('names the subject platform whose rules were broken, and keeps the old wording for decisions from before platforms', () => {
    const kuaishou = toStatementOfReasons({
      ...decision,
      subjectPlatform: 'kuaishou',
      rule: 'unfair-competition',
      measures: ['shopping-cart-suspended'],
    });
    expect(kuaishou).toMatchObject({
      platform_name: 'Kuaishou',
      incompatible_content_ground: 'Kuaishou platform rules, unfair-competition (rulebook version 2024-01)',
    });
    expect(toStatementOfReasons({ ...decision, subjectPlatform: 'taobao' })?.platform_name).toBe('Taobao');
    expect(toStatementOfReasons(decision)).not.toHaveProperty('platform_name');
  });

  it('gives no statement when nothing is restricted', () => {
    expect(toStatementOfReasons({ ...decision, decision: 'waive' })).toBeNull();
    expect(toStatementOfReasons({ ...decision, decision: 'dismiss' })).toBeNull();
    expect(toStatementOfReasons({ ...decision, measures: ['warning'] })).toBeNull();
    expect(toStatementOfReasons({ ...decision, measures: [] })).toBeNull();
  });

  it('keeps the heaviest of several restrictions of one kind', () => {
    const s = toStatementOfReasons({
      ...decision,
      measures: ['listing-restricted', 'platform-removal', 'shop-closed', 'site-login-restricted', 'account-sealed'],
    });
    expect(s?.decision_provision).toBe('DECISION_PROVISION_TOTAL_TERMINATION');
    expect(s?.decision_account).toBe('DECISION_ACCOUNT_TERMINATED');
    expect(s?.decision_visibility).toBeUndefined();
  });

  it('names "other" restrictions and unknown measures in the free-text fields', () => {
    const s = toStatementOfReasons({
      ...decision,
      measures: ['liquidated-damages', 'orders-closed', 'mystery-measure'],
    });
    expect(s?.decision_monetary).toBe('DECISION_MONETARY_OTHER');
    expect(s?.decision_monetary_other).toBe('liquidated-damages, orders-closed');
    expect(s?.decision_visibility).toEqual(['DECISION_VISIBILITY_OTHER']);
    expect(s?.decision_visibility_other).toBe('mystery-measure');
    // A suspension outweighs "other" on the monetary field.
    expect(
      toStatementOfReasons({ ...decision, measures: ['orders-closed', 'deposit-frozen'] })?.decision_monetary,
    ).toBe('DECISION_MONETARY_SUSPENSION');
  });

  it('maps sources, automation and account types', () => {
    const detected = toStatementOfReasons({
      ...decision,
      subjectKind: 'buyer',
      rule: 'member-rights-abuse',
      measures: ['reviews-restricted'],
      source: 'system_detection',
      automatedDetection: true,
      automatedDecision: true,
    });
    expect(detected).toMatchObject({
      source_type: 'SOURCE_VOLUNTARY',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_FULLY',
      account_type: 'ACCOUNT_TYPE_PRIVATE',
      category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
      category_specification: ['KEYWORD_OTHER'],
      category_specification_other: expect.stringContaining('abuse of buyer rights'),
      content_type: ['CONTENT_TYPE_OTHER'],
      content_type_other: expect.any(String),
    });
    expect(toStatementOfReasons({ ...decision, source: 'spot_check' })?.source_type).toBe('SOURCE_VOLUNTARY');
  });

  it('adds the second category of fake transactions and the rules link when given', () => {
    const s = toStatementOfReasons(
      { ...decision, rule: 'fake-transaction', measures: ['search-demotion'] },
      { rulesUrl: 'https://rules.example.com/fake-transaction', territorialScope: ['DE'] },
    );
    expect(s?.category).toBe('STATEMENT_CATEGORY_SCAMS_AND_FRAUD');
    expect(s?.category_addition).toEqual(['STATEMENT_CATEGORY_CONSUMER_INFORMATION']);
    expect(s?.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_DEMOTED']);
    expect(s?.decision_ground_reference_url).toBe('https://rules.example.com/fake-transaction');
    expect(s?.territorial_scope).toEqual(['DE']);
  });

  it('clips free text to the schema limits', () => {
    const s = toStatementOfReasons({ ...decision, reason: '证'.repeat(6000) });
    expect([...(s?.decision_facts ?? '')].length).toBe(5000);
    expect(s?.decision_facts.endsWith('…')).toBe(true);
  });

  it('dates decisions in platform time and gives each a schema-valid, stable puid', () => {
    expect(platformDate('2026-12-31T15:59:59Z')).toBe('2026-12-31');
    expect(platformDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(platformDate('2027-01-01T00:30:00+08:00')).toBe('2027-01-01');
    const puid = puidOf(decision);
    expect(puid).toMatch(/^[A-Za-z0-9_-]{1,500}$/);
    expect(puidOf({ ...decision })).toBe(puid);
    expect(puidOf({ ...decision, decidedAt: '2026-03-31T17:30:00.001Z' })).not.toBe(puid);
    expect(puidOf({ ...decision, caseId: 1208 })).not.toBe(puid);
  });
});
