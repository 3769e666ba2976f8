import type { FactSpec, Rulebook } from '../../shared/rulebook';

/**
 * Facts a reviewer could have entered for a demo finding of `rule`, built from the rule's own
 * fact specs (so they pass the same validation as the decision panel's): enums pick an option,
 * integers a small count at or above their minimum, booleans are mostly false, item lists name
 * one of the subject's items; optional enums and reviewer-chosen measures stay empty.
 */
export function demoFactsFor(rulebook: Rulebook, rule: string, subjectId: string, n: number, random: () => number) {
  const definition = rulebook.rules.find((r) => r.id === rule);
  const facts: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(definition?.facts ?? {}) as [string, FactSpec][]) {
    switch (spec.type) {
      case 'enum':
        // An optional enum stays unset, as a reviewer may leave it (and the demo's draws stay as they were).
        if (spec.required) facts[name] = spec.values[Math.floor(random() * spec.values.length)];
        break;
      case 'integer': {
        const min = spec.min ?? 0;
        const value = min + Math.floor(random() * 3);
        facts[name] = spec.max === undefined ? value : Math.min(spec.max, value);
        break;
      }
      case 'boolean':
        facts[name] = random() < 0.15;
        break;
      case 'strings':
        facts[name] = [`${subjectId}-商品-${(n % 5) + 1}`];
        break;
      case 'measures':
        break;
    }
  }
  return facts;
}
