import type { LocalizedText, Rulebook } from '../rulebook';
import { SINCE_RECORDS_BEGIN } from '../rulebook/defaultRulebook';
import { formatUtcOffset } from '../rulebook/time';
import { factText } from './factLabels';

/**
 * The statement of reasons sent to the subject: rule and version, the facts relied on,
 * measures and their duration, whether detection or decision was automated, and how and
 * until when to appeal. One structure, rendered per language from the templates below.
 */
export interface NoticeData {
  caseId: number;
  subject: { id: string; name: string | null };
  decision: 'apply' | 'waive';
  rule: { id: string; name: LocalizedText; version: string };
  facts: Record<string, unknown>;
  ledger: string | null;
  points: number;
  outcome: string | null;
  /** Measures with their periods: `until`, or `permanent`, or neither (in force from `from`). */
  measures: { id: string; label: LocalizedText; from: string; until: string | null; permanent?: boolean }[];
  demotions: { item: string; from: string; until: string; days: number }[];
  reason: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  decidedAt: string;
  /** Null when there is nothing to appeal (a waiver). */
  appealUntil: string | null;
}

type Lang = 'zh' | 'en';

const LEDGER_NAMES: Record<string, LocalizedText> = {
  general: { zh: '一般违规', en: 'general violations' },
  serious: { zh: '严重违规', en: 'serious violations' },
  counterfeit: { zh: '售假违规', en: 'counterfeit violations' },
};

/** Platform time on the rulebook's clock, with the zone named, e.g. `2024-01-08 10:00 (UTC+8)`. */
export function platformTime(iso: string, utcOffsetMinutes: number): string {
  const d = new Date(Date.parse(iso) + utcOffsetMinutes * 60_000);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} (${formatUtcOffset(utcOffsetMinutes)})`;
}

function factsText(n: NoticeData, lang: Lang): string {
  const entries = Object.entries(n.facts);
  if (!entries.length) return '—';
  return entries.map(([name, value]) => factText(n.rule.id, name, value, lang)).join(lang === 'zh' ? '；' : '; ');
}

/** The version as the subject reads it; a version the seeds give no start date is the rule's original one. */
function versionText(version: string, lang: Lang): string {
  if (version === SINCE_RECORDS_BEGIN) return lang === 'zh' ? '初始版本' : 'its original version';
  return lang === 'zh' ? `${version} 起施行版本` : `version in force from ${version}`;
}

const TEMPLATES: Record<Lang, (n: NoticeData, time: (iso: string) => string) => string[]> = {
  zh: (n, time) => [
    `【违规处理通知】案件编号 ${n.caseId}`,
    `${n.subject.name ?? n.subject.id}（${n.subject.id}）：`,
    n.decision === 'apply'
      ? `经审核，您的行为违反《${n.rule.name.zh}》规则（${versionText(n.rule.version, 'zh')}）。`
      : `经审核，您的行为违反《${n.rule.name.zh}》规则（${versionText(n.rule.version, 'zh')}），本次免于处罚。`,
    `认定依据的事实：${factsText(n, 'zh')}。`,
    `处理理由：${n.reason}`,
    n.decision === 'apply' && n.ledger
      ? n.points > 0
        ? `扣分：${LEDGER_NAMES[n.ledger]?.zh ?? n.ledger} ${n.points} 分。`
        : n.outcome === 'warning'
          ? '处理结果：警告，不扣分。'
          : '处理结果：限期整改，不扣分。'
      : '',
    ...n.measures.map(
      (m) =>
        `处理措施：${m.label.zh}，自 ${time(m.from)} 起${m.until ? `至 ${time(m.until)} 止` : m.permanent ? '，永久有效' : '执行'}。`,
    ),
    ...n.demotions.map((d) => `商品 ${d.item} 搜索降权 ${d.days} 天（${d.from} 至 ${d.until}）。`),
    `违规发现方式：${n.automatedDetection ? '系统自动检测' : '人工发现（举报或抽查）'}；处理决定：${n.automatedDecision ? '系统自动作出' : '由审核人员作出'}。`,
    n.appealUntil
      ? `如有异议，请于 ${time(n.appealUntil)} 前通过商家后台“违规申诉”提交申诉及相关凭证。`
      : '本通知无需申诉。',
  ],
  en: (n, time) => [
    `[Notice of enforcement] Case ${n.caseId}`,
    `To ${n.subject.name ?? n.subject.id} (${n.subject.id}):`,
    n.decision === 'apply'
      ? `On review, your conduct breaches the rule "${n.rule.name.en}" (${versionText(n.rule.version, 'en')}).`
      : `On review, your conduct breaches the rule "${n.rule.name.en}" (${versionText(n.rule.version, 'en')}); no penalty is applied this time.`,
    `Facts relied on: ${factsText(n, 'en')}.`,
    `Reason: ${n.reason}`,
    n.decision === 'apply' && n.ledger
      ? n.points > 0
        ? `Points: ${n.points} on the ${LEDGER_NAMES[n.ledger]?.en ?? n.ledger} ledger.`
        : n.outcome === 'warning'
          ? 'Outcome: a warning, no points.'
          : 'Outcome: correction required, no points.'
      : '',
    ...n.measures.map(
      (m) =>
        `Measure: ${m.label.en}, from ${time(m.from)}${m.until ? ` until ${time(m.until)}` : m.permanent ? ', permanently' : ''}.`,
    ),
    ...n.demotions.map((d) => `Item ${d.item} is demoted in search for ${d.days} days (${d.from} to ${d.until}).`),
    `Detection: ${n.automatedDetection ? 'automated' : 'by people (a report or a spot check)'}; decision: ${n.automatedDecision ? 'automated' : 'made by a reviewer'}.`,
    n.appealUntil
      ? `To contest this, appeal with your evidence through "Violation appeals" in the seller centre before ${time(n.appealUntil)}.`
      : 'There is nothing to appeal in this notice.',
  ],
};

/** The notice's text in both languages; times are on the rulebook's clock. */
export function renderNotice(n: NoticeData, rulebook: Pick<Rulebook, 'utcOffsetMinutes'>): { zh: string; en: string } {
  const time = (iso: string) => platformTime(iso, rulebook.utcOffsetMinutes);
  const render = (lang: Lang) => TEMPLATES[lang](n, time).filter(Boolean).join('\n');
  return { zh: render('zh'), en: render('en') };
}

/** The measure table's labels, for building NoticeData. */
export function measureLabel(rulebook: Rulebook, id: string): LocalizedText {
  return rulebook.measures[id]?.label ?? { zh: id, en: id };
}
