import { z } from 'zod';
import { AGREEMENTS } from '../../qa/score';
import { QA_DECISIONS, QA_OUTCOMES } from '../../qa/verdict';
import { auditEvent, id } from './define';

const agreement = z.enum(AGREEMENTS);
const effect = z.object({ ledger: z.string(), points: z.number(), measures: z.array(z.string()) }).nullable();

/** Field names of this group, in both languages (the shared ones are in ./fieldLabels.ts). */
const FIELDS = {
  taskId: { zh: '质检任务', en: 'QA task' },
  percent: { zh: '随机抽检比例（%）', en: 'Random sample (%)' },
  alwaysRules: { zh: '必检规则', en: 'Always-sampled rules' },
  alwaysSeals: { zh: '封店决定必检', en: 'Always sample seals' },
  alwaysSeriousWaivers: { zh: '严重违规免罚必检', en: 'Always sample waivers of serious points' },
  sampleReason: { zh: '抽检原因', en: 'Why sampled' },
  scores: { zh: '逐项评分', en: 'Field scores' },
  agreed: { zh: '结论一致', en: 'Agreed' },
  decisionStatus: { zh: '原决定此后状态', en: 'Decision status after' },
  reversedViolation: { zh: '撤销的违规记录', en: 'Reversed violation' },
  correctedViolation: { zh: '更正后的违规记录', en: 'Corrected violation' },
  noticeId: { zh: '通知', en: 'Notice' },
  originalDecider: { zh: '原处理人', en: 'Original decider' },
};

/** Quality assurance: sampling policies, sampled decisions, blind reviews and their adjudication. */
export const qaEvents = {
  'qa.policy_set': auditEvent(
    '设置质检抽样',
    'QA sampling set',
    z.strictObject({
      queueId: z.string(),
      percent: z.number(),
      alwaysRules: z.array(z.string()),
      alwaysSeals: z.boolean(),
      alwaysSeriousWaivers: z.boolean(),
    }),
    FIELDS,
  ),
  'qa.sampled': auditEvent(
    '抽入质检',
    'Sampled for QA',
    z.strictObject({
      taskId: id,
      decisionId: id,
      sampleReason: z.enum(['random', 'rule', 'seal', 'serious_waiver']),
    }),
    FIELDS,
  ),
  'qa.task_taken': auditEvent('领取质检任务', 'QA task taken', z.strictObject({ taskId: id }), FIELDS),
  'qa.submitted': auditEvent(
    '提交质检结论',
    'QA verdict submitted',
    z.strictObject({
      taskId: id,
      decisionId: id,
      decision: z.enum(QA_DECISIONS),
      rule: z.string().nullable(),
      facts: z.record(z.string(), z.unknown()).nullable(),
      reason: z.string(),
      agreed: z.boolean(),
      scores: z.strictObject({
        kind: agreement,
        rule: agreement,
        points: agreement,
        measures: agreement,
        agreed: z.boolean(),
        effects: z.strictObject({ first: effect, second: effect }),
      }),
    }),
    FIELDS,
  ),
  'qa.adjudicated': auditEvent(
    '质检裁定',
    'QA adjudicated',
    z.strictObject({
      taskId: id,
      decisionId: id,
      outcome: z.enum(QA_OUTCOMES),
      note: z.string(),
      originalDecider: id,
      decisionStatus: z.enum(['effective', 'adjusted', 'overturned']),
      reversedViolation: z.string().nullable(),
      correctedViolation: z.string().nullable(),
      noticeId: id.nullable(),
    }),
    FIELDS,
  ),
};
