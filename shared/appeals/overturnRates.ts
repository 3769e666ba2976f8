/** Overturn rate: of the appeals ruled on, the share that reversed the decision. */
export interface OutcomeRow {
  key: string;
  label: string;
  approved: boolean;
}

export interface OverturnRate {
  key: string;
  label: string;
  ruled: number;
  overturned: number;
  rate: number;
}

export function overturnRates(rows: readonly OutcomeRow[]): OverturnRate[] {
  const groups = new Map<string, OverturnRate>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { key: r.key, label: r.label, ruled: 0, overturned: 0, rate: 0 };
    g.ruled += 1;
    if (r.approved) g.overturned += 1;
    groups.set(r.key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, rate: g.ruled ? g.overturned / g.ruled : 0 }))
    .sort((a, b) => b.rate - a.rate || a.key.localeCompare(b.key));
}
