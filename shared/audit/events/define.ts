import { z } from 'zod';
import { CASE_STATUSES } from '../../cases/enums';

/** A name in both languages of the desk. */
export interface Label {
  zh: string;
  en: string;
}

/** One audit action: what it is called and the shape of the `data` it stores. */
export interface AuditEventSpec<S extends z.ZodType = z.ZodType> {
  label: Label;
  data: S;
  /** Labels for payload fields this action names differently from the shared ones (./fieldLabels.ts). */
  fields?: Record<string, Label>;
}

/** One registry entry. `data` describes what is stored today: the hash chain never changes. */
export function auditEvent<S extends z.ZodType>(
  zh: string,
  en: string,
  data: S,
  fields?: Record<string, Label>,
): AuditEventSpec<S> {
  return fields ? { label: { zh, en }, data, fields } : { label: { zh, en }, data };
}

/** The payload of an action that stores no data (`data` is NULL in the row). */
export const noData = z.undefined();

/** Integer ids, as the services pass them. */
export const id = z.number().int();

/** Database rows and request bodies stored whole: their top-level shape is not the audit's to fix. */
export const record = z.record(z.string(), z.unknown());

/**
 * The state an event leaves its case in (shared/audit/caseState.ts), which `audit verify`
 * compares with the `cases` table. Optional: events written before the desk recorded it lack it.
 */
export const caseStateFields = {
  caseStatus: z.enum(CASE_STATUSES).optional(),
  caseAssigneeId: id.nullable().optional(),
};
