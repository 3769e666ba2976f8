import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the EU DSA Transparency Database's `POST /api/v1/statements` (the multiple
 * endpoint), written from its published API documentation and field rules, not from the desk's
 * code (docs/DSA.md quotes them):
 * - `Authorization: Bearer <token>`, else 401;
 * - `statements`: an array of 1 to 100, else 422;
 * - each statement checked against the published rules (required fields, enumerations, the
 *   500 / 2,000 / 5,000-character limits, dates, the puid's characters); any error refuses the
 *   whole call with 422 and `errors.statement_<index>`;
 * - a puid it already holds (or one twice in the call) refuses the whole call with 422,
 *   `errors.puid` and `errors.existing_puids`;
 * - otherwise 201 with the statements, each given a uuid.
 */

const ENUMS = {
  decision_visibility: [
    'DECISION_VISIBILITY_CONTENT_REMOVED',
    'DECISION_VISIBILITY_CONTENT_DISABLED',
    'DECISION_VISIBILITY_CONTENT_DEMOTED',
    'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
    'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
    'DECISION_VISIBILITY_CONTENT_LABELLED',
    'DECISION_VISIBILITY_OTHER',
  ],
  decision_monetary: ['DECISION_MONETARY_SUSPENSION', 'DECISION_MONETARY_TERMINATION', 'DECISION_MONETARY_OTHER'],
  decision_provision: [
    'DECISION_PROVISION_PARTIAL_SUSPENSION',
    'DECISION_PROVISION_TOTAL_SUSPENSION',
    'DECISION_PROVISION_PARTIAL_TERMINATION',
    'DECISION_PROVISION_TOTAL_TERMINATION',
  ],
  decision_account: ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'],
  account_type: ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'],
  decision_ground: ['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'],
  incompatible_content_illegal: ['Yes', 'No'],
  content_type: [
    'CONTENT_TYPE_APP',
    'CONTENT_TYPE_AUDIO',
    'CONTENT_TYPE_IMAGE',
    'CONTENT_TYPE_PRODUCT',
    'CONTENT_TYPE_SYNTHETIC_MEDIA',
    'CONTENT_TYPE_TEXT',
    'CONTENT_TYPE_VIDEO',
    'CONTENT_TYPE_OTHER',
  ],
  category: [
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
  ],
  category_specification: (
    'ADULT_SEXUAL_MATERIAL AGE_SPECIFIC_RESTRICTIONS AGE_SPECIFIC_RESTRICTIONS_MINORS ANIMAL_HARM ' +
    'BIOMETRIC_DATA_BREACH BULLYING_AGAINST_GIRLS CHILD_SEXUAL_ABUSE_MATERIAL CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE ' +
    'CONTENT_PROMOTING_EATING_DISORDERS COORDINATED_HARM COPYRIGHT_INFRINGEMENT CYBER_BULLYING_INTIMIDATION ' +
    'CYBER_HARASSMENT CYBER_HARASSMENT_AGAINST_WOMEN CYBER_INCITEMENT CYBER_STALKING CYBER_STALKING_AGAINST_WOMEN ' +
    'DANGEROUS_TOYS DATA_FALSIFICATION DEFAMATION DESIGN_INFRINGEMENT DISCRIMINATION FEMALE_GENDERED_DISINFORMATION ' +
    'GEOGRAPHIC_INDICATIONS_INFRINGEMENT GEOGRAPHICAL_REQUIREMENTS GOODS_SERVICES_NOT_PERMITTED ' +
    'GROOMING_SEXUAL_ENTICEMENT_MINORS HATE_SPEECH HIDDEN_ADVERTISEMENT HUMAN_EXPLOITATION HUMAN_TRAFFICKING ' +
    'ILLEGAL_ORGANIZATIONS IMPERSONATION_ACCOUNT_HIJACKING INAUTHENTIC_ACCOUNTS INAUTHENTIC_LISTINGS ' +
    'INAUTHENTIC_USER_REVIEWS INCITEMENT_AGAINST_WOMEN INCITEMENT_VIOLENCE_HATRED INSUFFICIENT_INFORMATION_ON_TRADERS ' +
    'LANGUAGE_REQUIREMENTS MISINFORMATION_DISINFORMATION MISLEADING_INFO_CONSUMER_RIGHTS ' +
    'MISLEADING_INFO_GOODS_SERVICES MISSING_PROCESSING_GROUND NON_CONSENSUAL_IMAGE_SHARING ' +
    'NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN NON_CONSENSUAL_MATERIAL_DEEPFAKE ' +
    'NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN NONCOMPLIANCE_PRICING NUDITY PATENT_INFRINGEMENT PHISHING ' +
    'PROHIBITED_PRODUCTS PYRAMID_SCHEMES RIGHT_TO_BE_FORGOTTEN RISK_ENVIRONMENTAL_DAMAGE RISK_PUBLIC_HEALTH ' +
    'SELF_MUTILATION STALKING SUICIDE TERRORIST_CONTENT TRADE_SECRET_INFRINGEMENT TRADEMARK_INFRINGEMENT ' +
    'TRAFFICKING_WOMEN_GIRLS UNLAWFUL_SALE_ANIMALS UNSAFE_CHALLENGES UNSAFE_PRODUCTS VIOLATION_EU_LAW ' +
    'VIOLATION_NATIONAL_LAW OTHER'
  )
    .split(' ')
    .map((k) => `KEYWORD_${k}`),
  territorial_scope: 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(
    ' ',
  ),
  content_language: (
    'AB AA AF AK SQ AM AR AN HY AS AV AE AY AZ BM BA EU BE BN BH BI BS BR BG MY CA KM CH CE NY ZH CU CV KW CO CR HR ' +
    'CS DA DV NL DZ EN EO ET EE FO FJ FI FR FF GD GL LG KA DE KI EL KL GN GU HT HA HE HZ HI HO HU IS IO IG ID IA IE ' +
    'IU IK GA IT JA JV KN KR KS KK RW KV KG KO KJ KU KY LO LA LV LB LI LN LT LU MK MG MS ML MT GV MI MR MH RO MN NA ' +
    'NV ND NG NE SE NO NB NN II OC OJ OR OM OS PI PA PS FA PL PT QU RM RN RU SM SG SA SC SR SN SD SI SK SL SO ST NR ' +
    'ES SU SW SS SV TL TY TG TA TT TE TH BO TI TO TS TN TR TK TW UG UK UR UZ VE VI VO WA CY FY WO XH YI YO ZA ZU'
  ).split(' '),
  source_type: ['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_TYPE_OTHER_NOTIFICATION', 'SOURCE_VOLUNTARY'],
  automated_detection: ['Yes', 'No'],
  automated_decision: ['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED'],
};

type Statement = Record<string, unknown>;
type Errors = Record<string, string[]>;

/** Characters as the database counts them (code points, not UTF-16 units). */
const length = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);
const present = (s: Statement, k: string) => s[k] !== undefined && s[k] !== null && s[k] !== '';

