import type { Transaction } from 'kysely';
import type { MessageTemplateId } from '../../shared/messages/templates';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { caseMessagesRepo } from '../db/repositories/caseMessages.repo';
import { idempotencyKey } from '../outbox/idempotencyKey';
import { recordOutbox } from '../outbox/recordOutbox';
import { actingUserId, type ServiceContext } from './serviceContext';

/**
 * One message from staff to the case's subject, in the caller's transaction: the thread row,
 * the `message.sent` outbox message the platform shows the member, and its audit event.
 * Shared by `messages.send` and an appeal's request for evidence.
 */
export async function writeOutgoingMessage(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  args: {
    caseId: number;
    subjectId: string;
    templateId: MessageTemplateId | null;
    body: string;
    appealId: number | null;
    replyBy: string | null;
    now: Date;
  },
): Promise<number> {
  const at = args.now.toISOString();
  const messageId = await caseMessagesRepo.insert(trx, {
    case_id: args.caseId,
    subject_id: args.subjectId,
    direction: 'out',
    template_id: args.templateId,
    body: args.body,
    attachments: null,
    author_id: actingUserId(ctx),
    submitted_by: null,
    appeal_id: args.appealId,
    external_id: null,
    created_at: at,
  });
  await recordOutbox(
    trx,
    {
      type: 'message.sent',
      key: idempotencyKey('message.sent', [messageId]),
      subjectId: args.subjectId,
      caseId: args.caseId,
      body: {
        messageId,
        templateId: args.templateId,
        body: args.body,
        appealId: args.appealId,
        replyBy: args.replyBy,
      },
    },
    args.now,
  );
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'message.sent',
      target: { type: 'case', id: args.caseId },
      data: {
        messageId,
        templateId: args.templateId,
        body: args.body,
        appealId: args.appealId,
        replyBy: args.replyBy,
      },
    },
    args.now,
  );
  return messageId;
}
