/**
 * Reason templates for the decision panel: a reviewer picks one and may edit the text.
 * Waivers must give a reason; these are the common ones staff use.
 */
export interface ReasonTemplate {
  id: string;
  decision: 'apply' | 'waive' | 'dismiss' | 'escalate';
  zh: string;
  en: string;
}

export const REASON_TEMPLATES: readonly ReasonTemplate[] = [
  {
    id: 'evidence-conclusive',
    decision: 'apply',
    zh: '证据确凿，违规事实清楚，依规处理。',
    en: 'The evidence is conclusive and the violation is clear; the rule applies.',
  },
  {
    id: 'first-offence-corrected',
    decision: 'waive',
    zh: '初次违规且已主动整改，本次免于处罚。',
    en: 'First offence, corrected on its own initiative: no penalty this time.',
  },
  {
    id: 'insufficient-evidence',
    decision: 'waive',
    zh: '现有证据不足以支持处罚，暂不处罚。',
    en: 'The evidence is not sufficient to support a penalty.',
  },
  {
    id: 'minor-impact',
    decision: 'waive',
    zh: '情节轻微，未造成实际损害，免于处罚。',
    en: 'Minor, with no actual harm done: no penalty.',
  },
  { id: 'no-violation', decision: 'dismiss', zh: '经核查不构成违规。', en: 'On review, this is not a violation.' },
  {
    id: 'duplicate-report',
    decision: 'dismiss',
    zh: '重复举报，已在其他案件中处理。',
    en: 'Duplicate report, already handled in another case.',
  },
  {
    id: 'malicious-report',
    decision: 'dismiss',
    zh: '举报内容不实，疑似恶意举报。',
    en: 'The report is untrue and appears malicious.',
  },
  { id: 'needs-lead', decision: 'escalate', zh: '案情复杂，需组长判断。', en: 'Complex case: needs a lead to decide.' },
];

export const templatesFor = (decision: ReasonTemplate['decision']) =>
  REASON_TEMPLATES.filter((t) => t.decision === decision);
