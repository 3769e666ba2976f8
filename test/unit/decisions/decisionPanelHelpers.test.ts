import { describe, expect, it } from 'vitest';
import { approvalReasonText } from '../../../client/features/case/decision/approvalReasonText';
import { initialFactInputs, toFacts } from '../../../client/features/case/decision/factsForm';
import { isoToPlatformLocal, platformLocalToIso, setPlatformOffset } from '../../../client/lib/platformTime';
import { toRulebookView } from '../../../shared/api/rulebookView';
import { defaultRulebook, factsSchema } from '../../../shared/rulebook';

const view = toRulebookView(defaultRulebook);
const factsOf = (rule: string) => view.rules.find((r) => r.id === rule)?.facts ?? [];

describe('facts form → facts', () => {
  it('turns fake-transaction fields into the facts the engine takes, leaving empty and false fields out', () => {
    const facts = factsOf('fake-transaction');
    const inputs = {
      ...initialFactInputs(facts),
      transactions: ' 120 ',
      items: ['item-9', ' item-9 ', ''],
      largeScale: true,
    };
    const result = toFacts(facts, inputs);
    expect(result).toEqual({ facts: { transactions: 120, items: ['item-9'], largeScale: true }, problems: {} });
    // What the form produces is what the server's validation accepts.
    expect(
      factsSchema(defaultRulebook.rules.find((r) => r.id === 'fake-transaction')!).safeParse(result.facts).success,
    ).toBe(true);
  });

  it('names the field that is missing, not a whole number, or below its minimum', () => {
    const facts = factsOf('fake-transaction');
    expect(toFacts(facts, initialFactInputs(facts)).problems).toEqual({ transactions: { code: 'required' } });
    expect(toFacts(facts, { transactions: '2.5' }).problems).toEqual({ transactions: { code: 'integer' } });
    expect(toFacts(facts, { transactions: '-1' }).problems).toEqual({ transactions: { code: 'min', value: 0 } });
    expect(toFacts(facts, { transactions: '0' }).problems).toEqual({});
  });

  it('checks "required when" against the other fact (counterfeit listings need the item count)', () => {
    const facts = factsOf('counterfeit');
    expect(toFacts(facts, { kind: '' }).problems).toEqual({ kind: { code: 'required' } });
    expect(toFacts(facts, { kind: 'listing' }).problems).toEqual({
      items: { code: 'requiredWhen', fact: 'kind', value: 'listing' },
    });
    expect(toFacts(facts, { kind: 'sale', serious: false })).toEqual({ facts: { kind: 'sale' }, problems: {} });
    expect(toFacts(facts, { kind: 'resale' }).problems).toEqual({ kind: { code: 'notAllowed' } });
  });

  it('keeps chosen measures as a list and omits an empty choice', () => {
    const facts = factsOf('member-rights-abuse');
    expect(toFacts(facts, { points: '12', measures: ['liquidated-damages'] }).facts).toEqual({
      points: 12,
      measures: ['liquidated-damages'],
    });
    expect(toFacts(facts, { points: '', measures: [] }).facts).toEqual({});
  });

  it('prefills from the first source whose value fits the spec, skipping ones that do not', () => {
    const facts = factsOf('fake-transaction');
    const inputs = initialFactInputs(facts, [
      null,
      { transactions: 'many', items: ['a'] },
      { transactions: 45, largeScale: true },
    ]);
    expect(inputs).toEqual({
      transactions: '45',
      items: ['a'],
      largeScale: true,
      aggravated: false,
      providesService: false,
    });
  });
});

describe('violation time in platform time', () => {
  it('reads the datetime-local field as UTC+8 and writes it back', () => {
    setPlatformOffset(defaultRulebook.utcOffsetMinutes);
    expect(platformLocalToIso('2024-03-01T09:30')).toBe('2024-03-01T09:30:00+08:00');
    expect(new Date(platformLocalToIso('2024-03-01T09:30') ?? '').toISOString()).toBe('2024-03-01T01:30:00.000Z');
    expect(isoToPlatformLocal('2024-03-01T01:30:00.000Z')).toBe('2024-03-01T09:30');
    expect(isoToPlatformLocal('2024-12-31T20:00:00Z')).toBe('2025-01-01T04:00');
  });

  it('treats an empty, malformed or impossible date as no time given', () => {
    setPlatformOffset(defaultRulebook.utcOffsetMinutes);
    expect(platformLocalToIso('')).toBeUndefined();
    expect(platformLocalToIso('yesterday')).toBeUndefined();
    expect(platformLocalToIso('2024-02-31T10:00')).toBeUndefined();
  });
});

describe('four-eyes reasons', () => {
  const t = (key: string, options?: Record<string, unknown>) =>
    `${key}${options?.measure ? `(${options.measure})` : ''}`;
  it('names the measure of a measure reason and keys the others', () => {
    expect(approvalReasonText('measure:account-banned', t, (id) => `label:${id}`)).toBe(
      'fourEyes.reason.measure(label:account-banned)',
    );
    expect(approvalReasonText('seals', t, String)).toBe('fourEyes.reason.seals');
  });
});
