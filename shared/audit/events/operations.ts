import { z } from 'zod';
import { AUDIT_EXPORT_FORMATS } from '../../api/audit';
import { auditEvent, id, noData } from './define';

/** Security alerts on shop accounts. */
export const alertEvents = {
  'alert.received': auditEvent(
    '收到安全告警',
    'Security alert received',
    z.strictObject({
      externalId: z.string(),
      subjectId: z.string(),
      accountId: z.string(),
      accountKind: z.string(),
      level: z.string(),
      type: z.string(),
      detectedAt: z.string(),
    }),
  ),
  'alert.handled': auditEvent(
    '处理安全告警',
    'Security alert handled',
    z.strictObject({ resolution: z.string(), byAccountAction: z.boolean(), note: z.string().nullable() }),
  ),
  'alert.account_actioned': auditEvent(
    '处置店铺账号',
    'Shop account actioned',
    z.strictObject({
      action: z.string(),
      subjectId: z.string(),
      accountId: z.string(),
      accountKind: z.string(),
      fromAlertId: id,
      alertIds: z.array(id),
      note: z.string().nullable(),
    }),
    { action: { zh: '处置方式', en: 'Action taken' } },
  ),
};

const endpoint = {
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
};

const delivered = z.strictObject({
  messageId: id,
  key: z.string(),
  type: z.string(),
  subjectId: z.string().nullable(),
  endpointId: id,
  url: z.string().nullable(),
  attempts: z.number(),
  httpStatus: z.number().nullable(),
  error: z.string().nullable(),
});

/** Webhook endpoints and the outcome of each delivery (attempts stay in the outbox's own table). */
export const outboxEvents = {
  'outbox.endpoint_created': auditEvent('新建推送地址', 'Webhook endpoint added', z.strictObject(endpoint)),
  'outbox.endpoint_updated': auditEvent(
    '修改推送地址',
    'Webhook endpoint changed',
    z.strictObject({ before: z.strictObject(endpoint), after: z.strictObject(endpoint) }),
  ),
  'outbox.endpoint_secret_rotated': auditEvent('更换推送密钥', 'Webhook secret rotated', noData),
  'outbox.endpoint_removed': auditEvent(
    '删除推送地址',
    'Webhook endpoint removed',
    z.strictObject({ ...endpoint, droppedDeliveries: z.number() }),
  ),
  'outbox.delivery_succeeded': auditEvent('推送成功', 'Delivery succeeded', delivered),
  'outbox.delivery_dead_lettered': auditEvent('推送放弃', 'Delivery given up', delivered),
  'outbox.delivery_retried': auditEvent(
    '立即重试推送',
    'Delivery retried',
    z.strictObject({ previousStatus: z.string(), attempts: z.number(), messageId: id, endpointId: id }),
  ),
};

const chainPoint = z.strictObject({ seq: z.number(), hash: z.string() }).nullable();

/** Exports of the trail itself. */
export const auditTrailEvents = {
  'audit.exported': auditEvent(
    '导出审计记录',
    'Audit trail exported',
    z.strictObject({
      format: z.enum(AUDIT_EXPORT_FORMATS),
      from: z.string().nullable(),
      to: z.string().nullable(),
      throughSeq: z.number(),
      rows: z.number(),
      /** The OS user, for exports from the command line. */
      operator: z.string().optional(),
    }),
  ),
  'audit.export_completed': auditEvent(
    '审计导出完成',
    'Audit export completed',
    z.strictObject({
      count: z.number(),
      skipped: z.number(),
      first: chainPoint,
      last: chainPoint,
      sha256: z.string(),
      bytes: z.number(),
    }),
  ),
};
