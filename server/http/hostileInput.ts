import { isUtf8 } from 'node:buffer';
import { DeskError } from '../../shared/errors/deskError';

/**
 * How deep a request's JSON may nest. The deepest the desk itself sends is a rule's facts
 * (a few levels); 10,000 levels overflowed the stack in validation and audit hashing.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * Refuses input the desk would otherwise mangle or crash on, before any validator sees it:
 * text that is not well-formed UTF-16 (a lone surrogate such as "\ud800" made audit hashing
 * throw, and was stored elsewhere as U+FFFD, changing what was sent) or that holds U+0000
 * (PostgreSQL cannot store it in text and failed the request with a 500, while SQLite stored
 * it), in any value or key, and nesting deeper than MAX_INPUT_DEPTH. The walk keeps its own stack, so it cannot overflow.
 * The error names the field, like a validation error.
 */
export function refuseHostileInput(input: unknown): void {
  const problem = hostileInputProblem(input);
  if (problem) throw problem;
}

/** What `refuseHostileInput` would throw, or null: for callers that collect problems (the CLI's import). */
export function hostileInputProblem(input: unknown): DeskError | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value === 'string') {
      if (!isStorableText(value)) return malformedText(path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      return new DeskError('BAD_REQUEST', 'input_too_deep', `input nests deeper than ${MAX_INPUT_DEPTH} levels`, {
        field: fieldOf(path.slice(0, 3)),
      });
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && !isStorableText(key)) return malformedText(path);
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** A surrogate code unit not part of a pair (what String.prototype.isWellFormed looks for). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Well-formed, and without U+0000, which no text column of PostgreSQL holds. */
function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function malformedText(path: (string | number)[]) {
  return new DeskError(
    'BAD_REQUEST',
    'malformed_text',
    'text must be well-formed Unicode without U+0000 (a lone surrogate such as \\ud800 is refused, not replaced)',
    { field: fieldOf(path) },
  );
}

/** A path as the `data.field` of validation errors ("subject.name"); "(input)" for the whole input. */
function fieldOf(path: (string | number)[]): string {
  return path.length ? path.map(String).join('.') : '(input)';
}

/**
 * body-parser's `verify` hook: a JSON body that is not valid UTF-8 is refused with 400
 * instead of having its broken bytes decoded to U+FFFD (which would store something other
 * than what was sent).
 */
export function refuseInvalidUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('the request body is not valid UTF-8'), { status: 400 });
}

/**
 * A query string whose percent-escapes are not valid UTF-8 would be decoded to U+FFFD too;
 * null when it is fine, else the message to refuse it with.
 */
export function malformedQuery(url: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  try {
    decodeURIComponent(url.slice(q + 1).replaceAll('+', ' '));
    return null;
  } catch {
    return 'the query string is not valid UTF-8 once percent-decoded';
  }
}
