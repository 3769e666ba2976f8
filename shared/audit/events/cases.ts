import { z } from 'zod';
import { CASE_STATUSES, REPORT_SOURCES } from '../../cases/enums';
import { PLATFORM_IDS } from '../../rulebook/platforms';
import { caseClosedWithoutFinding, caseDecidedEvent } from '../caseDecided';
import { auditEvent, caseStateFields, id, noData, record } from './define';

/** A queue as it was (null when new) and as saved. */
const queuePayload = z.strictObject({ before: record.nullable(), after: record });

/** Intake, routing, assignment and decisions on cases. */
export const caseEvents = {
  'case.created': auditEvent(
    '新建案件',
    'Case opened',
    z.strictObject({
      ...caseStateFields,
      reportId: id,
      externalId: z.string(),
      subjectId: z.string(),
      /** The platform the subject trades on; events written before platforms (0022) have none. */
      subjectPlatform: z.enum(PLATFORM_IDS).optional(),
      rule: z.string(),
      source: z.enum(REPORT_SOURCES),
      queue: z.string().nullable(),
      autoAssignedTo: id.nullable(),
      priority: z.number(),
    }),
  ),
  'case.report_merged': auditEvent(
    '举报并入案件',
    'Report merged into case',
    z.strictObject({
      reportId: id,
      externalId: z.string(),
      source: z.enum(REPORT_SOURCES),
      reporterId: z.string().nullable(),
    }),
  ),
  'case.report_split': auditEvent(
    '举报拆分为新案件',
    'Report split into a new case',
    z.strictObject({
      newCaseStatus: z.enum(CASE_STATUSES).optional(),
      reportId: id,
      newCaseId: id,
      reason: z.string(),
    }),
  ),
  'reports.imported': auditEvent(
    '批量导入举报',
    'Reports imported',
    z.strictObject({ reports: id, created: id, merged: id, duplicates: id, batchId: z.string() }),
  ),
  'case.routed': auditEvent(
    '转移队列',
    'Case moved to a queue',
    z.strictObject({ ...caseStateFields, from: z.string().nullable(), to: z.string() }),
  ),
  'case.linked': auditEvent('关联案件', 'Cases linked', z.strictObject({ otherCaseId: id })),
  'case.unlinked': auditEvent('取消关联', 'Cases unlinked', z.strictObject({ otherCaseId: id })),
  'case.claimed': auditEvent(
    '领取案件',
    'Case claimed',
    z.strictObject({ ...caseStateFields, previousAssignee: id.nullable(), leaseUntil: z.string() }),
  ),
  'case.released': auditEvent(
    '释放案件',
    'Case released',
    z.strictObject({ ...caseStateFields, reason: z.string().nullable(), movedOn: z.boolean().optional() }),
  ),
  'case.skipped': auditEvent(
    '跳过案件',
    'Case skipped',
    z.strictObject({ ...caseStateFields, reason: z.string().nullable() }),
  ),
  'case.assigned': auditEvent(
    '指派案件',
    'Case assigned',
    z.strictObject({ ...caseStateFields, from: id.nullable(), to: id, reason: z.string().nullable() }),
  ),
  'case.reassigned': auditEvent(
    '改派案件',
    'Case reassigned',
    z.strictObject({ ...caseStateFields, from: id.nullable(), to: id, reason: z.string().nullable() }),
  ),
  'case.lease_expired': auditEvent(
    '领取超时退回',
    'Claim expired',
    z.strictObject({ ...caseStateFields, assignee: id.nullable(), leaseUntil: z.string().nullable() }),
  ),
  'case.decision_submitted': auditEvent(
    '决定提交审批',
    'Decision submitted for approval',
    z.strictObject({
      ...caseStateFields,
      decisionId: id,
      decision: z.enum(['apply', 'waive']),
      rule: z.string().nullable(),
      facts: record,
      approvalReasons: z.array(z.string()),
      points: z.number(),
      ledger: z.unknown(),
    }),
  ),
  'case.decided': caseDecidedEvent,
  'case.escalated': auditEvent('升级案件', 'Case escalated', caseClosedWithoutFinding('escalate')),
  'case.appeal_window_closed': auditEvent(
    '申诉期结束',
    'Appeal window closed',
    z.strictObject({ ...caseStateFields, decisionId: id, closedAt: z.string().nullable() }),
  ),
  'decision.approved': auditEvent(
    '批准决定',
    'Decision approved',
    z.strictObject({ decisionId: id, decidedBy: id, note: z.string().nullable() }),
  ),
  'decision.sent_back': auditEvent(
    '退回决定',
    'Decision sent back',
    z.strictObject({ ...caseStateFields, decisionId: id, decidedBy: id, note: z.string() }),
  ),
  'evidence.uploaded': auditEvent(
    '上传证据',
    'Evidence uploaded',
    z.strictObject({
      evidenceId: id,
      kind: z.string(),
      title: z.string(),
      sha256: z.string(),
      contentType: z.string(),
      size: z.number(),
      fileName: z.string().nullable(),
      deduplicated: z.boolean(),
    }),
  ),
  'evidence.viewed': auditEvent(
    '查看证据',
    'Evidence viewed',
    z.strictObject({
      caseId: id,
      kind: z.string(),
      sha256: z.string().nullable(),
      via: z.enum(['content', 'viewer']),
    }),
  ),
  'subject.renamed': auditEvent(
    '主体改名',
    'Subject renamed',
    z.strictObject({ from: z.string().nullable(), to: z.string(), reason: z.string() }),
  ),
  'pii.revealed': auditEvent(
    '查看隐私信息',
    'Personal data revealed',
    z.union([
      z.strictObject({ field: z.string(), reason: z.string(), caseId: id.nullable() }),
      z.strictObject({ field: z.literal('phone'), reason: z.string(), subjectId: z.string() }),
    ]),
  ),
  'enforcement.measures_ended': auditEvent(
    '处置措施到期',
    'Enforcement measures ended',
    z.strictObject({ started: id, ended: id, lifted: id }),
  ),
  'demo.seeded': auditEvent(
    '载入演示数据',
    'Demo data loaded',
    z.strictObject({ users: id, cases: id, mergedReports: id, decisions: id }),
  ),
  'routing_rule.created': auditEvent('新建分派规则', 'Routing rule created', routingRule()),
  'routing_rule.updated': auditEvent('修改分派规则', 'Routing rule changed', routingRule()),
  'routing_rule.deleted': auditEvent('删除分派规则', 'Routing rule deleted', noData),
  'queue.created': auditEvent('新建队列', 'Queue created', queuePayload),
  'queue.updated': auditEvent('修改队列', 'Queue changed', queuePayload),
  'queue.members_set': auditEvent(
    '设置队列成员',
    'Queue members set',
    z.strictObject({ before: z.array(id), after: z.array(id) }),
  ),
};

/** A routing rule as saved (shared/api/queues.ts `routingRuleInput`). */
function routingRule() {
  return z.strictObject({
    id: id.optional(),
    position: z.number(),
    queueId: z.string(),
    match: record,
    enabled: z.boolean(),
  });
}
