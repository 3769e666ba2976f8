import type { z } from 'zod';
import type {
  MessageView,
  messagesListOutput,
  messagesSendInput,
  messagesSubmitInput,
  messagesSubmitOutput,
} from '../../shared/api/messages';
import { restartClock } from '../../shared/appeals/appealClock';
import { caseState } from '../../shared/audit/caseState';
import { transition } from '../../shared/cases/stateMachine';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { appealsRepo } from '../db/repositories/appeals.repo';
import { caseMessagesRepo } from '../db/repositories/caseMessages.repo';
import { casesRepo } from '../db/repositories/cases.repo';
import type { AppealRow } from '../db/tables/appeals.table';
import { writeOutgoingMessage } from './caseMessageOut';
import type { ServiceContext } from './serviceContext';
import { staleVersion } from './staleVersion';

/** Live-update actions: open case and appeal pages refetch their thread (client MessagesPanel). */
export const MESSAGE_SENT = 'message_sent';
export const MESSAGE_RECEIVED = 'message_received';

/** `messages.send`: staff write to the case's subject; the platform gets it as `message.sent`. */
export async function sendMessage(
  ctx: ServiceContext,
  input: z.infer<typeof messagesSendInput>,
): Promise<{ messageId: number }> {
  const now = ctx.clock.now();
  const { messageId, c } = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    const messageId = await writeOutgoingMessage(trx, ctx, {
      caseId: c.id,
      subjectId: c.subject_id,
      templateId: input.templateId ?? null,
      body: input.body,
      appealId: null,
      replyBy: null,
      now,
    });
    return { messageId, c };
  });
  ctx.bus.publish({
    caseId: c.id,
    action: MESSAGE_SENT,
    status: c.status,
    assigneeId: c.assignee_id,
    version: c.version,
    at: now.toISOString(),
  });
  return { messageId };
}

/** The appeal on this case waiting for the member's evidence, if its deadline has not passed. */
function awaitingEvidence(appeals: AppealRow[], at: string): AppealRow | undefined {
  return appeals.find((a) => a.status === 'pending_member' && (!a.evidence_deadline || a.evidence_deadline >= at));
}

/**
 * `messages.submit` (token scope `appeals`): the subject's reply through the platform, with
 * evidence items attached. A reply to a case whose appeal waits for evidence answers it: the
 * appeal goes back under review with the attachments as evidence, and its clock runs again.
 * A reply after the deadline is kept in the thread but reopens nothing (the record is final
 * once the deadline passes, docs/MESSAGES.md).
 */
export async function submitMessage(
  ctx: ServiceContext,
  input: z.infer<typeof messagesSubmitInput>,
): Promise<z.infer<typeof messagesSubmitOutput>> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const submittedBy = `${ctx.audit.actor.type}:${ctx.audit.actor.id ?? ''}`;
  const attachments = input.attachments ?? [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    if (input.externalId) {
      const seen = await caseMessagesRepo.findByExternalId(trx, c.id, input.externalId);
      if (seen) return { messageId: seen.id, duplicate: true, appealId: seen.appeal_id, change: null };
    }
    if (!(await caseMessagesRepo.hasOutgoing(trx, c.id))) {
      throw new DeskError('CONFLICT', 'no_message_thread', `the desk has not written to the subject on case ${c.id}`);
    }
    const appeal = awaitingEvidence(await appealsRepo.forCase(trx, c.id), at);
    let status = c.status;
    if (appeal) {
      const ok = await appealsRepo.updateAtVersion(trx, appeal.id, appeal.version, {
        status: 'under_review',
        statement: `${appeal.statement}\n\n${input.body}`,
        evidence: [...(appeal.evidence ?? []), ...attachments],
        submissions: appeal.submissions + 1,
        evidence_deadline: null,
        ...restartClock({ pausedAt: appeal.clock_paused_at, pausedMs: appeal.clock_paused_ms }, at),
        updated_at: at,
      });
      if (!ok) throw new DeskError('CONFLICT', 'appeal_changed', `appeal ${appeal.id} changed; try again`);
      status = transition(c.status, 'appeal');
      if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, updated_at: at }))) throw staleVersion(c);
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'appeal.resubmitted',
          target: { type: 'case', id: c.id },
          data: {
            appealId: appeal.id,
            submission: appeal.submissions + 1,
            evidence: attachments.length,
            ...caseState(status, c.assignee_id),
          },
        },
        now,
      );
    }
    const messageId = await caseMessagesRepo.insert(trx, {
      case_id: c.id,
      subject_id: c.subject_id,
      direction: 'in',
      template_id: null,
      body: input.body,
      attachments: attachments.length ? attachments : null,
      author_id: null,
      submitted_by: submittedBy,
      appeal_id: appeal?.id ?? null,
      external_id: input.externalId ?? null,
      created_at: at,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'message.received',
        target: { type: 'case', id: c.id },
        data: {
          messageId,
          attachments: attachments.length,
          externalId: input.externalId ?? null,
          appealId: appeal?.id ?? null,
        },
      },
      now,
    );
    return {
      messageId,
      duplicate: false,
      appealId: appeal?.id ?? null,
      change: {
        caseId: c.id,
        action: MESSAGE_RECEIVED,
        status,
        assigneeId: c.assignee_id,
        version: appeal ? c.version + 1 : c.version,
        at,
      },
    };
  });
  if (result.change) ctx.bus.publish(result.change);
  return { messageId: result.messageId, duplicate: result.duplicate, appealId: result.appealId };
}

/** `messages.list`: the case's thread, oldest first, and an open request for evidence. */
export async function listMessages(db: Executor, caseId: number): Promise<z.infer<typeof messagesListOutput>> {
  const c = await casesRepo.find(db, caseId);
  if (!c) throw notFound('case', caseId);
  const rows = await caseMessagesRepo.listForCase(db, caseId);
  const waiting = (await appealsRepo.forCase(db, caseId)).find((a) => a.status === 'pending_member');
  const messages: MessageView[] = rows.map((m) => ({
    id: m.id,
    caseId: m.case_id,
    direction: m.direction,
    templateId: m.template_id,
    body: m.body,
    attachments: m.attachments ?? [],
    author: m.author_id === null ? null : { id: m.author_id, name: m.author_name ?? String(m.author_id) },
    appealId: m.appeal_id,
    createdAt: m.created_at,
  }));
  return {
    messages,
    evidenceRequest: waiting ? { appealId: waiting.id, deadline: waiting.evidence_deadline } : null,
  };
}
