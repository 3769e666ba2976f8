/**
 * The rulebook engine: a pure function from a subject's history to its standing at an instant
 * (docs/CONTRACTS.md, "The rulebook engine: standing"). It replays the history in time order — sorted by
 * `at`, then `id`, so the order of the input never matters — through the rulebook:
 *
 *   for each violation: close any platform years that ended before it (ledgers.ts), judge it under
 *   the version in force when it was committed (judge.ts), apply caps, charge its ledger, execute
 *   the heaviest node it reaches unless a heavier one is running (nodes.ts, punishments.ts), count
 *   strikes, and open search-demotion windows (demotion.ts).
 *
 * Reversed violations (upheld appeals) are left out before the replay, so everything they
 * triggered — points, nodes, strikes, occurrence numbers of later violations, demotions — is
 * recomputed without them.
 */
import { type CompiledRule, type CompiledRulebook, compileRulebook, versionInForce } from './compile';
import { factNumber, factStrings, unique } from './conditions';
import { compareStrings, type DemotionWindow, demotionWindow, unionDemotions } from './demotion';
import { RulebookError } from './errors';
import { platformOfHistory } from './historyPlatform';
import { judge } from './judge';
import { type Balances, closeYearForAll, emptyBalances } from './ledgers';
import { crossedNodes, heaviestCrossed } from './nodes';
import { platformOfRule, rulebookOf } from './platforms';
import { PunishmentLog, type PunishmentRecord } from './punishments';
import { addDays, formatInstant, localDayNumber, MS_PER_DAY, platformYear, toInstant } from './time';
import type {
  ExcludedViolation,
  Finding,
  FindingPunishment,
  History,
  Ledger,
  Rulebook,
  RuleVersion,
  Standing,
  Violation,
} from './types';

/** A violation ready to replay. */
interface Entry {
  violation: Violation;
  /** When it was committed: picks the rule version. */
  atMs: number;
  /** When it went on record: everything the finding sets off counts from here. */
  recordedMs: number;
  rule: CompiledRule;
  version: RuleVersion;
  path: string;
}

/**
 * The rulebook that judges a history given without one: its `platform`'s, or the platform its
 * rule ids belong to. Throws `RulebookError` for a history mixing platforms.
 */
export function rulebookForHistory(history: Pick<History, 'platform' | 'violations'>): Rulebook {
  const resolved = platformOfHistory(history);
  if (resolved.problem) {
    const path = resolved.problem.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
    throw new RulebookError(path.replace(/^\./, ''), resolved.problem.message);
  }
  return rulebookOf(resolved.platform);
}

/**
 * The standing of a subject at `asOf`, judged by `rulebook` (absent: the one of the history's
 * platform, see `rulebookForHistory`). Violations committed after `asOf` and reversed ones are
 * listed in `excluded` and play no part. Throws `RulebookError` on input it cannot judge (unknown
 * rule, a rule or `platform` of another platform, unreadable time, duplicate id, rule not in force);
 * schema.ts reports the same problems as validation errors before the engine is called.
 */
export function standing(history: History, asOf: string | Date, rulebook?: Rulebook): Standing {
  if (!rulebook) return standing(history, asOf, rulebookForHistory(history));
  if (history.platform !== undefined && history.platform !== rulebook.platform) {
    throw new RulebookError(
      'platform',
      `the history names platform ${history.platform}, but the rulebook "${rulebook.id}" is platform ${rulebook.platform}'s`,
    );
  }
  const compiled = compileRulebook(rulebook);
  const offset = rulebook.utcOffsetMinutes;
  const asOfMs = toInstant(asOf, offset, 'asOf');
  const { entries, excluded } = prepare(history, asOfMs, compiled);
  const replay = new Replay(compiled, platformYear(entries[0]?.recordedMs ?? asOfMs, offset));
  for (const entry of entries) replay.judge(entry);
  replay.advanceToYear(platformYear(asOfMs, offset));

  const { balances, year } = replay;
  const strikes: Partial<Record<Ledger, number>> = {};
  const points: Record<Ledger, number> = {};
  const carried: Record<Ledger, number> = {};
  // In the rulebook's ledger order: Taobao's reads general, serious, counterfeit as it always has.
  for (const [ledger, policy] of Object.entries(rulebook.ledgers)) {
    if (policy.strikes) strikes[ledger] = replay.strikeCount(ledger, policy.strikes.counting);
    points[ledger] = balances[ledger]?.total ?? 0;
    carried[ledger] = balances[ledger]?.carried ?? 0;
  }
  return {
    asOf: formatInstant(asOfMs, offset),
    points,
    findings: replay.findings,
    punishments: replay.punishments.toOutput(asOfMs, offset),
    demotions: unionDemotions(replay.windows, localDayNumber(asOfMs, offset)),
    sealed: replay.punishments.sealed(compiled.sealingMeasures),
    year,
    strikes,
    carried,
    excluded,
    rulebook: rulebook.id,
    platform: rulebook.platform,
  };
}

