/**
 * The vocabulary of the EU DSA Transparency Database submission schema (API v2, in force since
 * 1 July 2025: https://transparency.dsa.ec.europa.eu/page/api-documentation). Only the values
 * this desk can produce, plus the full category list so the rule table can be checked against it.
 */

export const SOR_CATEGORIES = [
  'STATEMENT_CATEGORY_ANIMAL_WELFARE',
  'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN',
  'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
  'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_SELF_HARM',
  'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  'STATEMENT_CATEGORY_VIOLENCE',
] as const;
export type SorCategory = (typeof SOR_CATEGORIES)[number];

/** The keywords (`category_specification`) our rules map to; all are valid in API v2. */
export const SOR_KEYWORDS = [
  'KEYWORD_MISSING_PROCESSING_GROUND',
  'KEYWORD_DATA_FALSIFICATION',
  'KEYWORD_INAUTHENTIC_ACCOUNTS',
  'KEYWORD_INAUTHENTIC_USER_REVIEWS',
  'KEYWORD_MISLEADING_INFO_GOODS_SERVICES',
  'KEYWORD_TRADEMARK_INFRINGEMENT',
  'KEYWORD_PROHIBITED_PRODUCTS',
  'KEYWORD_GOODS_SERVICES_NOT_PERMITTED',
  'KEYWORD_OTHER',
] as const;
export type SorKeyword = (typeof SOR_KEYWORDS)[number];

export const SOR_CONTENT_TYPES = ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_TEXT', 'CONTENT_TYPE_OTHER'] as const;
export type SorContentType = (typeof SOR_CONTENT_TYPES)[number];

export type SorVisibility =
  | 'DECISION_VISIBILITY_CONTENT_REMOVED'
  | 'DECISION_VISIBILITY_CONTENT_DISABLED'
  | 'DECISION_VISIBILITY_CONTENT_DEMOTED'
  | 'DECISION_VISIBILITY_CONTENT_LABELLED'
  | 'DECISION_VISIBILITY_OTHER';
export type SorMonetary = 'DECISION_MONETARY_SUSPENSION' | 'DECISION_MONETARY_TERMINATION' | 'DECISION_MONETARY_OTHER';
export type SorProvision =
  | 'DECISION_PROVISION_PARTIAL_SUSPENSION'
  | 'DECISION_PROVISION_TOTAL_SUSPENSION'
  | 'DECISION_PROVISION_PARTIAL_TERMINATION'
  | 'DECISION_PROVISION_TOTAL_TERMINATION';
export type SorAccount = 'DECISION_ACCOUNT_SUSPENDED' | 'DECISION_ACCOUNT_TERMINATED';

/** Single-valued restriction fields, mildest first: when measures collide the last one wins. */
export const MONETARY_SEVERITY: readonly SorMonetary[] = [
  'DECISION_MONETARY_OTHER',
  'DECISION_MONETARY_SUSPENSION',
  'DECISION_MONETARY_TERMINATION',
];
export const PROVISION_SEVERITY: readonly SorProvision[] = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
];
export const ACCOUNT_SEVERITY: readonly SorAccount[] = ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'];

export type SorSourceType =
  | 'SOURCE_ARTICLE_16'
  | 'SOURCE_TRUSTED_FLAGGER'
  | 'SOURCE_TYPE_OTHER_NOTIFICATION'
  | 'SOURCE_VOLUNTARY';
export type SorAutomatedDecision =
  | 'AUTOMATED_DECISION_FULLY'
  | 'AUTOMATED_DECISION_PARTIALLY'
  | 'AUTOMATED_DECISION_NOT_AUTOMATED';

/** The EU member states (territorial_scope takes ISO 3166 alpha-2 codes of EU/EEA countries). */
export const EU_COUNTRY_CODES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

/** One statement of reasons, as the Transparency Database API accepts it. */
export interface StatementOfReasons {
  decision_visibility?: SorVisibility[];
  decision_visibility_other?: string;
  decision_monetary?: SorMonetary;
  decision_monetary_other?: string;
  decision_provision?: SorProvision;
  decision_account?: SorAccount;
  account_type: 'ACCOUNT_TYPE_BUSINESS' | 'ACCOUNT_TYPE_PRIVATE';
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  decision_ground_reference_url?: string;
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  incompatible_content_illegal: 'Yes' | 'No';
  content_type: SorContentType[];
  content_type_other?: string;
  category: SorCategory;
  category_addition?: SorCategory[];
  category_specification: SorKeyword[];
  category_specification_other?: string;
  territorial_scope: string[];
  content_language: string;
  content_date: string;
  application_date: string;
  decision_facts: string;
  source_type: SorSourceType;
  automated_detection: 'Yes' | 'No';
  automated_decision: SorAutomatedDecision;
  puid: string;
  /**
   * Not a submission field: the service the statement is about (Taobao, Xianyu, 1688, Kuaishou),
   * as the Transparency Database's public data names the submitting platform. Each platform
   * submits its own statements under its own account; the submitting tool routes by this and
   * leaves it out of the request.
   */
  platform_name?: string;
}
