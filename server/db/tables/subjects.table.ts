import type { Insertable, Selectable } from 'kysely';
import type { SubjectKind } from '../../../shared/cases/enums';

/** A member of the marketplace that cases are about: merchant, buyer, creator or brand. */
export interface SubjectsTable {
  /** The marketplace's own id for the member. */
  id: string;
  kind: SubjectKind;
  name: string | null;
  shop_level: string | null;
  registered_at: string | null;
  created_at: string;
  /** Personal data: shown masked, revealed per field with a reason (audited). */
  phone: string | null;
  address: string | null;
}
export type SubjectRow = Selectable<SubjectsTable>;
export type NewSubjectRow = Insertable<SubjectsTable>;
