import { expect } from 'vitest';
import type { Db } from '../../server/db/database';
import type { OutboxMessage } from '../../shared/api/outbox';
import type { createApiClient } from './apiClient';
import { reportInput } from './factories';

type Client = ReturnType<typeof createApiClient>;

/**
 * Files a report on `subjectId` through intake and has `reviewer` apply `facts` to it straight
 * away (an unassigned case is claimed by deciding it). The rule's first case for the subject
 * must be decided before the next is filed, or the report would merge into the open one.
 */
export async function applyFinding(
  clients: { intake: Client; reviewer: Client },
  subjectId: string,
  facts: Record<string, unknown> = { transactions: 120, items: [`${subjectId}-item`] },
  rule = 'fake-transaction',
) {
  const { caseId } = await clients.intake.trpc.reports.submit.mutate(
    reportInput({ rule, subject: { id: subjectId, kind: 'merchant' } }),
  );
  const c = await clients.reviewer.trpc.cases.get.query({ id: caseId });
  const result = await clients.reviewer.trpc.cases.decide.mutate({
    id: caseId,
    version: c.version,
    decision: 'apply',
    facts,
    reason: '依规处理',
  });
  expect(result.requiresApproval).toBe(false);
  return { caseId, decisionId: result.decisionId };
}

/** The outbox messages of a subject, in sequence order, as the pull API shows them. */
export async function messagesOf(db: Db, subjectId: string): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['id', 'payload'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...(JSON.parse(r.payload) as OutboxMessage), sequence: r.id }));
}

/** `type measure@scope` per message: a compact picture of what was announced. */
export const summary = (messages: OutboxMessage[]) =>
  messages.map((m) =>
    m.type.startsWith('measure.')
      ? `${m.type} ${String(m.measure)}@${(m.scope as { type: string; id: string }).type}:${(m.scope as { id: string }).id}`
      : m.type,
  );
