import { describe, expect, it } from 'vitest';
import { initialFactInputs } from '../../../client/features/case/decision/factsForm';
import { parsePercent, policyDraftOf, policyInputOf } from '../../../client/features/qa/policyForm';
import { checkVerdict } from '../../../client/features/qa/verdictForm';
import { qaSetPolicyInput, qaSubmitInput } from '../../../shared/api/qa';
import { toRulebookView } from '../../../shared/api/rulebookView';
import { defaultRulebook } from '../../../shared/rulebook';

const view = toRulebookView(defaultRulebook);
const factsOf = (rule: string) => view.rules.find((r) => r.id === rule)?.facts ?? [];

describe('the QA verdict form', () => {
  const facts = factsOf('fake-transaction');
  const empty = { kind: null, rule: 'fake-transaction', inputs: initialFactInputs(facts), reason: '' };

  it('names every missing field of an empty verdict', () => {
    const checked = checkVerdict(empty, facts);
    expect(checked.valid).toBe(false);
    expect(checked.problems).toEqual({ kind: 'required', facts: {}, reason: 'required' });
    expect(checked.verdict).toBeNull();
  });

  it('asks a penalty for its rule and the rule’s facts, and sends what qa.submit accepts', () => {
    const noRule = checkVerdict({ ...empty, kind: 'apply', rule: '', reason: '证据确凿' }, []);
    expect(noRule.problems.rule).toBe('required');
    const noFacts = checkVerdict({ ...empty, kind: 'apply', reason: '证据确凿' }, facts);
    expect(noFacts.problems.facts).toEqual({ transactions: { code: 'required' } });
    expect(noFacts.valid).toBe(false);
    const full = checkVerdict(
      { ...empty, kind: 'apply', inputs: { ...empty.inputs, transactions: '120' }, reason: ' 证据确凿 ' },
      facts,
    );
    expect(full.valid).toBe(true);
    expect(full.verdict).toEqual({ decision: 'apply', rule: 'fake-transaction', facts: { transactions: 120 } });
    expect(qaSubmitInput.safeParse({ taskId: 1, ...full.verdict, reason: '证据确凿' }).success).toBe(true);
  });

  it('sends a dismissal without rule or facts, whatever the form still holds', () => {
    const checked = checkVerdict({ ...empty, kind: 'dismiss', reason: '不构成违规' }, facts);
    expect(checked).toMatchObject({ valid: true, verdict: { decision: 'dismiss' } });
    expect(checked.verdict).not.toHaveProperty('rule');
  });
});

describe('the QA policy form', () => {
  it('takes a whole number from 0 to 100 only', () => {
    expect(['0', ' 35 ', '100'].map(parsePercent)).toEqual([0, 35, 100]);
    expect(['', '101', '-1', '12.5', 'abc', '1e2'].map(parsePercent)).toEqual([null, null, null, null, null, null]);
  });

  it('sends what qa.setPolicy accepts, and nothing while the rate is wrong', () => {
    const draft = { ...policyDraftOf(undefined), percent: '20', alwaysRules: ['fake-transaction'], alwaysSeals: true };
    const input = policyInputOf('fake', draft);
    expect(input).toEqual({
      queueId: 'fake',
      percent: 20,
      alwaysRules: ['fake-transaction'],
      alwaysSeals: true,
      alwaysSeriousWaivers: false,
    });
    expect(qaSetPolicyInput.safeParse(input).success).toBe(true);
    expect(policyInputOf('fake', { ...draft, percent: '120' })).toBeNull();
  });
});
