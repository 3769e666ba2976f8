import { describe, expect, it } from 'vitest';
import { rulebookView } from '../../../shared/api/rulebook';
import { toRulebookView } from '../../../shared/api/rulebookView';
import { defaultRulebook, xianyuRulebook } from '../../../shared/rulebook';

describe('the rulebook as the admin page reads it', () => {
  it.each([defaultRulebook, xianyuRulebook])('passes its own output schema ($id)', (rulebook) => {
    const view = toRulebookView(rulebook);
    expect(rulebookView.parse(view)).toEqual(view);
    // JSON-safe: what goes over the wire comes back the same.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('ends each version the day before the next takes effect', () => {
    const view = toRulebookView(defaultRulebook);
    const abuse = view.rules.find((r) => r.id === 'member-rights-abuse');
    expect(abuse?.versions.map((v) => [v.effectiveFrom, v.sinceRecordsBegin, v.inForceUntil])).toEqual([
      ['1970-01-01', true, '2016-08-01'],
      ['2016-08-02', false, null],
    ]);
  });

  it('resolves the ledger of every tier and keeps overrides apart', () => {
    const fake = toRulebookView(defaultRulebook).rules.find((r) => r.id === 'fake-transaction');
    const version = fake?.versions[0];
    expect(version?.tiers.map((t) => [t.ledger, t.points])).toEqual([
      ['general', 48],
      ['general', 48],
      ['general', 48],
      ['general', 12],
      ['general', 12],
      ['general', 0],
    ]);
    expect(version?.overrides.every((t) => t.ledger === 'serious' && t.points === 48)).toBe(true);
    expect(version?.demotion).toEqual({ itemsFact: 'items', days: 30, measure: 'search-demotion' });
  });

  it('carries the counterfeit listing cap, strikes and required facts', () => {
    const counterfeit = toRulebookView(defaultRulebook).rules.find((r) => r.id === 'counterfeit');
    const listing = counterfeit?.versions[0]?.tiers.find((t) => t.cap);
    expect(listing?.points).toEqual({ perUnit: 'items', each: 2 });
    expect(listing?.cap).toEqual({ group: 'counterfeit-listing', points: 12, withinDays: 3 });
    expect(counterfeit?.versions[0]?.tiers.filter((t) => t.strike)).toHaveLength(1);
    expect(counterfeit?.facts.find((f) => f.name === 'items')).toMatchObject({
      required: false,
      requiredWhen: { fact: 'kind', equals: 'listing' },
      min: 1,
    });
  });

  it('lists Xianyu punishments started by the finding itself', () => {
    const view = toRulebookView(xianyuRulebook);
    const punishments = view.rules
      .flatMap((r) => r.versions.flatMap((v) => v.tiers))
      .flatMap((t) => t.punishment ?? []);
    expect(punishments).toContainEqual(expect.objectContaining({ days: null }));
    expect(punishments).toContainEqual(
      expect.objectContaining({ days: { fromFact: 'controlDays', default: 7 }, whileLedgerBelow: 48 }),
    );
  });
});
