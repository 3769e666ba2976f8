/**
 * The small markdown notes are written in: **bold**, *italics* (or _italics_), `code`,
 * [links](https://…), bullet (- or *) and numbered (1.) lists, and @username mentions. It parses
 * to a tree the desk renders element by element, so no HTML in a note is ever interpreted: a
 * `<script>` is shown as the text it is. Links keep only http(s) and mailto addresses; any other
 * (javascript:, data:) is shown as plain text. Shared so the server finds mentions exactly as
 * the screen shows them.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'mention'; username: string }
  | { type: 'break' };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

/** Usernames as staff accounts have them (lower-case letters, digits, ".", "_", "-"). */
const MENTION = /^@([a-z0-9][a-z0-9._-]{1,39})/;
const USERNAME_CHAR = /[a-z0-9._-]/i;
const LINK = /^\[([^\]\n]{1,300})\]\(([^()\s]{1,2000})\)/;
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const BULLET = /^\s{0,3}[-*]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
/** Emphasis inside emphasis stops here: deep nesting buys nothing and costs stack. */
const MAX_DEPTH = 4;

export function parseNote(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: inlineLines(paragraph) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map((i) => parseInline(i)) });
    paragraph = [];
    list = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = Boolean(numbered);
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? '');
      continue;
    }
    if (list) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

function inlineLines(lines: string[]): Inline[] {
  return lines.flatMap((line, i) =>
    i === 0 ? parseInline(line) : [{ type: 'break' } as Inline, ...parseInline(line)],
  );
}

/** One line's inline markup; what opens and never closes stays text. */
export function parseInline(line: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const push = (node: Inline) => {
    if (text) out.push({ type: 'text', text });
    text = '';
    out.push(node);
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '`') {
      const end = line.indexOf('`', i + 1);
      if (end > i + 1) {
        push({ type: 'code', text: line.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (ch === '*' && line[i + 1] === '*' && depth < MAX_DEPTH) {
      const end = line.indexOf('**', i + 2);
      if (end > i + 2) {
        push({ type: 'strong', children: parseInline(line.slice(i + 2, end), depth + 1) });
        i = end + 2;
        continue;
      }
    } else if ((ch === '*' || (ch === '_' && !USERNAME_CHAR.test(line[i - 1] ?? ''))) && depth < MAX_DEPTH) {
      const end = line.indexOf(ch, i + 1);
      if (end > i + 1 && line[i + 1] !== ' ') {
        push({ type: 'em', children: parseInline(line.slice(i + 1, end), depth + 1) });
        i = end + 1;
        continue;
      }
    } else if (ch === '[') {
      const link = LINK.exec(line.slice(i, i + 2400));
      if (link && SAFE_HREF.test(link[2] as string)) {
        push({ type: 'link', href: link[2] as string, children: parseInline(link[1] as string, MAX_DEPTH) });
        i += link[0].length;
        continue;
      }
    } else if (ch === '@' && !USERNAME_CHAR.test(line[i - 1] ?? '')) {
      const mention = MENTION.exec(line.slice(i, i + 41));
      if (mention) {
        // A sentence's full stop is not part of the name: "ask @li.na." mentions li.na.
        const username = (mention[1] as string).replace(/[.]+$/, '');
        push({ type: 'mention', username });
        i += username.length + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  if (text) out.push({ type: 'text', text });
  return out;
}

/** Every username the note mentions, once each, in order of first mention (code spans excluded). */
export function mentionedUsernames(text: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'mention') found.add(node.username);
      else if (node.type === 'strong' || node.type === 'em' || node.type === 'link') walk(node.children);
    }
  };
  for (const block of parseNote(text)) {
    if (block.type === 'paragraph') walk(block.children);
    else for (const item of block.items) walk(item);
  }
  return [...found];
}

/** The note as one line of plain text (markup dropped, a link's text kept), e.g. for a menu. */
export function notePlainText(text: string): string {
  const flat = (nodes: Inline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
          case 'code':
            return node.text;
          case 'break':
            return ' ';
          case 'mention':
            return `@${node.username}`;
          default:
            return flat(node.children);
        }
      })
      .join('');
  return parseNote(text)
    .map((block) => (block.type === 'paragraph' ? flat(block.children) : block.items.map(flat).join(' · ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
