import type { LedgerView, RulebookView } from '../../../shared/api/rulebook';

type LedgerId = LedgerView['id'];

/** Rules that charge each ledger, by any version or tier (a tier may charge another ledger). */
export function rulesByLedger(view: RulebookView): Map<LedgerId, string[]> {
  const result = new Map<LedgerId, string[]>();
  for (const rule of view.rules) {
    const ledgers = new Set<LedgerId>();
    for (const version of rule.versions) {
      ledgers.add(version.ledger);
      for (const tier of [...version.tiers, ...version.overrides]) ledgers.add(tier.ledger);
    }
    for (const ledger of ledgers) result.set(ledger, [...(result.get(ledger) ?? []), rule.id]);
  }
  return result;
}

/** Where each measure appears: the rules that list it, and the ledgers whose nodes or strikes apply it. */
export function measureUsage(view: RulebookView): Map<string, { rules: string[]; ledgers: LedgerId[] }> {
  const usage = new Map<string, { rules: Set<string>; ledgers: Set<LedgerId> }>();
  const entry = (id: string) => {
    const found = usage.get(id) ?? { rules: new Set<string>(), ledgers: new Set<LedgerId>() };
    usage.set(id, found);
    return found;
  };
  for (const rule of view.rules) {
    for (const version of rule.versions) {
      const tiers = [...version.tiers, ...version.overrides];
      const ids = [
        ...version.measures,
        ...version.nodeMeasures,
        ...(version.demotion ? [version.demotion.measure] : []),
        ...tiers.flatMap((tier) => [...tier.measures.fixed, ...(tier.punishment?.measures ?? [])]),
      ];
      for (const id of ids) entry(id).rules.add(rule.id);
    }
  }
  for (const ledger of view.ledgers) {
    const { nodes, strikes } = ledger;
    const ids = [
      ...(nodes.kind === 'thresholds' ? nodes.nodes.flatMap((n) => n.measures) : []),
      ...(nodes.kind === 'every' ? nodes.measures : []),
      ...(strikes?.measures ?? []),
    ];
    for (const id of ids) entry(id).ledgers.add(ledger.id);
  }
  return new Map([...usage].map(([id, u]) => [id, { rules: [...u.rules], ledgers: [...u.ledgers] }]));
}
