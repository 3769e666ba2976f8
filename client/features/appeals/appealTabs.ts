import type { AppealView } from '../../../shared/api/appeals';

/** The appeal statuses the server stores (server/db/tables/appeals.table.ts). */
export type AppealStatus = 'pending_member' | 'under_review' | 'approved' | 'rejected' | 'expired';

/**
 * The appeals page's tabs follow the member-side stages (docs/MARKETPLACE.md §6): under staff review,
 * sent back to the member for evidence, and a final record (approved, rejected or expired).
 */
export const APPEAL_TABS = {
  under_review: ['under_review'],
  pending_member: ['pending_member'],
  final: ['approved', 'rejected', 'expired'],
} as const satisfies Record<AppealView['stage'], readonly AppealStatus[]>;

export type AppealTab = keyof typeof APPEAL_TABS;
export const APPEAL_TAB_ORDER: AppealTab[] = ['under_review', 'pending_member', 'final'];
