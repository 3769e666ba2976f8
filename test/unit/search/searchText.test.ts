import { describe, expect, it } from 'vitest';
import {
  gramsOf,
  highlightSnippet,
  normalizeForSearch,
  parseSearchQuery,
  SEARCH_QUERY_MAX,
  splitTerms,
} from '../../../shared/search/searchText';

describe('search text', () => {
  it('normalizes full-width forms and case, one code point at a time', () => {
    expect(normalizeForSearch('ＴＢ－００４２ Acme 团伙')).toBe('tb-0042 acme 团伙');
    expect(normalizeForSearch('𠀀团')).toBe('𠀀团');
  });

  it('indexes every one- and two-character gram inside word runs, never across punctuation', () => {
    expect(gramsOf('刷单团伙').sort()).toEqual(['伙', '刷', '刷单', '单', '单团', '团', '团伙'].sort());
    expect(gramsOf('团，伙')).not.toContain('团伙');
    expect(gramsOf('ab-1')).toEqual(['a', 'b', 'ab', '1']);
    // Characters outside the BMP are one character each.
    expect(gramsOf('𠀀团')).toEqual(['𠀀', '团', '𠀀团']);
  });

  it('reads a query literally into normalized terms, edges stripped', () => {
    expect(parseSearchQuery('  "团伙"  NEAR( TB-0042* ')).toEqual({ ok: true, terms: ['团伙', 'near', 'tb-0042'] });
    expect(parseSearchQuery('刷单\u3000团伙')).toEqual({ ok: true, terms: ['刷单', '团伙'] });
    expect(parseSearchQuery('团伙 团伙')).toEqual({ ok: true, terms: ['团伙'] });
    expect(splitTerms(['团', '团伙', '刷单团', 'ab', 'abc'])).toEqual({
      long: ['刷单团', 'abc'],
      short: ['团', '团伙', 'ab'],
    });
  });

  it('refuses empty, long, malformed and term-less queries, each with its own problem', () => {
    expect(parseSearchQuery(' \t')).toEqual({ ok: false, problem: 'empty' });
    expect(parseSearchQuery('团'.repeat(SEARCH_QUERY_MAX + 1))).toEqual({ ok: false, problem: 'too_long' });
    // Length counts characters, not UTF-16 units.
    expect(parseSearchQuery('𠀀'.repeat(SEARCH_QUERY_MAX)).ok).toBe(true);
    expect(parseSearchQuery('团\ud800')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseSearchQuery('\udc00团')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseSearchQuery('团\u200b伙')).toEqual({ ok: false, problem: 'malformed' });
    expect(parseSearchQuery('" * ( ) -')).toEqual({ ok: false, problem: 'nothing_to_search' });
    expect(parseSearchQuery('a b c d e f g h i')).toEqual({ ok: false, problem: 'too_many_terms' });
  });

  it('marks every occurrence in the original text, around the first one', () => {
    const text = `${'前文'.repeat(40)}发现刷单团伙，团伙成员${'后文'.repeat(40)}`;
    const { text: snippet, highlights } = highlightSnippet(text, ['团伙'], 40);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(highlights.map((h) => snippet.slice(h.start, h.end))).toEqual(['团伙', '团伙']);
  });

  it('maps full-width and upper-case matches back to what was written', () => {
    const { text, highlights } = highlightSnippet('卖家 ＡＣＭＥ 与 Acme', ['acme']);
    expect(highlights.map((h) => text.slice(h.start, h.end))).toEqual(['ＡＣＭＥ', 'Acme']);
  });

  it('merges overlapping marks and never cuts a surrogate pair', () => {
    const { text, highlights } = highlightSnippet('刷单团伙', ['刷单团', '团伙']);
    expect(highlights).toEqual([{ start: 0, end: 4 }]);
    expect(text).toBe('刷单团伙');
    const wide = highlightSnippet(`${'𠀀'.repeat(30)}团伙${'𠀀'.repeat(30)}`, ['团伙'], 21);
    expect(wide.text).not.toMatch(/\p{Cs}/u);
    expect(wide.highlights.map((h) => wide.text.slice(h.start, h.end))).toEqual(['团伙']);
  });

  it('shows the start of the text when nothing matches in it', () => {
    expect(highlightSnippet('短文本', ['团伙'])).toEqual({ text: '短文本', highlights: [] });
  });
});
