/** Which effective decisions a queue's QA policy samples, and why. */
import { describe, expect, it } from 'vitest';
import { type EffectiveDecision, type SamplingPolicy, sampleReason } from '../../../shared/qa/sampling';

const none: SamplingPolicy = { percent: 0, alwaysRules: [], alwaysSeals: false, alwaysSeriousWaivers: false };
const apply: EffectiveDecision = { kind: 'apply', rule: 'counterfeit', seals: false, seriousWaiver: false };
const never = () => {
  throw new Error('no draw expected');
};

describe('sampleReason', () => {
  it('samples nothing under an empty policy, without drawing', () => {
    expect(sampleReason(none, apply, never)).toBeNull();
  });

  it('always samples the listed rules, whatever the decision', () => {
    const policy = { ...none, alwaysRules: ['counterfeit'] };
    expect(sampleReason(policy, apply, never)).toBe('rule');
    expect(sampleReason(policy, { ...apply, kind: 'dismiss' }, never)).toBe('rule');
    expect(sampleReason(policy, { ...apply, rule: 'fake-transaction' }, never)).toBeNull();
  });

  it('always samples seals and serious waivers when the policy says so', () => {
    expect(sampleReason({ ...none, alwaysSeals: true }, { ...apply, seals: true }, never)).toBe('seal');
    expect(sampleReason({ ...none, alwaysSeals: true }, apply, never)).toBeNull();
    const waiver = { ...apply, kind: 'waive' as const, seriousWaiver: true };
    expect(sampleReason({ ...none, alwaysSeriousWaivers: true }, waiver, never)).toBe('serious_waiver');
    expect(sampleReason({ ...none, alwaysSeals: true }, waiver, never)).toBeNull();
  });

  it('samples at random under the percent', () => {
    const policy = { ...none, percent: 10 };
    expect(sampleReason(policy, apply, () => 0.0999)).toBe('random');
    expect(sampleReason(policy, apply, () => 0.1)).toBeNull();
    expect(sampleReason({ ...none, percent: 100 }, apply, () => 0.99999)).toBe('random');
  });
});
