import type { SorCategory, SorContentType, SorKeyword } from './sorSchema';

export interface RuleClassification {
  /** The Transparency Database category of a decision under this rule. */
  category: SorCategory;
  /** Further categories that also apply (`category_addition`). */
  categoryAddition?: SorCategory[];
  /** Keywords (`category_specification`); KEYWORD_OTHER needs `keywordOther`. */
  keywords: SorKeyword[];
  keywordOther?: string;
  contentType: SorContentType[];
  contentTypeOther?: string;
  /**
   * Whether the conduct is, besides a breach of the platform's rules, commonly also illegal
   * (`incompatible_content_illegal`). A judgement call per rule, kept here for review.
   */
  alsoIllegal: boolean;
  /** `incompatible_content_explanation`: why conduct under this rule breaks the terms. */
  explanation: string;
}

/**
 * Our rules (docs/MARKETPLACE.md §2) against the DSA Transparency Database's categories and keywords:
 * the one place that classification lives. Every statement of reasons takes its category,
 * keywords, content type and explanation from here.
 */
export const DSA_RULE_CLASSIFICATION: Record<string, RuleClassification> = {
  'improper-info-use': {
    category: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
    keywords: ['KEYWORD_MISSING_PROCESSING_GROUND'],
    contentType: ['CONTENT_TYPE_OTHER'],
    contentTypeOther: 'account activity: acquisition or use of buyer or platform data',
    alsoIllegal: true,
    explanation:
      'The member acquired, used or disclosed buyer or platform data without permission (shared accounts, ' +
      'orders placed elsewhere with buyer data, buyer data disclosed), which the platform rules forbid.',
  },
  'member-rights-abuse': {
    category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    keywords: ['KEYWORD_OTHER'],
    keywordOther: 'abuse of buyer rights: extortion by complaints or reviews, malicious orders or addresses',
    contentType: ['CONTENT_TYPE_OTHER'],
    contentTypeOther: 'account activity: orders, reviews, refunds or complaints',
    alsoIllegal: false,
    explanation:
      'The member used buying, reviews, refunds, complaints or claims not to consume but to harm others, ' +
      'which the platform rules on abuse of member rights forbid.',
  },
  'improper-registration': {
    category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    keywords: ['KEYWORD_INAUTHENTIC_ACCOUNTS'],
    contentType: ['CONTENT_TYPE_OTHER'],
    contentTypeOther: 'accounts registered in bulk',
    alsoIllegal: false,
    explanation: 'The member registered accounts in bulk by software, which the platform rules forbid.',
  },
  'unfair-competition': {
    category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    keywords: ['KEYWORD_OTHER'],
    keywordOther: 'exclusive dealing with brands or forcing brands to choose one platform',
    contentType: ['CONTENT_TYPE_TEXT', 'CONTENT_TYPE_OTHER'],
    contentTypeOther: 'commercial agreements and public claims of exclusivity',
    alsoIllegal: true,
    explanation:
      'The member made or claimed exclusive supply or bet-on deals with brands, or used its position to ' +
      "restrict a brand's dealings with others, which the platform rules on unfair competition forbid.",
  },
  counterfeit: {
    category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
    keywords: ['KEYWORD_TRADEMARK_INFRINGEMENT'],
    contentType: ['CONTENT_TYPE_PRODUCT'],
    alsoIllegal: true,
    explanation: 'The member listed, sold or facilitated the sale of counterfeit goods.',
  },
  'unauthorized-product': {
    category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    keywords: ['KEYWORD_PROHIBITED_PRODUCTS', 'KEYWORD_GOODS_SERVICES_NOT_PERMITTED'],
    contentType: ['CONTENT_TYPE_PRODUCT'],
    alsoIllegal: false,
    explanation:
      'The member listed a product, or sold as a seller, without the admission the platform requires for it.',
  },
  'fake-transaction': {
    category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    categoryAddition: ['STATEMENT_CATEGORY_CONSUMER_INFORMATION'],
    keywords: ['KEYWORD_INAUTHENTIC_USER_REVIEWS', 'KEYWORD_MISLEADING_INFO_GOODS_SERVICES'],
    contentType: ['CONTENT_TYPE_PRODUCT'],
    alsoIllegal: true,
    explanation: 'The member faked transactions (brushing) to inflate sales, reputation or reviews, misleading buyers.',
  },
  'false-appeal-evidence': {
    category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    keywords: ['KEYWORD_OTHER'],
    keywordOther: 'false evidence submitted in an appeal',
    contentType: ['CONTENT_TYPE_OTHER'],
    contentTypeOther: 'documents submitted in an appeal',
    alsoIllegal: false,
    explanation: 'The member submitted false evidence in an appeal, which the platform rules forbid.',
  },
};
