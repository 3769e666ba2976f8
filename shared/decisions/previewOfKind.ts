import type { FindingTiming, PreviewOutput } from '../api/decisions';
import { type FindingPreview, parseInstant, platformYear, type Rulebook } from '../rulebook';
import { approvalReasons } from './fourEyes';

type Kind = PreviewOutput['kind'];
type PunishmentOut = PreviewOutput['punishments'][number];

const DAY_MS = 86_400_000;
/** The shortest node punishment lasts a week: a violation older than that would be over already. */
const OLD_AFTER_DAYS = 7;

/** What a preview shows when nothing is imposed (a waiver, a dismissal, an escalation). */
const nothingImposed = (): Pick<
  PreviewOutput,
  'crossedNodes' | 'nodeOutcome' | 'measures' | 'punishments' | 'endedEarly' | 'demotions' | 'seals'
> => ({
  crossedNodes: [],
  nodeOutcome: 'none',
  measures: [],
  punishments: [],
  endedEarly: [],
  demotions: [],
  seals: false,
});

function slim(x: FindingPreview['punishments'][number]): PunishmentOut {
  return { ledger: x.ledger, node: x.node, measures: x.measures, from: x.from, until: x.until, trigger: x.trigger };
}

/** When it was committed against when it goes on record, and whether that is worth a warning. */
export function findingTiming(
  violationAt: string,
  recordedAt: string,
  rulebook: Pick<Rulebook, 'utcOffsetMinutes'>,
): FindingTiming {
  const offset = rulebook.utcOffsetMinutes;
  const at = parseInstant(violationAt, offset) ?? 0;
  const recorded = parseInstant(recordedAt, offset) ?? at;
  const daysLate = Math.max(0, Math.floor((recorded - at) / DAY_MS));
  const earlierYear = platformYear(at, offset) < platformYear(recorded, offset);
  return { violationAt, recordedAt, daysLate, earlierYear, old: daysLate >= OLD_AFTER_DAYS || earlierYear };
}

/**
 * The preview of a decision of `kind`, showing that decision's own effect. The engine's preview
 * is what applying would do; a waiver imposes none of it and shows it as `waived` (what is being
 * forgiven). Dismiss and escalate impose nothing. Approval cards, bulk dialogs, the decision
 * panel and notices all read this one shape.
 */
export function previewOfKind(
  kind: Kind,
  p: FindingPreview,
  timing: FindingTiming | null,
  rulebook: Pick<Rulebook, 'fourEyes'>,
): PreviewOutput {
  const applied = {
    ledger: p.ledger,
    points: p.points,
    crossedNodes: p.crossedNodes,
    measures: p.finding.measures,
    punishments: p.punishments.map(slim),
    demotions: p.demotions.map((d) => ({
      item: d.item,
      from: d.from,
      until: d.until,
      days: d.days,
      addedDays: d.addedDays,
    })),
    seals: p.seals,
  };
  const common = {
    kind,
    ruleVersion: p.finding.ruleVersion,
    occurrence: p.finding.occurrence,
    basis: p.finding.basis,
    outcome: p.outcome,
    pointsBefore: p.pointsBefore,
    timing,
  };
  if (kind === 'apply') {
    return {
      ...common,
      ...applied,
      pointsAfter: p.pointsAfter,
      nodeOutcome: p.nodeOutcome,
      endedEarly: p.endedEarly.map(slim),
      approvalReasons: approvalReasons('apply', p, rulebook.fourEyes),
      waived: null,
    };
  }
  return {
    ...common,
    ledger: p.ledger,
    points: 0,
    pointsAfter: p.pointsBefore,
    ...nothingImposed(),
    approvalReasons: kind === 'waive' ? approvalReasons('waive', p, rulebook.fourEyes) : [],
    waived: kind === 'waive' ? applied : null,
  };
}

/** Dismiss and escalate: no finding, so nothing changes; the subject's points as they stand. */
export function noPenaltyPreview(kind: 'dismiss' | 'escalate', points: Record<string, number>): PreviewOutput {
  return {
    kind,
    ruleVersion: '',
    occurrence: 0,
    basis: { zh: '', en: '' },
    ledger: '',
    points: 0,
    outcome: 'none',
    pointsBefore: points,
    pointsAfter: points,
    ...nothingImposed(),
    approvalReasons: [],
    waived: null,
    timing: null,
  };
}
