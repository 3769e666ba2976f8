import { z } from 'zod';
import { DSA_SUBMISSION_STATUSES } from '../../api/dsa';
import { auditEvent, id } from './define';

/** Fields only the DSA submission events carry. */
const DSA_FIELDS = {
  submissionId: { zh: '报送编号', en: 'Submission' },
  submissionIds: { zh: '报送编号', en: 'Submissions' },
  puid: { zh: '平台唯一标识 (puid)', en: 'Platform unique id (puid)' },
  puids: { zh: '平台唯一标识 (puid)', en: 'Platform unique ids (puid)' },
  category: { zh: '理由陈述类别', en: 'Statement category' },
  endpoint: { zh: '报送地址', en: 'Endpoint' },
  outcome: { zh: '结果', en: 'Outcome' },
  submitted: { zh: '已收录', en: 'Accepted' },
  duplicates: { zh: '此前已收录', en: 'Already held' },
  failed: { zh: '被拒绝', en: 'Refused' },
  retrying: { zh: '稍后重试', en: 'To be retried' },
  submissionStatus: { zh: '报送状态', en: 'Submission status' },
};

/**
 * Statements of reasons sent to the EU DSA Transparency Database (docs/DSA.md): queued with the
 * decision, each call and the database's answer, the operator's retry, and an overturn recorded
 * (the database keeps statements for good).
 */
export const dsaEvents = {
  'dsa.statement_queued': auditEvent(
    '理由陈述待报送',
    'Statement of reasons queued',
    z.strictObject({ submissionId: id, decisionId: id, puid: z.string(), category: z.string() }),
    DSA_FIELDS,
  ),
  'dsa.batch_submitted': auditEvent(
    '向 DSA 透明度数据库报送',
    'Sent to the DSA Transparency Database',
    z.strictObject({
      endpoint: z.string(),
      submissionIds: z.array(id),
      puids: z.array(z.string()),
      /** null: no answer (timeout, network). */
      httpStatus: z.number().int().nullable(),
      outcome: z.enum(['created', 'duplicates', 'invalid', 'failed']),
      submitted: z.array(z.string()),
      duplicates: z.array(z.string()),
      failed: z.array(z.strictObject({ puid: z.string(), error: z.string() })),
      retrying: z.array(z.string()),
      error: z.string().nullable(),
    }),
    DSA_FIELDS,
  ),
  'dsa.submission_retried': auditEvent(
    '重新报送理由陈述',
    'Statement submission retried',
    z.strictObject({ puid: z.string(), previousStatus: z.enum(DSA_SUBMISSION_STATUSES), attempts: id }),
    DSA_FIELDS,
  ),
  'dsa.statement_overturned': auditEvent(
    '已报送决定被推翻',
    'Reported decision overturned',
    z.strictObject({
      decisionId: id,
      appealId: id,
      puid: z.string(),
      submissionStatus: z.enum(DSA_SUBMISSION_STATUSES),
    }),
    DSA_FIELDS,
  ),
};
