import { describe, expect, it } from 'vitest';
import { newQueueForm, validateQueueForm } from '../../../client/features/queueAdmin/queueForm';
import { validateRoutingForm } from '../../../client/features/queueAdmin/routingForm';
import { moveRule, nextPosition } from '../../../client/features/queueAdmin/routingOrder';

describe('moving a routing rule', () => {
  const rules = [
    { id: 1, position: 0 },
    { id: 2, position: 10 },
    { id: 3, position: 20 },
  ];

  it('swaps the positions of the rule and its neighbour', () => {
    expect(moveRule(rules, 2, -1)).toEqual([
      { id: 3, position: 10 },
      { id: 2, position: 20 },
    ]);
    expect(moveRule(rules, 0, 1)).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 10 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(moveRule(rules, 0, -1)).toEqual([]);
    expect(moveRule(rules, 2, 1)).toEqual([]);
  });

  it('renumbers when positions tie, since swapping equal positions would change nothing', () => {
    const tied = [
      { id: 1, position: 5 },
      { id: 2, position: 5 },
      { id: 3, position: 30 },
    ];
    expect(moveRule(tied, 1, -1)).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 10 },
      { id: 3, position: 20 },
    ]);
  });

  it('puts a new rule after the last one, within the allowed range', () => {
    expect(nextPosition([])).toBe(0);
    expect(nextPosition(rules)).toBe(30);
    expect(nextPosition([{ id: 1, position: 9_995 }])).toBe(10_000);
  });
});

describe('the queue form', () => {
  const filled = { ...newQueueForm(), id: 'brand', nameZh: '品牌', nameEn: 'Brand' };

  it('gives the save input with SLA days as numbers and the default SLAs', () => {
    expect(validateQueueForm(filled).input).toEqual({
      id: 'brand',
      nameZh: '品牌',
      nameEn: 'Brand',
      slaDays: { user_report: 30, spot_check: 14, system_detection: 7 },
      autoAssign: false,
      holdLimit: 3,
    });
  });

  it('names each faulty field', () => {
    const result = validateQueueForm({
      ...filled,
      id: 'Brand X',
      nameEn: '  ',
      slaDays: { user_report: '0', spot_check: '1.5', system_detection: '366' },
      holdLimit: '0',
    });
    expect(result.input).toBeUndefined();
    expect(result.errors).toEqual({
      id: 'queues.form.idInvalid',
      nameEn: 'queues.form.nameInvalid',
      user_report: 'queues.form.slaInvalid',
      spot_check: 'queues.form.slaInvalid',
      system_detection: 'queues.form.slaInvalid',
      holdLimit: 'queues.form.holdLimitInvalid',
    });
  });

  it('refuses an id already in use when creating (saving would overwrite that queue)', () => {
    expect(validateQueueForm(filled, new Set(['brand'])).errors).toEqual({ id: 'queues.form.idTaken' });
  });
});

describe('the routing rule form', () => {
  const base = {
    queueId: 'general',
    platforms: [],
    rules: [],
    subjectKinds: [],
    sources: [],
    minSeverity: null,
    enabled: true,
  };

  it('leaves out empty conditions, which then match anything', () => {
    expect(validateRoutingForm(base, new Set(['general'])).match).toEqual({});
    expect(
      validateRoutingForm({ ...base, rules: ['counterfeit'], minSeverity: 3 }, new Set(['general'])).match,
    ).toEqual({ rules: ['counterfeit'], minSeverity: 3 });
  });

  it('wants an existing queue and only rule ids the rulebook has', () => {
    expect(validateRoutingForm({ ...base, queueId: 'gone', rules: ['retired-rule'] }, new Set(['general']))).toEqual({
      errors: { queueId: 'queues.routing.form.queueRequired', rules: 'queues.routing.form.unknownRules' },
    });
  });
});
