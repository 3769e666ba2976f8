import type { Generated, Insertable, Selectable } from 'kysely';
import type { MessageAttachment, MessageDirection } from '../../../shared/api/messages';
import type { Decoded } from '../jsonColumns';

/** One message of a case's thread with its subject (never an internal note). */
export interface CaseMessagesTable {
  id: Generated<number>;
  case_id: number;
  subject_id: string;
  direction: MessageDirection;
  /** The reason template staff started from, if any (shared/messages/templates.ts). */
  template_id: string | null;
  body: string;
  /** JSON text: evidence items the subject attached (a reply), or null. */
  attachments: string | null;
  /** Staff who wrote an outgoing message. */
  author_id: number | null;
  /** `token:<id>` or `user:<id>` that brought an incoming reply in. */
  submitted_by: string | null;
  /** The appeal a request for evidence (out) or the answer to it (in) belongs to. */
  appeal_id: number | null;
  /** The platform's id of an incoming reply: a retried submission is taken in once. */
  external_id: string | null;
  created_at: string;
}
export type CaseMessageRow = Decoded<Selectable<CaseMessagesTable>, { attachments: MessageAttachment[] | null }>;
export type NewCaseMessageRow = Decoded<Insertable<CaseMessagesTable>, { attachments?: MessageAttachment[] | null }>;
