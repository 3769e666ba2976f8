/**
 * The text side of free-text search, the same on the server (indexing, querying) and in tests:
 * how text is normalized, how a query is read into terms, which short grams a document is
 * indexed under, and where a match sits in the original text. docs/SEARCH.md explains the design.
 *
 * A term matches a document when the document's normalized text contains it. Terms of three or
 * more characters are found through a trigram index; shorter ones (a two-character Chinese word
 * such as 团伙 or 刷单) through the set of one- and two-character grams of each word run.
 */

/** Longest query accepted, in characters: a search box, not a document. */
export const SEARCH_QUERY_MAX = 100;
/** Most terms a query may have (every one must match). */
export const SEARCH_TERMS_MAX = 8;
/** Terms shorter than this (in characters) are looked up among a document's grams, not its trigrams. */
export const TRIGRAM_MIN = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const EDGE_JUNK = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// Control and format characters have no place in a query; with the u flag a lone surrogate
// (not part of a pair) reads as a code point of category Cs.
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * Normalizes each code point on its own (NFKC, then lower case): full-width Latin and digits
 * become half-width, case is folded. Code point by code point, so that every character of the
 * normalized text maps back to one character of the original (for highlighting), and a query is
 * normalized exactly as the text it is matched against.
 */
export function normalizeWithOrigins(text: string): { norm: string; origins: number[] } {
  let norm = '';
  // origins[i]: the offset in `text` of the code point that produced norm's code unit i.
  const origins: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    norm += n;
    for (let i = 0; i < n.length; i++) origins.push(offset);
    offset += ch.length;
  }
  origins.push(offset);
  return { norm, origins };
}

export function normalizeForSearch(text: string): string {
  return normalizeWithOrigins(text).norm;
}

/**
 * Every distinct one- and two-character substring of the runs of letters and digits in
 * normalized text: what a term shorter than a trigram is matched against. A two-character term
 * is in this set exactly when the text contains it (its edges are letters or digits, see
 * `parseSearchQuery`), so short terms keep substring semantics.
 */
export function gramsOf(norm: string): string[] {
  const grams = new Set<string>();
  let previous: string | null = null;
  for (const ch of norm) {
    if (!WORD_CHAR.test(ch)) {
      previous = null;
      continue;
    }
    grams.add(ch);
    if (previous !== null) grams.add(previous + ch);
    previous = ch;
  }
  return [...grams];
}

export type SearchQueryProblem = 'empty' | 'too_long' | 'malformed' | 'nothing_to_search' | 'too_many_terms';

export type ParsedSearchQuery = { ok: true; terms: string[] } | { ok: false; problem: SearchQueryProblem };

/**
 * Reads a query into terms, all literal: the query is split on white space, each term is
 * normalized and loses the punctuation at its edges (`"团伙"` searches 团伙, `NEAR(` searches
 * `near`), and punctuation inside a term is kept (`tb-0042`). Nothing the user types is ever
 * passed to a database as query syntax. A query that leaves no term is refused, as are empty,
 * over-long or malformed ones.
 */
export function parseSearchQuery(q: string): ParsedSearchQuery {
  if (CONTROL_OR_LONE_SURROGATE.test(q.replace(/[\t\n\r]/g, ' '))) return { ok: false, problem: 'malformed' };
  if ([...q].length > SEARCH_QUERY_MAX) return { ok: false, problem: 'too_long' };
  if (q.trim() === '') return { ok: false, problem: 'empty' };
  const terms = [
    ...new Set(
      normalizeForSearch(q)
        .split(/\s+/u)
        .map((t) => t.replace(EDGE_JUNK, ''))
        .filter(Boolean),
    ),
  ];
  if (terms.length === 0) return { ok: false, problem: 'nothing_to_search' };
  if (terms.length > SEARCH_TERMS_MAX) return { ok: false, problem: 'too_many_terms' };
  return { ok: true, terms };
}

/** Terms that go to the trigram index and terms that go to the gram set. */
export function splitTerms(terms: readonly string[]): { long: string[]; short: string[] } {
  const long = terms.filter((t) => [...t].length >= TRIGRAM_MIN);
  return { long, short: terms.filter((t) => !long.includes(t)) };
}

export interface Highlighted {
  /** A stretch of the original text around the first match (with … where it was cut). */
  text: string;
  /** Where the terms are in `text`: UTF-16 offsets, end exclusive, in order, not overlapping. */
  highlights: { start: number; end: number }[];
}

/**
 * The part of `text` to show for a hit, with every occurrence of a term in it marked. Offsets
 * refer to the original text (not the normalized one), so the client marks exactly what the
 * reviewer reads; it renders them as text nodes, never as markup.
 */
export function highlightSnippet(text: string, terms: readonly string[], width = 80): Highlighted {
  const { norm, origins } = normalizeWithOrigins(text);
  const ranges: { start: number; end: number }[] = [];
  for (const term of terms) {
    for (let at = norm.indexOf(term); at !== -1; at = norm.indexOf(term, at + term.length)) {
      ranges.push({ start: origins[at] ?? 0, end: origins[at + term.length] ?? text.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const first = merged[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  from = Math.max(0, Math.min(from, to - width));
  // Never cut a surrogate pair in half.
  if (isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (isLowSurrogate(text.charCodeAt(to))) to += 1;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shift = prefix.length - from;
  return {
    text: `${prefix}${text.slice(from, to)}${suffix}`,
    highlights: merged
      .filter((r) => r.start < to && r.end > from)
      .map((r) => ({ start: Math.max(r.start, from) + shift, end: Math.min(r.end, to) + shift })),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
