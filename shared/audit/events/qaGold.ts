import { z } from 'zod';
import { auditEvent, caseStateFields, id } from './define';

/** A verdict as the trail keeps it: decision kind, rule and facts. */
const verdict = z.strictObject({
  decision: z.string(),
  rule: z.string().optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
});

/** Field names of this group, in both languages (the shared ones are in ./fieldLabels.ts). */
const FIELDS = {
  goldId: { zh: '标准案例', en: 'Gold case' },
  copyCaseId: { zh: '训练副本案件', en: 'Training copy' },
  newCaseStatus: { zh: '副本状态', en: 'Copy status' },
  trainingSubjectId: { zh: '训练对象', en: 'Training subject' },
  expected: { zh: '标准答案', en: 'Expected verdict' },
  answer: { zh: '作答', en: 'Answer' },
  correct: { zh: '与标准答案一致', en: 'Matches the expected verdict' },
  scores: { zh: '逐项比对', en: 'Field scores' },
  note: { zh: '说明', en: 'Note' },
  queueId: { zh: '队列', en: 'Queue' },
  percent: { zh: '比例（%）', en: 'Percent' },
  previous: { zh: '原比例（%）', en: 'Previous percent' },
  created: { zh: '新建副本', en: 'New copy' },
  name: { zh: '名称', en: 'Name' },
  caseIds: { zh: '案件', en: 'Cases' },
  goldIds: { zh: '标准案例', en: 'Gold cases' },
  reviewerIds: { zh: '参与审核员', en: 'Reviewers' },
  sessionId: { zh: '校准会', en: 'Calibration session' },
  reason: { zh: '理由', en: 'Reason' },
  answers: { zh: '作答数', en: 'Answers' },
};

/** Gold (known-answer) cases, their training copies, and calibration sessions (QA). */
export const qaGoldEvents = {
  // Target: the real case marked. Its redacted copy is a new case on a training subject.
  'qa.gold.marked': auditEvent(
    '标记为标准案例',
    'Marked as gold case',
    z.strictObject({
      goldId: id,
      copyCaseId: id,
      newCaseStatus: z.string(),
      trainingSubjectId: z.string(),
      expected: verdict,
      note: z.string().nullable(),
    }),
    FIELDS,
  ),
  // Target: the gold case.
  'qa.gold.retired': auditEvent('停用标准案例', 'Gold case retired', z.strictObject({ goldId: id }), FIELDS),
  // Target: the queue.
  'qa.gold.rate_set': auditEvent(
    '设置标准案例混入比例',
    'Gold rate set',
    z.strictObject({ queueId: z.string(), percent: z.number(), previous: z.number().nullable() }),
    FIELDS,
  ),
  // Target: the training copy now held by the reviewer (a new copy, or an idle one handed over).
  'qa.gold.served': auditEvent(
    '分派标准案例副本',
    'Gold copy served',
    z.strictObject({ goldId: id, queueId: z.string(), created: z.boolean(), ...caseStateFields }),
    FIELDS,
  ),
  // Target: the training copy decided. No standing, notice, outbox message or statement follows.
  'qa.gold.answered': auditEvent(
    '作答标准案例',
    'Gold case answered',
    z.strictObject({
      goldId: id,
      answer: verdict,
      correct: z.boolean(),
      scores: z.record(z.string(), z.unknown()),
      ...caseStateFields,
    }),
    FIELDS,
  ),
  // Target: the calibration session.
  'qa.calibration.created': auditEvent(
    '创建校准会',
    'Calibration session created',
    z.strictObject({ name: z.string(), caseIds: z.array(id), goldIds: z.array(id), reviewerIds: z.array(id) }),
    FIELDS,
  ),
  'qa.calibration.answered': auditEvent(
    '校准会作答',
    'Calibration answer given',
    z.strictObject({ caseId: id, answer: verdict, reason: z.string() }),
    FIELDS,
  ),
  'qa.calibration.closed': auditEvent(
    '结束校准会',
    'Calibration session closed',
    z.strictObject({ answers: z.number() }),
    FIELDS,
  ),
};
