import { describe, expect, it } from 'vitest';
import { isNoteFrozen, NOTE_EDIT_WINDOW_MS } from '../../../shared/notes/editWindow';
import { mentionedUsernames, notePlainText, parseInline, parseNote } from '../../../shared/notes/markdownLight';

describe('markdown-light notes', () => {
  it('parses bold, italics, code, safe links and mentions', () => {
    expect(parseInline('**重点** *斜体* _也是_ `code` [规则](https://rule.taobao.com/x) @li.na。')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: '重点' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: '斜体' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: '也是' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'code' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://rule.taobao.com/x', children: [{ type: 'text', text: '规则' }] },
      { type: 'text', text: ' ' },
      { type: 'mention', username: 'li.na' },
      { type: 'text', text: '。' },
    ]);
  });

  it('keeps HTML and unsafe links as plain text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
    expect(parseInline('[点我](javascript:alert(1))')).toEqual([{ type: 'text', text: '[点我](javascript:alert(1))' }]);
    expect(parseInline('[x](data:text/html,hi)')).toEqual([{ type: 'text', text: '[x](data:text/html,hi)' }]);
  });

  it('leaves snake_case, emails and unclosed marks alone', () => {
    expect(parseInline('user_id li@corp.example **open')).toEqual([
      { type: 'text', text: 'user_id li@corp.example **open' },
    ]);
  });

  it('groups lines into paragraphs and lists', () => {
    expect(parseNote('第一行\n第二行\n\n- 甲\n- 乙\n1. 一\n2. 二')).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: '第一行' }, { type: 'break' }, { type: 'text', text: '第二行' }],
      },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: '甲' }], [{ type: 'text', text: '乙' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: '一' }], [{ type: 'text', text: '二' }]] },
    ]);
  });

  it('finds each mention once, outside code spans, and ends a name at a full stop', () => {
    expect(mentionedUsernames('@wang.wei 请看，抄送 **@li.na**。`@zhao` ask @wang.wei.')).toEqual([
      'wang.wei',
      'li.na',
    ]);
  });

  it('keeps every character of pathological input as text', () => {
    for (const text of ['['.repeat(10_000), '`'.repeat(9_999), '@'.repeat(10_000)]) {
      expect(parseNote(text)).toEqual([{ type: 'paragraph', children: [{ type: 'text', text }] }]);
    }
  });

  it('flattens a note to one line of plain text', () => {
    expect(notePlainText('**重点**：见[规则](https://rule.taobao.com)\n- 甲\n- `乙`\n\n请 @li.na 核对')).toBe(
      '重点：见规则 甲 · 乙 请 @li.na 核对',
    );
  });

  it('freezes a note ten minutes after it was written', () => {
    const createdAt = '2026-01-01T00:00:00.000Z';
    expect(isNoteFrozen(createdAt, new Date(Date.parse(createdAt) + NOTE_EDIT_WINDOW_MS))).toBe(false);
    expect(isNoteFrozen(createdAt, new Date(Date.parse(createdAt) + NOTE_EDIT_WINDOW_MS + 1))).toBe(true);
  });
});