/** The published rules of one statement; an empty object when it passes. */
export function statementErrors(s: Statement): Errors {
  const errors: Errors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };
  const oneOf = (field: keyof typeof ENUMS, required = false) => {
    if (!present(s, field)) {
      if (required) add(field, `The ${field.replaceAll('_', ' ')} field is required.`);
      return;
    }
    if (!ENUMS[field].includes(s[field] as string))
      add(field, `The selected ${field.replaceAll('_', ' ')} is invalid.`);
  };
  const manyOf = (field: string, required = false, allowed: string[] = ENUMS[field as keyof typeof ENUMS]) => {
    const value = s[field];
    if (value === undefined || value === null) {
      if (required) add(field, `The ${field.replaceAll('_', ' ')} field is required.`);
      return;
    }
    if (!Array.isArray(value)) return add(field, `The ${field.replaceAll('_', ' ')} must be an array.`);
    if (required && value.length === 0) add(field, `The ${field.replaceAll('_', ' ')} field is required.`);
    if (value.some((v) => !allowed.includes(v))) add(field, `The selected ${field.replaceAll('_', ' ')} is invalid.`);
  };
  const text = (field: string, max: number, required = false) => {
    if (!present(s, field)) {
      if (required) add(field, `The ${field.replaceAll('_', ' ')} field is required.`);
      return;
    }
    if (typeof s[field] !== 'string') return add(field, `The ${field.replaceAll('_', ' ')} must be a string.`);
    if (length(s[field]) > max)
      add(field, `The ${field.replaceAll('_', ' ')} field must not be greater than ${max} characters.`);
  };
  const date = (field: string, from: string) => {
    const v = s[field];
    if (!present(s, field)) return add(field, `The ${field.replaceAll('_', ' ')} field is required.`);
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
      return add(field, `The ${field.replaceAll('_', ' ')} does not match the format YYYY-MM-DD.`);
    if (v < from || v > '2038-01-01') add(field, `The ${field.replaceAll('_', ' ')} is out of range.`);
  };

  const restrictions = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'];
  if (!restrictions.some((k) => present(s, k) && !(Array.isArray(s[k]) && (s[k] as unknown[]).length === 0)))
    for (const k of restrictions)
      add(k, `The ${k.replaceAll('_', ' ')} field is required when none of the others are present.`);
  manyOf('decision_visibility');
  const visibility = Array.isArray(s.decision_visibility) ? s.decision_visibility : [];
  if (visibility.includes('DECISION_VISIBILITY_OTHER')) text('decision_visibility_other', 500, true);
  oneOf('decision_monetary');
  if (s.decision_monetary === 'DECISION_MONETARY_OTHER') text('decision_monetary_other', 500, true);
  oneOf('decision_provision');
  oneOf('decision_account');
  oneOf('account_type');

  oneOf('decision_ground', true);
  text('decision_ground_reference_url', 500);
  if (present(s, 'decision_ground_reference_url') && !/^https?:\/\/\S+$/.test(String(s.decision_ground_reference_url)))
    add('decision_ground_reference_url', 'The decision ground reference url field must be a valid URL.');
  if (s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    text('illegal_content_legal_ground', 500, true);
    text('illegal_content_explanation', 2000, true);
  }
  if (s.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT') {
    text('incompatible_content_ground', 500, true);
    text('incompatible_content_explanation', 2000, true);
    oneOf('incompatible_content_illegal');
  }

  manyOf('content_type', true);
  const contentType = Array.isArray(s.content_type) ? s.content_type : [];
  if (contentType.includes('CONTENT_TYPE_OTHER')) text('content_type_other', 500, true);
  oneOf('category', true);
  manyOf('category_addition', false, ENUMS.category);
  manyOf('category_specification');
  text('category_specification_other', 500);
  manyOf('territorial_scope');
  oneOf('content_language');
  date('content_date', '2000-01-01');
  date('application_date', '2020-01-01');

  text('decision_facts', 5000, true);
  oneOf('source_type', true);
  text('source_identity', 500);
  oneOf('automated_detection', true);
  oneOf('automated_decision', true);
  text('puid', 500, true);
  if (present(s, 'puid') && !/^[a-zA-Z0-9_-]+$/.test(String(s.puid))) add('puid', 'The puid format is invalid.');
  return errors;
}