/** Resolves rule and version of every violation, sets aside reversed and future ones, sorts the rest. */
function prepare(history: History, asOfMs: number, compiled: CompiledRulebook) {
  const offset = compiled.rulebook.utcOffsetMinutes;
  const reversed = new Set(history.reversed ?? []);
  const entries: Entry[] = [];
  const excluded: ExcludedViolation[] = [];
  const seenIds = new Set<string>();
  history.violations.forEach((violation, index) => {
    const path = `violations[${index}]`;
    if (seenIds.has(violation.id)) throw new RulebookError(`${path}.id`, `duplicate violation id "${violation.id}"`);
    seenIds.add(violation.id);
    const rule = compiled.rules.get(violation.rule);
    if (!rule) {
      // Given a rulebook, another platform's finding is set aside: it never moves these ledgers.
      // Without one (the contract's input), such a mix was already refused by rulebookForHistory.
      const owner = platformOfRule(violation.rule);
      if (owner === undefined) throw new RulebookError(`${path}.rule`, `unknown rule "${violation.rule}"`);
      excluded.push({ id: violation.id, reason: 'other-platform' });
      return;
    }
    const atMs = toInstant(violation.at, offset, `${path}.at`);
    const recordedMs =
      violation.recordedAt === undefined ? atMs : toInstant(violation.recordedAt, offset, `${path}.recordedAt`);
    if (recordedMs < atMs)
      throw new RulebookError(`${path}.recordedAt`, 'a violation cannot go on record before it was committed');
    const version = versionInForce(rule, atMs);
    if (!version) {
      const first = rule.definition.versions[0]?.effectiveFrom ?? 'any date';
      throw new RulebookError(`${path}.at`, `rule "${violation.rule}" is not in force before ${first} (platform time)`);
    }
    if (reversed.has(violation.id)) excluded.push({ id: violation.id, reason: 'reversed' });
    else if (recordedMs > asOfMs) excluded.push({ id: violation.id, reason: 'after-as-of' });
    else entries.push({ violation, atMs, recordedMs, rule, version, path });
  });
  // Replayed in the order findings went on record: that is the order the ledgers saw them.
  entries.sort((a, b) => a.recordedMs - b.recordedMs || compareStrings(a.violation.id, b.violation.id));
  excluded.sort((a, b) => compareStrings(a.id, b.id));
  return { entries, excluded };
}

/** The state of one replay: balances, counters and what has been executed so far. */
class Replay {
  year: number;
  balances: Balances;
  readonly findings: Finding[] = [];
  readonly punishments = new PunishmentLog();
  readonly windows: DemotionWindow[] = [];
  private readonly occurrences = new Map<string, number>();
  private readonly tagCounts = new Map<string, number>();
  private readonly strikeCounts = new Map<string, number>();
  /** Points charged per cap group and platform year, for the rolling cap. */
  private readonly capCharges = new Map<string, { atMs: number; points: number }[]>();
  /** Measures waiting for the next node of a ledger (第43條 buyer-action restriction). */
  private pendingNodeMeasures = new Map<Ledger, string[]>();

  constructor(
    private readonly compiled: CompiledRulebook,
    firstYear: number,
  ) {
    this.year = firstYear;
    this.balances = emptyBalances(compiled.rulebook.ledgers);
  }

  private get rulebook(): Rulebook {
    return this.compiled.rulebook;
  }

