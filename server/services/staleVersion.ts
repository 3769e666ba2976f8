import { DeskError } from '../../shared/errors/deskError';
import type { CaseRow } from '../db/tables/cases.table';

/** A stale version is answered with the case as it is now, so the client can show what changed. */
export function staleVersion(c: CaseRow): DeskError {
  return new DeskError(
    'CONFLICT',
    'stale_version',
    `case ${c.id} changed since you opened it (now version ${c.version}, ${c.status})`,
    {
      current: { version: c.version, status: c.status, assigneeId: c.assignee_id },
    },
  );
}
