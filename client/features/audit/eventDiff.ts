/** One line of an event's readable diff: a field path and its value before and after. */
export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  /** absent before, absent after, or present in both */
  kind: 'added' | 'removed' | 'changed' | 'same';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Flattens nested objects into dotted paths (`facts.items`), so a change deep inside shows as
 * one line. Arrays stay whole: a list of measures reads better as a list than as `[0]`, `[1]`.
 */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isRecord(value)) {
    if (prefix) out.set(prefix, value);
    return out;
  }
  const keys = Object.keys(value);
  if (keys.length === 0 && prefix) out.set(prefix, {});
  for (const key of keys) {
    for (const [path, leaf] of flatten(value[key], prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The before/after diff of an event's data, when the data has that shape (`{before, after}`);
 * null otherwise (a decision payload, say), which the detail view shows as plain fields.
 * Changed lines come first, in path order, then the unchanged ones.
 */
export function diffEventData(data: unknown): DiffRow[] | null {
  if (!isRecord(data) || !('before' in data || 'after' in data)) return null;
  const before = flatten(data.before ?? {});
  const after = flatten(data.after ?? {});
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const rows = paths.map((path): DiffRow => {
    const b = before.get(path);
    const a = after.get(path);
    const kind = !before.has(path) ? 'added' : !after.has(path) ? 'removed' : same(a, b) ? 'same' : 'changed';
    return { path, before: b, after: a, kind };
  });
  return [...rows.filter((r) => r.kind !== 'same'), ...rows.filter((r) => r.kind === 'same')];
}

/** A value as one short line: strings bare, everything else as JSON, absence as an em dash. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
