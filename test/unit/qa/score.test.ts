/** QA scoring: each field of the blind verdict against the first decision, judged by the engine. */
import { describe, expect, it } from 'vitest';
import { scoreVerdict } from '../../../shared/qa/score';
import type { QaVerdict } from '../../../shared/qa/verdict';
import { defaultRulebook } from '../../../shared/rulebook';

const context = { history: { violations: [] }, asOf: '2026-03-01T12:00:00+08:00' };
const score = (first: QaVerdict, second: QaVerdict) => scoreVerdict(defaultRulebook, first, second, context);

const sale: QaVerdict = { decision: 'apply', rule: 'counterfeit', facts: { kind: 'sale' } };
const sixListed: QaVerdict = { decision: 'apply', rule: 'counterfeit', facts: { kind: 'listing', items: 6 } };
const oneListed: QaVerdict = { decision: 'apply', rule: 'counterfeit', facts: { kind: 'listing', items: 1 } };

describe('scoreVerdict', () => {
  it('agrees on every field for the same verdict', () => {
    const s = score(sale, sale);
    expect(s).toMatchObject({ kind: 'agree', rule: 'agree', points: 'agree', measures: 'agree', agreed: true });
    expect(s.effects.first).toEqual({ ledger: 'counterfeit', points: 12, measures: ['item-deleted'] });
  });

  it('judges points by the engine: different facts worth the same points agree', () => {
    const s = score(sale, sixListed);
    expect(s.points).toBe('agree');
    expect(s.effects.second?.points).toBe(12);
    expect(s.agreed).toBe(true);
  });

  it('disagrees on points when the engine judges the facts differently', () => {
    const s = score(sale, oneListed);
    expect(s).toMatchObject({ kind: 'agree', rule: 'agree', points: 'disagree', agreed: false });
    expect(s.effects.second?.points).toBe(2);
  });

  it('disagrees on measures when the chosen measures differ', () => {
    const s = score(sale, { decision: 'apply', rule: 'counterfeit', facts: { kind: 'facilitation', serious: true } });
    expect(s.points).toBe('agree');
    expect(s.measures).toBe('disagree');
    expect(s.agreed).toBe(false);
  });

  it('scores a waiver on what it forgives: same points, another kind', () => {
    const s = score(sale, { ...sale, decision: 'waive' });
    expect(s).toMatchObject({ kind: 'disagree', rule: 'agree', points: 'agree', measures: 'agree', agreed: false });
  });

  it('leaves rule, points and measures out when both dismiss', () => {
    const s = score({ decision: 'dismiss' }, { decision: 'dismiss' });
    expect(s).toMatchObject({ kind: 'agree', rule: 'n/a', points: 'n/a', measures: 'n/a', agreed: true });
    expect(s.effects).toEqual({ first: null, second: null });
  });

  it('disagrees on every finding field when only one side finds a violation', () => {
    const s = score(sale, { decision: 'dismiss' });
    expect(s).toMatchObject({ kind: 'disagree', rule: 'disagree', points: 'disagree', measures: 'disagree' });
    expect(s.agreed).toBe(false);
  });

  it('disagrees on rule when the rules differ', () => {
    const s = score(sale, { decision: 'apply', rule: 'fake-transaction', facts: {} });
    expect(s.rule).toBe('disagree');
    expect(s.agreed).toBe(false);
  });

  it('judges on the record the first decision met: under a cap, one item and three items agree', () => {
    const one: QaVerdict = { decision: 'apply', rule: 'counterfeit', facts: { kind: 'listing', items: 1 } };
    const three: QaVerdict = { decision: 'apply', rule: 'counterfeit', facts: { kind: 'listing', items: 3 } };
    expect(score(one, three).points).toBe('disagree');
    const capped = {
      violations: [
        { id: 'v1', rule: 'counterfeit', at: '2026-03-01T09:00:00+08:00', facts: { kind: 'listing', items: 6 } },
      ],
    };
    const s = scoreVerdict(defaultRulebook, one, three, { ...context, history: capped });
    expect(s.effects.first?.points).toBe(0);
    expect(s.points).toBe('agree');
  });
});
