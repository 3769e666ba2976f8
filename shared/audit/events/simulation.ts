import { z } from 'zod';
import { PLATFORM_IDS } from '../../rulebook/platforms';
import { auditEvent, id } from './define';

/** The change counts of a simulation (shared/simulation/simulate.ts `ChangeCounts`). */
const counts = z.strictObject({
  subjects: z.number().int(),
  points: z.number().int(),
  nodes: z.number().int(),
  punishments: z.number().int(),
  seals: z.number().int(),
  demotions: z.number().int(),
});

/** Fields only these events carry. */
const SIMULATION_FIELDS = {
  jobId: { zh: '模拟任务', en: 'Simulation' },
  draftId: { zh: '规则草稿', en: 'Rulebook draft' },
  asOf: { zh: '模拟时点', en: 'As of' },
  processed: { zh: '已处理主体', en: 'Subjects processed' },
  total: { zh: '主体总数', en: 'Subjects in all' },
  changed: { zh: '受影响数量', en: 'Changes' },
  runId: { zh: '影子运行', en: 'Shadow run' },
  days: { zh: '天数', en: 'Days' },
  until: { zh: '截止', en: 'Until' },
  divergences: { zh: '分歧数', en: 'Divergences' },
  error: { zh: '错误', en: 'Error' },
  platform: { zh: '平台', en: 'Platform' },
};

/**
 * Impact simulation and shadow mode (docs/SIMULATION.md): who ran a draft against the platform's
 * subjects, and who had it judged beside the live rulebook. Neither changes a standing; the trail
 * says they happened and what the simulation found.
 */
export const simulationEvents = {
  'simulation.started': auditEvent(
    '开始影响模拟',
    'Impact simulation started',
    z.strictObject({ jobId: id, draftId: id, platform: z.enum(PLATFORM_IDS), asOf: z.string() }),
    SIMULATION_FIELDS,
  ),
  'simulation.cancelled': auditEvent(
    '取消影响模拟',
    'Impact simulation cancelled',
    z.strictObject({ jobId: id, draftId: id, processed: z.number().int(), total: z.number().int() }),
    SIMULATION_FIELDS,
  ),
  'simulation.finished': auditEvent(
    '影响模拟结束',
    'Impact simulation finished',
    z.strictObject({
      jobId: id,
      draftId: id,
      status: z.enum(['done', 'failed']),
      processed: z.number().int(),
      total: z.number().int(),
      changed: counts,
      error: z.string().nullable(),
    }),
    SIMULATION_FIELDS,
  ),
  'shadow.started': auditEvent(
    '开始影子运行',
    'Shadow mode started',
    z.strictObject({
      runId: id,
      draftId: id,
      platform: z.enum(PLATFORM_IDS),
      days: z.number().int(),
      until: z.string(),
    }),
    SIMULATION_FIELDS,
  ),
  'shadow.stopped': auditEvent(
    '停止影子运行',
    'Shadow mode stopped',
    z.strictObject({ runId: id, draftId: id, divergences: z.number().int() }),
    SIMULATION_FIELDS,
  ),
};
