import type { Transaction } from 'kysely';
import type { NoticeData } from '../../shared/notices/renderNotice';
import type { Rulebook } from '../../shared/rulebook';
import type { Database } from '../db/database';
import { announceEnforcement } from './announceEnforcement';
import { idempotencyKey } from './idempotencyKey';
import { recordOutbox } from './recordOutbox';

type Trx = Transaction<Database>;

/**
 * decisionEffect.takeEffect's one call: an applied finding's measures (and whatever it ended
 * early), then the notice. A waiver changes no measure; its notice is still announced.
 */
export async function announceDecision(
  trx: Trx,
  args: {
    decisionId: number;
    noticeId: number;
    notice: NoticeData;
    text: { zh: string; en: string };
    rulebook: Rulebook;
    now: Date;
  },
): Promise<void> {
  const { notice, now } = args;
  if (notice.decision === 'apply') {
    await announceEnforcement(trx, {
      subjectId: notice.subject.id,
      rulebook: args.rulebook,
      now,
      cause: { kind: 'decision', decisionId: args.decisionId, caseId: notice.caseId },
    });
  }
  await recordOutbox(
    trx,
    {
      type: 'notice.issued',
      key: idempotencyKey('notice.issued', [args.decisionId]),
      subjectId: notice.subject.id,
      caseId: notice.caseId,
      body: {
        noticeId: args.noticeId,
        decisionId: args.decisionId,
        decision: notice.decision,
        rule: notice.rule.id,
        ruleVersion: notice.rule.version,
        ledger: notice.ledger,
        points: notice.points,
        outcome: notice.outcome,
        measures: notice.measures.map((m) => ({ measure: m.id, from: m.from, until: m.until })),
        demotions: notice.demotions,
        appealUntil: notice.appealUntil,
        automatedDetection: notice.automatedDetection,
        text: args.text,
      },
    },
    now,
  );
}

/**
 * appealDecision.decideAppeal's one call: an upheld appeal lifts what the reversed violation
 * set off (and starts a lighter finding's measures); a rejection with false evidence adds that
 * finding's. Then the outcome itself.
 */
export async function announceAppealDecision(
  trx: Trx,
  args: {
    appealId: number;
    decisionId: number;
    caseId: number;
    subjectId: string;
    rule: string;
    approved: boolean;
    reason: string;
    reversedViolation: string | null;
    reliefViolation: string | null;
    falseEvidence: boolean;
    rulebook: Rulebook;
    now: Date;
  },
): Promise<void> {
  const { now } = args;
  if (args.approved || args.falseEvidence) {
    await announceEnforcement(trx, {
      subjectId: args.subjectId,
      rulebook: args.rulebook,
      now,
      cause: { kind: 'appeal', appealId: args.appealId, caseId: args.caseId, approved: args.approved },
    });
  }
  await recordOutbox(
    trx,
    {
      type: 'appeal.decided',
      key: idempotencyKey('appeal.decided', [args.appealId]),
      subjectId: args.subjectId,
      caseId: args.caseId,
      body: {
        appealId: args.appealId,
        decisionId: args.decisionId,
        outcome: args.approved ? 'approved' : 'rejected',
        reason: args.reason,
        rule: args.rule,
        reversedViolation: args.reversedViolation,
        reliefViolation: args.reliefViolation,
        falseEvidence: args.falseEvidence,
      },
    },
    now,
  );
}
