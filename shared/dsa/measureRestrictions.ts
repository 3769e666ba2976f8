import type { SorAccount, SorMonetary, SorProvision, SorVisibility } from './sorSchema';

/** Which of the four DSA restriction kinds (Art. 17(1) a–d) a measure of ours is. */
export type MeasureRestriction =
  | { visibility: SorVisibility }
  | { monetary: SorMonetary }
  | { provision: SorProvision }
  | { account: SorAccount }
  /** Not a restriction of the service (a warning, identity check): no statement needed for it alone. */
  | { none: true };

/**
 * The rulebooks' measures (shared/rulebook/measures.ts, xianyuRulebook.ts) as DSA restrictions. A measure missing
 * here is reported as DECISION_VISIBILITY_OTHER with its id, and a unit test lists it.
 */
export const MEASURE_RESTRICTIONS: Record<string, MeasureRestriction> = {
  'shop-shielded': { visibility: 'DECISION_VISIBILITY_CONTENT_DISABLED' },
  'listing-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'shop-creation-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'site-messages-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'community-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'public-warning': { visibility: 'DECISION_VISIBILITY_CONTENT_LABELLED' },
  'items-delisted': { visibility: 'DECISION_VISIBILITY_CONTENT_DISABLED' },
  'shop-closed': { provision: 'DECISION_PROVISION_TOTAL_SUSPENSION' },
  'account-sealed': { account: 'DECISION_ACCOUNT_TERMINATED' },
  'buyer-actions-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'search-demotion': { visibility: 'DECISION_VISIBILITY_CONTENT_DEMOTED' },
  'item-removed': { visibility: 'DECISION_VISIBILITY_CONTENT_REMOVED' },
  'item-deleted': { visibility: 'DECISION_VISIBILITY_CONTENT_REMOVED' },
  warning: { none: true },
  'identity-verification': { none: true },
  'site-login-restricted': { account: 'DECISION_ACCOUNT_SUSPENDED' },
  'im-login-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'reviews-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'reviews-deleted': { visibility: 'DECISION_VISIBILITY_CONTENT_REMOVED' },
  'complaints-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'transaction-timeout-extended': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'orders-closed': { monetary: 'DECISION_MONETARY_OTHER' },
  'gains-recovered': { monetary: 'DECISION_MONETARY_OTHER' },
  'registered-accounts-sealed': { account: 'DECISION_ACCOUNT_TERMINATED' },
  'business-permissions-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'account-closed': { account: 'DECISION_ACCOUNT_TERMINATED' },
  'shopping-cart-suspended': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'liquidated-damages': { monetary: 'DECISION_MONETARY_OTHER' },
  'account-banned': { account: 'DECISION_ACCOUNT_TERMINATED' },
  'platform-removal': { provision: 'DECISION_PROVISION_TOTAL_TERMINATION' },
  'alipay-enforcement': { monetary: 'DECISION_MONETARY_SUSPENSION' },
  'shop-supervised': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'items-supervised': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'shipping-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'shop-search-demotion': { visibility: 'DECISION_VISIBILITY_CONTENT_DEMOTED' },
  'listing-quota-restricted': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'listing-qualification-control': { provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
  'promotion-restricted': { visibility: 'DECISION_VISIBILITY_CONTENT_DEMOTED' },
  'deposit-frozen': { monetary: 'DECISION_MONETARY_SUSPENSION' },
  // The Xianyu rulebook's own measures (shared/rulebook/xianyuRulebook.ts).
  'all-items-deleted': { visibility: 'DECISION_VISIBILITY_CONTENT_REMOVED' },
  'account-controlled': { provision: 'DECISION_PROVISION_TOTAL_SUSPENSION' },
  'shop-banned': { provision: 'DECISION_PROVISION_TOTAL_TERMINATION' },
};
