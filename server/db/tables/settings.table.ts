import type { Selectable } from 'kysely';

/** Server-wide key/value settings, e.g. secrets generated once and never printed. */
export interface SettingsTable {
  key: string;
  value: string;
}
export type Setting = Selectable<SettingsTable>;