  /** Closes every platform year that ended before `target` began (24:00 on 31 December). */
  advanceToYear(target: number): void {
    while (this.year < target) {
      this.balances = closeYearForAll(this.balances, this.rulebook.ledgers);
      // Buyer-action restrictions wait for "the next node" of the year whose points earned them.
      this.pendingNodeMeasures = new Map();
      this.year++;
    }
  }

  /** A rule charging a ledger its platform does not keep is a data bug (checkRulebook reports it too). */
  private ledgerPolicy(ledger: Ledger) {
    const policy = this.rulebook.ledgers[ledger];
    if (!policy) throw new RulebookError('', `ledger "${ledger}" is not one of rulebook "${this.rulebook.id}"'s`);
    return policy;
  }

  private balance(ledger: Ledger) {
    const balance = this.balances[ledger];
    if (!balance) throw new RulebookError('', `ledger "${ledger}" is not one of rulebook "${this.rulebook.id}"'s`);
    return balance;
  }

  strikeCount(ledger: Ledger, counting: 'ever' | 'year'): number {
    return this.strikeCounts.get(counting === 'ever' ? ledger : `${ledger}@${this.year}`) ?? 0;
  }

  judge({ violation, atMs: committedMs, recordedMs: atMs, rule, version, path }: Entry): void {
    // From here on `atMs` is the recording instant: the version was already chosen by `committedMs`.
    const offset = this.rulebook.utcOffsetMinutes;
    const facts = violation.facts ?? {};
    this.advanceToYear(platformYear(atMs, offset));
    const definition = rule.definition;
    const countingKey = definition.counting === 'ever' ? definition.id : `${definition.id}@${this.year}`;
    const occurrence = (this.occurrences.get(countingKey) ?? 0) + 1;
    this.occurrences.set(countingKey, occurrence);
    const judgement = judge(
      version,
      facts,
      occurrence,
      (tag) => this.tagCounts.get(`${countingKey}|${tag}`) ?? 0,
      `${path}.facts`,
    );
    for (const tag of judgement.tags) {
      const key = `${countingKey}|${tag}`;
      this.tagCounts.set(key, (this.tagCounts.get(key) ?? 0) + 1);
    }

    const { points, uncappedPoints } = this.applyCap(judgement.case.cap, judgement.points, atMs);
    const finding: Finding = {
      id: violation.id,
      ledger: judgement.ledger,
      points,
      outcome: judgement.case.outcome === 'points' && points === 0 ? 'correction' : judgement.case.outcome,
      rule: definition.id,
      at: formatInstant(committedMs, offset),
      ...(violation.recordedAt === undefined ? {} : { recordedAt: formatInstant(atMs, offset) }),
      year: this.year,
      ruleVersion: version.effectiveFrom,
      occurrence,
      measures: [...judgement.measures],
      tags: judgement.tags,
      basis: judgement.case.basis,
      crossedNodes: [],
      nodeOutcome: 'none',
    };
    if (uncappedPoints !== undefined) finding.uncappedPoints = uncappedPoints;
    this.findings.push(finding);

    this.charge(finding, version, atMs);
    if (judgement.case.strike) this.strike(finding, atMs);

    // Punishments the finding starts by itself: its case's own (Xianyu) and sealing measures the reviewer chose.
    const own = judgement.case.punishment;
    if (own && (own.whileLedgerBelow === undefined || this.balance(finding.ledger).total < own.whileLedgerBelow)) {
      this.punishments.addFindingPunishment(
        findingPunishment(finding, own.measures, atMs, punishmentDays(own, violation)),
      );
    }
    const sealingChosen = finding.measures.filter(
      (m) => this.compiled.sealingMeasures.has(m) && !(own?.measures ?? []).includes(m),
    );
    if (sealingChosen.length > 0) {
      this.punishments.addFindingPunishment(findingPunishment(finding, sealingChosen, atMs, null));
    }

    const demotion = version.demotion;
    if (demotion) {
      const items = unique(factStrings(facts, demotion.itemsFact));
      const day = localDayNumber(atMs, offset);
      for (const item of items) this.windows.push(demotionWindow(item, day, demotion.days, violation.id));
      if (items.length > 0 && !finding.measures.includes(demotion.measure)) finding.measures.push(demotion.measure);
    }
  }

