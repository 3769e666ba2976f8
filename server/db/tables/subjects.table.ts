import type { Generated, Insertable, Selectable } from 'kysely';
import type { SubjectKind } from '../../../shared/cases/enums';
import type { PlatformId } from '../../../shared/rulebook/platforms';

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
  /**
   * The platform the subject trades on (0022), stored as text: the repository decodes it to a
   * `PlatformId` (`decodePlatform`), so no raw string gets past it. Defaults to `taobao`.
   */
  platform: Generated<string>;
  /** 1: a synthetic subject that gold cases' training copies are about (0031); never a real member. */
  training: Generated<number>;
}
/** A subject as its repository hands it out: the platform decoded. */
export type SubjectRow = Omit<Selectable<SubjectsTable>, 'platform'> & { platform: PlatformId };
export type NewSubjectRow = Omit<Insertable<SubjectsTable>, 'platform'> & { platform?: PlatformId };