export interface DsaCall {
  count: number;
  status: number;
  puids: string[];
}

export interface DsaStub {
  url: string;
  token: string;
  /** Statements the database holds, by puid (as received). */
  held: Map<string, Statement>;
  calls: DsaCall[];
  /** Answer the next `n` calls with `status` (e.g. 500, 503) before looking at them. */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

export async function startDsaStub(token = 'X|stub-token'): Promise<DsaStub> {
  const held = new Map<string, Statement>();
  const calls: DsaCall[] = [];
  let failing = { n: 0, status: 500 };

  const answer = (res: ServerResponse, call: DsaCall, status: number, body: unknown) => {
    call.status = status;
    calls.push(call);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const call: DsaCall = { count: 0, status: 0, puids: [] };
    if (req.method !== 'POST' || req.url !== '/api/v1/statements')
      return answer(res, call, 404, { message: 'Not Found' });
    if (req.headers.authorization !== `Bearer ${token}`) return answer(res, call, 401, { message: 'Unauthenticated.' });
    let payload: { statements?: unknown };
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, call, 422, { message: 'The statements field is required.', errors: {} });
    }
    const statements = payload.statements;
    if (!Array.isArray(statements) || statements.length < 1 || statements.length > 100)
      return answer(res, call, 422, {
        message: 'The statements field must have between 1 and 100 items.',
        errors: { statements: ['The statements field must have between 1 and 100 items.'] },
      });
    call.count = statements.length;
    call.puids = statements.map((s) => String((s as Statement).puid));
    if (failing.n > 0) {
      failing = { ...failing, n: failing.n - 1 };
      return answer(res, call, failing.status, { message: 'Server Error' });
    }
    const errors: Record<string, Errors> = {};
    statements.forEach((s, i) => {
      const e = statementErrors(s as Statement);
      if (Object.keys(e).length) errors[`statement_${i}`] = e;
    });
    if (Object.keys(errors).length) return answer(res, call, 422, { errors });
    const seen = new Set<string>();
    const duplicates = call.puids.filter((p) => {
      const dup = held.has(p) || seen.has(p);
      seen.add(p);
      return dup;
    });
    if (duplicates.length) {
      const message = 'The platform identifier(s) are not all unique within this call.';
      return answer(res, call, 422, { message, errors: { puid: [message], existing_puids: duplicates } });
    }
    const created = (statements as Statement[]).map((s) => {
      held.set(String(s.puid), s);
      return { ...s, uuid: randomUUID(), created_at: new Date().toISOString() };
    });
    return answer(res, call, 201, { statements: created });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/statements`,
    token,
    held,
    calls,
    failNext: (n, status) => {
      failing = { n, status };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