  /**
   * "每件扣2分(3天內不超過12分)": at most `cap.points` from the group in any window. The window
   * does not reach back into the previous platform year: those points are already cleared, and
   * counting them would let a reversal in December raise the charge in January.
   */
  private applyCap(
    cap: { group: string; points: number; withinDays: number } | undefined,
    asked: number,
    atMs: number,
  ): { points: number; uncappedPoints?: number } {
    if (!cap) return { points: asked };
    const key = `${cap.group}@${this.year}`;
    const charged = this.capCharges.get(key) ?? [];
    const windowStart = atMs - cap.withinDays * MS_PER_DAY;
    const already = charged.reduce((sum, c) => (c.atMs > windowStart ? sum + c.points : sum), 0);
    const points = Math.min(asked, Math.max(0, cap.points - already));
    charged.push({ atMs, points });
    this.capCharges.set(key, charged);
    return points < asked ? { points, uncappedPoints: asked } : { points };
  }

  /** Charges the finding's ledger and executes the heaviest node it reaches (or lets it be absorbed). */
  private charge(finding: Finding, version: RuleVersion, atMs: number): void {
    const ledger = finding.ledger;
    const scale = this.ledgerPolicy(ledger).nodes;
    const balance = this.balance(ledger);
    const before = balance.total;
    balance.total = before + finding.points;
    const pending = this.pendingNodeMeasures.get(ledger) ?? [];
    if (finding.points > 0 && version.nodeMeasures) pending.push(...version.nodeMeasures);
    this.pendingNodeMeasures.set(ledger, pending);
    finding.crossedNodes = crossedNodes(scale, before, before + finding.points);
    const hit = heaviestCrossed(scale, finding.crossedNodes);
    if (!hit) return;
    const result = this.punishments.executeHeaviest({
      ledger,
      node: hit.node,
      measures: unique([...hit.measures, ...pending]),
      fromMs: atMs,
      untilMs: hit.days === null ? null : addDays(atMs, hit.days),
      trigger: 'node',
      finding: finding.id,
      weight: hit.weight,
    });
    finding.nodeOutcome = result.executed ? 'executed' : 'absorbed';
    if (result.executed) {
      this.pendingNodeMeasures.set(ledger, []);
      if (result.dropped) this.markAbsorbed(result.dropped);
    }
  }

  /** "賣家每次出售假冒、盜版商品的行為記為一次...累計達三次的,則將被永久查封賬戶". */
  private strike(finding: Finding, atMs: number): void {
    const ledger = finding.ledger;
    const policy = this.ledgerPolicy(ledger).strikes;
    if (!policy) return;
    const key = policy.counting === 'ever' ? ledger : `${ledger}@${this.year}`;
    const count = (this.strikeCounts.get(key) ?? 0) + 1;
    this.strikeCounts.set(key, count);
    finding.strike = count;
    if (count !== policy.limit) return;
    const result = this.punishments.executeHeaviest({
      ledger,
      node: count,
      measures: [...policy.measures],
      fromMs: atMs,
      untilMs: null,
      trigger: 'strikes',
      finding: finding.id,
      weight: Number.POSITIVE_INFINITY,
    });
    if (result.executed && result.dropped) this.markAbsorbed(result.dropped);
  }

  /** A node replaced at the instant it started was never executed: say so on its finding. */
  private markAbsorbed(dropped: PunishmentRecord): void {
    if (dropped.trigger !== 'node') return;
    const finding = this.findings.find((f) => f.id === dropped.finding);
    if (finding) finding.nodeOutcome = 'absorbed';
  }
}

function punishmentDays(spec: FindingPunishment, violation: Violation): number | null {
  if (spec.days === null || typeof spec.days === 'number') return spec.days;
  const chosen = factNumber(violation.facts ?? {}, spec.days.fromFact);
  return chosen > 0 ? chosen : spec.days.default;
}

function findingPunishment(
  finding: Finding,
  measures: readonly string[],
  atMs: number,
  days: number | null,
): PunishmentRecord {
  return {
    ledger: finding.ledger,
    node: 0,
    measures: [...measures],
    fromMs: atMs,
    untilMs: days === null ? null : addDays(atMs, days),
    trigger: 'finding',
    finding: finding.id,
    weight: days === null ? Number.POSITIVE_INFINITY : 0,
  };
}
