/**
 * Immutable edits of a draft rulebook by path, the same paths the server names a refused field
 * by (`rules[2].versions[1].cases[0].points`), so an error finds the field that shows it.
 */
export type DraftPath = readonly (string | number)[];

/** `['rules', 2, 'versions']` → `rules[2].versions`: the key errors are filed under. */
export function pathKey(path: DraftPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/** A copy of `root` with `value` at `path`; `undefined` removes an object key. Untouched branches are shared. */
export function setIn<T>(root: T, path: DraftPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const current: unknown = root;
  if (Array.isArray(current)) {
    const copy = [...current];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const object = (current && typeof current === 'object' ? current : {}) as Record<string, unknown>;
  const next = setIn(object[head as string], rest, value);
  const copy = { ...object };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: DraftPath): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * What a number field holds: a number when the text is one, else the text itself, so the checks
 * (and the server) refuse it at that field instead of the form silently keeping the old value.
 */
export function numberFromText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}
