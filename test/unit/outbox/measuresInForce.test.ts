import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../../../server/outbox/idempotencyKey';
import { measuresInForce } from '../../../server/outbox/measuresInForce';
import { defaultRulebook, standing } from '../../../shared/rulebook';

const fake = (id: string, at: string, items: string[] = []) => ({
  id,
  rule: 'fake-transaction',
  at,
  facts: { transactions: 120, items },
});

describe('measures in force', () => {
  it('lists each running punishment measure and each demoted item, not the finding-level demotion measure', () => {
    const s = standing(
      { violations: [fake('V1', '2026-03-01T10:00:00+08:00', ['item-1'])] },
      '2026-03-02T10:00:00+08:00',
    );
    const measures = measuresInForce(s, defaultRulebook);
    expect(measures.map((m) => `${m.scopeKey} ${m.measure}`).sort()).toEqual([
      'item:item-1 search-demotion',
      'punishment:node:general:12:V1 listing-restricted',
      'punishment:node:general:12:V1 public-warning',
      'punishment:node:general:12:V1 shop-shielded',
    ]);
    expect(measures.find((m) => m.scopeType === 'item')).toMatchObject({
      from: '2026-03-01',
      until: '2026-03-30',
      startsAt: '2026-02-28T16:00:00.000Z',
      // The last demoted platform day ends at 24:00 UTC+8.
      endsAt: '2026-03-30T16:00:00.000Z',
      findingId: 'V1',
      rule: 'fake-transaction',
    });
    expect(measures.find((m) => m.scopeType === 'punishment')).toMatchObject({
      startsAt: '2026-03-01T02:00:00.000Z',
      endsAt: '2026-03-08T02:00:00.000Z',
    });
  });

  it('leaves out what already ran its course, and everything of a reversed finding', () => {
    const history = { violations: [fake('V1', '2026-01-01T10:00:00+08:00', ['item-1'])] };
    expect(measuresInForce(standing(history, '2026-03-02T10:00:00+08:00'), defaultRulebook)).toEqual([]);
    const reversed = { ...history, reversed: ['V1'] };
    expect(measuresInForce(standing(reversed, '2026-01-02T10:00:00+08:00'), defaultRulebook)).toEqual([]);
  });

  it('keys messages by what they describe only', () => {
    const a = idempotencyKey('measure.ended', [
      'S-1',
      'item:item-1',
      'search-demotion',
      '2026-03-01',
      '2026-03-30',
      'expiry',
    ]);
    expect(a).toBe(
      idempotencyKey('measure.ended', ['S-1', 'item:item-1', 'search-demotion', '2026-03-01', '2026-03-30', 'expiry']),
    );
    expect(a).not.toBe(
      idempotencyKey('measure.lifted', ['S-1', 'item:item-1', 'search-demotion', '2026-03-01', '2026-03-30', 'expiry']),
    );
    expect(a).toMatch(/^measure\.ended:[0-9a-f]{40}$/);
  });
});
