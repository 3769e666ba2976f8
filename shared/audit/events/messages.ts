import { z } from 'zod';
import { auditEvent, id } from './define';

/** Fields only these events carry, or carry with another meaning than the shared label's. */
const MESSAGE_FIELDS = {
  messageId: { zh: '消息编号', en: 'Message' },
  templateId: { zh: '理由模板', en: 'Reason template' },
  body: { zh: '消息内容', en: 'Message text' },
  attachments: { zh: '附件数', en: 'Attachments' },
  replyBy: { zh: '答复期限', en: 'Reply by' },
  reports: { zh: '举报', en: 'Reports' },
  locale: { zh: '语言', en: 'Language' },
  sequence: { zh: '消息序号', en: 'Message sequence' },
};

/**
 * Talking to the people a decision touches (docs/MESSAGES.md): the thread with a case's
 * subject, reporters' outcome notices, and a lead's mute of a reporter.
 */
export const messageEvents = {
  'message.sent': auditEvent(
    '发送案件消息',
    'Case message sent',
    z.strictObject({
      messageId: id,
      templateId: z.string().nullable(),
      body: z.string(),
      /** Set when the message is a request for evidence on this appeal. */
      appealId: id.nullable(),
      replyBy: z.string().nullable(),
    }),
    MESSAGE_FIELDS,
  ),
  'message.received': auditEvent(
    '收到主体答复',
    'Reply received from the subject',
    z.strictObject({
      messageId: id,
      attachments: z.number().int(),
      externalId: z.string().nullable(),
      /** The appeal whose request for evidence this reply answered (back under review), if any. */
      appealId: id.nullable(),
    }),
    MESSAGE_FIELDS,
  ),
  'report.outcome_queued': auditEvent(
    '举报结果通知已排队',
    'Report outcome notice queued',
    z.strictObject({
      reporterId: z.string(),
      reports: z.array(z.string()),
      outcome: z.enum(['upheld', 'dismissed']),
      locale: z.string(),
      sequence: id,
    }),
    MESSAGE_FIELDS,
  ),
  'reporter.muted': auditEvent(
    '屏蔽举报人',
    'Reporter muted',
    z.strictObject({ reporterId: z.string(), reason: z.string() }),
  ),
  'reporter.unmuted': auditEvent(
    '取消屏蔽举报人',
    'Reporter unmuted',
    z.strictObject({ reporterId: z.string(), reason: z.string().nullable() }),
  ),
};
