import type { z } from 'zod';
import { type QueueView, queueSaveInput } from '../../../shared/api/queues';
import { REPORT_SOURCES, type ReportSource } from '../../../shared/cases/enums';
import { DEFAULT_SLA_DAYS } from '../../../shared/cases/triage';

export type QueueSaveInput = z.infer<typeof queueSaveInput>;

/** What the queue dialog edits: numbers stay text while typed, so a half-typed value is not lost. */
export interface QueueFormValues {
  id: string;
  nameZh: string;
  nameEn: string;
  slaDays: Record<ReportSource, string>;
  autoAssign: boolean;
  holdLimit: string;
}

export type QueueFormField = 'id' | 'nameZh' | 'nameEn' | 'holdLimit' | ReportSource;

/** A new queue's hold limit, as the database defaults it (migration 0014). */
const DEFAULT_HOLD_LIMIT = 3;
/** Field → i18n key of the problem with it. */
export type QueueFormErrors = Partial<Record<QueueFormField, string>>;

const slaText = (days: Record<ReportSource, number>) =>
  Object.fromEntries(REPORT_SOURCES.map((s) => [s, String(days[s])])) as Record<ReportSource, string>;

export function newQueueForm(): QueueFormValues {
  return {
    id: '',
    nameZh: '',
    nameEn: '',
    slaDays: slaText(DEFAULT_SLA_DAYS),
    autoAssign: false,
    holdLimit: String(DEFAULT_HOLD_LIMIT),
  };
}

export function queueFormOf(queue: QueueView): QueueFormValues {
  return {
    id: queue.id,
    nameZh: queue.nameZh,
    nameEn: queue.nameEn,
    slaDays: slaText(queue.slaDays),
    autoAssign: queue.autoAssign,
    holdLimit: String(queue.holdLimit),
  };
}

/** The save input a queue (as listed) needs to change one setting and keep the rest. */
export function queueSaveInputOf(queue: QueueView): QueueSaveInput {
  const { id, nameZh, nameEn, slaDays, autoAssign, holdLimit } = queue;
  return { id, nameZh, nameEn, slaDays, autoAssign, holdLimit };
}

/**
 * Checks the form with the server's own schema, field by field, so each problem can be shown
 * next to its field. `existingIds` is given when creating: `queues.save` upserts, so reusing an
 * id would silently overwrite that queue.
 */
export function validateQueueForm(
  values: QueueFormValues,
  existingIds?: ReadonlySet<string>,
): { errors: QueueFormErrors; input?: QueueSaveInput } {
  const shape = queueSaveInput.shape;
  const errors: QueueFormErrors = {};
  const id = values.id.trim();
  if (!shape.id.safeParse(id).success) errors.id = 'queues.form.idInvalid';
  else if (existingIds?.has(id)) errors.id = 'queues.form.idTaken';
  if (!shape.nameZh.safeParse(values.nameZh).success) errors.nameZh = 'queues.form.nameInvalid';
  if (!shape.nameEn.safeParse(values.nameEn).success) errors.nameEn = 'queues.form.nameInvalid';
  const slaDays = {} as Record<ReportSource, number>;
  for (const source of REPORT_SOURCES) {
    const text = values.slaDays[source].trim();
    const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!shape.slaDays.shape[source].safeParse(days).success) errors[source] = 'queues.form.slaInvalid';
    slaDays[source] = days;
  }
  const limitText = values.holdLimit.trim();
  const holdLimit = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!shape.holdLimit.safeParse(holdLimit).success) errors.holdLimit = 'queues.form.holdLimitInvalid';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      id,
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      slaDays,
      autoAssign: values.autoAssign,
      holdLimit,
    },
  };
}
