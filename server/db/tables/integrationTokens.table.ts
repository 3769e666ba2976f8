import type { Generated, Selectable } from 'kysely';

/** Credentials of systems that file reports or appeals; only the token's hash is kept. */
export interface IntegrationTokensTable {
  id: Generated<number>;
  name: string;
  /** Comma-separated scopes, e.g. "intake,appeals". */
  scopes: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** NULL: never expires. */
  expires_at: string | null;
  last_used_at: string | null;
}
export type IntegrationTokenRow = Selectable<IntegrationTokensTable>;
