import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type AuditContext, recordEvent } from '../../../server/audit/recordEvent';
import type { Database } from '../../../server/db/database';
import {
  AUDIT_ACTIONS,
  AUDIT_EVENT_GROUPS,
  AUDIT_EVENTS,
  type AuditAction,
  type AuditEventInput,
  auditActionLabel,
  auditFieldLabel,
  auditPayloadProblem,
  type PayloadOf,
  RETIRED_AUDIT_ACTIONS,
} from '../../../shared/audit/events';
import { payloadFields } from '../../../shared/audit/events/payloadFields';

/**
 * Never called: `tsc` (npm test's pretest) checks it. Each `@ts-expect-error` fails the type
 * check if the line below it stops being an error, so these prove what recordEvent refuses.
 */
function refusedByTheTypeChecker(trx: Transaction<Database>, ctx: AuditContext, at: Date) {
  const target = { type: 'case', id: 12 };
  // @ts-expect-error an action nobody registered
  void recordEvent(trx, ctx, { action: 'case.deleted', target }, at);
  // @ts-expect-error a field of the wrong type
  void recordEvent(trx, ctx, { action: 'case.linked', target, data: { otherCaseId: '13' } }, at);
  // @ts-expect-error a field the payload does not have
  void recordEvent(trx, ctx, { action: 'case.linked', target, data: { otherCaseId: 13, note: 'x' } }, at);
  // @ts-expect-error another action's payload
  void recordEvent(trx, ctx, { action: 'case.linked', target, data: { ended: 2 } }, at);
  // @ts-expect-error the payload left out where the action has one
  void recordEvent(trx, ctx, { action: 'case.linked', target }, at);
  // @ts-expect-error a payload on an action that stores none
  void recordEvent(trx, ctx, { action: 'user.disabled', target, data: { reason: 'x' } }, at);
  // @ts-expect-error a decision outside apply | waive | dismiss
  void recordEvent(trx, ctx, { action: 'case.decided', target, data: { decision: 'ban' } }, at);

  // What is accepted: a registered action with its own payload, and no data where none is stored.
  void recordEvent(trx, ctx, { action: 'case.linked', target, data: { otherCaseId: 13 } }, at);
  void recordEvent(trx, ctx, { action: 'user.disabled', target: { type: 'user', id: 8 } }, at);
  void recordEvent(trx, ctx, { action: 'auth.logout' }, at);
}

describe('the audit event registry: types', () => {
  it('refuses unregistered actions and wrong payloads at type-check time (the lines above)', () => {
    // Checked by tsc, not run: calling it would need a database.
    expect(refusedByTheTypeChecker).toBeTypeOf('function');
  });

  it('names each action and gives it its own payload type', () => {
    expectTypeOf<'case.linked'>().toExtend<AuditAction>();
    expectTypeOf<'case.deleted'>().not.toExtend<AuditAction>();
    expectTypeOf<string>().not.toExtend<AuditAction>();
    expectTypeOf<PayloadOf<'case.linked'>>().toEqualTypeOf<{ otherCaseId: number }>();
    expectTypeOf<PayloadOf<'auth.logout'>>().toEqualTypeOf<undefined>();
    expectTypeOf<PayloadOf<'case.decided'>['decision']>().toEqualTypeOf<'apply' | 'waive' | 'dismiss'>();
    expectTypeOf<AuditEventInput<'case.linked'>>().toHaveProperty('data').toEqualTypeOf<{ otherCaseId: number }>();
    expectTypeOf<AuditEventInput<'auth.logout'>['data']>().toEqualTypeOf<undefined>();
  });
});

describe('the audit event registry: labels', () => {
  it('names every action in Chinese and in English', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThanOrEqual(70);
    for (const action of AUDIT_ACTIONS) {
      const label = auditActionLabel(action);
      expect(label?.en.trim(), action).toBeTruthy();
      expect(label?.zh, action).toMatch(/\p{Script=Han}/u);
      expect(label?.en, action).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('names every payload field in both languages', () => {
    const missing: string[] = [];
    for (const action of AUDIT_ACTIONS) {
      for (const field of payloadFields(AUDIT_EVENTS[action].data)) {
        const label = auditFieldLabel(action, field);
        if (!label?.zh || !label.en) missing.push(`${action}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('defines each action in exactly one group', () => {
    const defined = AUDIT_EVENT_GROUPS.flatMap((group) => Object.keys(group));
    expect(defined.length).toBe(new Set(defined).size);
    expect(defined.length).toBe(AUDIT_ACTIONS.length);
  });

  it('keeps a name for retired actions, which nothing may write again', () => {
    for (const action of Object.keys(RETIRED_AUDIT_ACTIONS)) {
      expect(AUDIT_ACTIONS).not.toContain(action);
      expect(auditActionLabel(action)?.zh).toBeTruthy();
      expect(auditPayloadProblem(action, undefined)).toMatch(/not registered/);
    }
    expect(auditActionLabel('test.unknown')).toBeNull();
  });
});

describe('the audit event registry: payloads', () => {
  it('accepts a payload of the action, and refuses another shape, a stray field or an unknown action', () => {
    expect(auditPayloadProblem('case.linked', { otherCaseId: 3 })).toBeNull();
    expect(auditPayloadProblem('case.linked', { otherCaseId: '3' })).toMatch(/case\.linked/);
    expect(auditPayloadProblem('case.linked', { otherCaseId: 3, extra: 1 })).toMatch(/case\.linked/);
    expect(auditPayloadProblem('user.disabled', undefined)).toBeNull();
    expect(auditPayloadProblem('case.deleted', undefined)).toMatch(/not registered/);
  });
});

const SOURCE_ROOTS = ['server', 'shared'];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

/** Dotted literals (`'case.decided'`) in the expression after `action:` (ternaries included). */
function writtenActions(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g)) {
    for (const lit of (m[1] ?? '').matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.push(lit[1] ?? '');
  }
  // Constants such as EXPORT_STARTED = 'audit.exported' that are passed as an action.
  for (const m of text.matchAll(/\bexport const [A-Z_]+ = '([a-z_]+\.[a-z_]+)';/g)) found.push(m[1] ?? '');
  return found;
}

describe('the audit event registry: the source', () => {
  it('registers every action the server writes', () => {
    const unregistered = new Set<string>();
    let seen = 0;
    for (const root of SOURCE_ROOTS) {
      for (const file of sourceFiles(root)) {
        for (const action of writtenActions(readFileSync(file, 'utf8'))) {
          seen += 1;
          if (!(action in AUDIT_EVENTS)) unregistered.add(`${file}: ${action}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(60);
    expect([...unregistered]).toEqual([]);
  });

  it('writes through recordEvent only: the raw writer is for tests that stand for older rows', () => {
    const callers = [...SOURCE_ROOTS.flatMap((root) => [...sourceFiles(root)])].filter(
      (file) =>
        file !== join('server', 'audit', 'recordEvent.ts') && /\brecordRawEvent\b/.test(readFileSync(file, 'utf8')),
    );
    expect(callers).toEqual([]);
  });
});
