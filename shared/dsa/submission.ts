import type { StatementOfReasons } from './sorSchema';

/** The Transparency Database's multiple-statements endpoint takes at most this many per call. */
export const DSA_BATCH_LIMIT = 100;

/**
 * A puid the desk never reuses: its own random prefix (drawn once per database) and the
 * decision's id, which the database never hands out twice. Only [A-Za-z0-9_-], as the
 * database demands.
 */
export function dsaPuid(prefix: string, decisionId: number): string {
  return `${prefix}-decision-${decisionId}`;
}

/** What goes over the wire: the statement without the desk's own routing field. */
export function submissionBody(statement: StatementOfReasons): Omit<StatementOfReasons, 'platform_name'> {
  const { platform_name: _platform, ...body } = statement;
  return body;
}

/** How the database answered one call with `count` statements, in the desk's terms. */
export type DsaAnswer =
  /** 201: every statement was created. */
  | { kind: 'created' }
  /** 422 naming puids it already holds: none was created; those count as delivered. */
  | { kind: 'duplicates'; puids: string[] }
  /** 422 with field errors per statement (`statement_<index>`): none was created. */
  | { kind: 'invalid'; errors: Map<number, string> }
  /** Anything else (401, 5xx, a 422 the desk cannot read): the whole call is retried. */
  | { kind: 'failed'; error: string };

const MAX_ERROR = 1000;

/**
 * Reads the answer of `POST /api/v1/statements` (docs/DSA.md "Answers"). A duplicate puid makes
 * the database refuse the whole call with `errors.existing_puids`; a field error refuses it with
 * the messages under `errors.statement_<index>`.
 */
export function readDsaAnswer(status: number, body: unknown, count: number): DsaAnswer {
  if (status === 200 || status === 201) return { kind: 'created' };
  const errors = isObject(body) && isObject(body.errors) ? body.errors : null;
  if (status === 422 && errors) {
    const existing = errors.existing_puids;
    if (Array.isArray(existing) && existing.length && existing.every((p) => typeof p === 'string'))
      return { kind: 'duplicates', puids: existing as string[] };
    const invalid = new Map<number, string>();
    for (const [key, value] of Object.entries(errors)) {
      const match = /^statement_(\d+)$/.exec(key);
      const index = match ? Number(match[1]) : -1;
      if (index < 0 || index >= count) continue;
      invalid.set(index, clip(fieldMessages(value)));
    }
    if (invalid.size) return { kind: 'invalid', errors: invalid };
  }
  const message = isObject(body) && typeof body.message === 'string' ? body.message : '';
  return { kind: 'failed', error: clip(`HTTP ${status}${message ? `: ${message}` : ''}`) };
}

/** `{field: [messages]}` as one line: `field: message; field: message`. */
function fieldMessages(value: unknown): string {
  if (!isObject(value)) return String(value);
  return Object.entries(value)
    .map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`)
    .join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  return text.length <= MAX_ERROR ? text : `${text.slice(0, MAX_ERROR - 1)}…`;
}
