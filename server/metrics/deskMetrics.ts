import { Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/database';
import { dsaSubmissionsRepo } from '../db/repositories/dsaSubmissions.repo';
import { operationsRepo } from '../db/repositories/operations.repo';

/** Latency buckets in seconds: tRPC calls are mostly milliseconds; exports and dashboards take longer. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A webhook is delivered within a second when the receiver is up, hours later after back-off. */
const DELIVERY_BUCKETS = [0.1, 0.5, 1, 2, 5, 15, 60, 300, 1800, 3600, 21_600, 86_400];

/** Label for cases no routing rule placed: they wait in "new" for a triager. */
export const NO_QUEUE = '(none)';

/**
 * The desk's Prometheus metrics (`GET /metrics`), one registry per server. Business figures
 * (cases, claims, decisions, appeals, outbox, audit length) are read from the database at
 * scrape time, so two instances on one database report the same totals; what only a process
 * sees (request latency, its own webhook deliveries, its audit monitor's last check) is
 * recorded here as it happens.
 */
export function createDeskMetrics() {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });

  const openCases = gauge('verdict_open_cases', 'Open cases by queue and status', ['queue', 'status']);
  const slaBreached = gauge('verdict_sla_breached_cases', 'Open cases past their SLA deadline, by queue', ['queue']);
  const claims = gauge('verdict_claims_total', 'Cases claimed since the desk began (from the audit trail)');
  const decisions = gauge(
    'verdict_decisions',
    'Decisions by outcome (kind) and current status (a decision moves between statuses)',
    ['outcome', 'status'],
  );
  const appeals = gauge(
    'verdict_appeals',
    'Appeals by outcome: approved, rejected, expired, or still open (pending_member, under_review)',
    ['outcome'],
  );
  const outboxPending = gauge('verdict_outbox_pending', 'Webhook deliveries waiting to be sent or retried');
  const outboxDead = gauge('verdict_outbox_dead', 'Webhook deliveries dead-lettered, waiting for "retry now"');
  const dsaSubmissions = gauge(
    'verdict_dsa_submissions',
    'Statements of reasons for the DSA Transparency Database by status (pending, submitted, duplicate, failed)',
    ['status'],
  );
  const auditLength = gauge('verdict_audit_chain_length', 'Events in the audit hash chain (its last sequence number)');
  const auditVerifiedAt = gauge(
    'verdict_audit_last_verification_timestamp_seconds',
    "When this instance's audit monitor last verified the chain (Unix time; absent before the first run)",
  );
  const auditVerifiedOk = gauge(
    'verdict_audit_last_verification_ok',
    '1 if the last verification found the chain and business tables intact, 0 if not',
  );
  const httpDuration = new Histogram({
    name: 'verdict_http_request_duration_seconds',
    help: 'HTTP latency of tRPC calls by procedure (a batch counts towards each procedure in it)',
    labelNames: ['procedure', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const deliveryLatency = new Histogram({
    name: 'verdict_outbox_delivery_latency_seconds',
    help: 'From an outbox message written to its webhook delivered, for deliveries this instance made',
    buckets: DELIVERY_BUCKETS,
    registers: [registry],
  });

  let refreshing: Promise<void> | null = null;
  const refresh = async (db: Db, now: Date) => {
    const [open, breached, claimCount, decisionRows, appealRows, outboxRows, length, dsa] = await Promise.all([
      operationsRepo.openCases(db),
      operationsRepo.slaBreached(db, now.toISOString()),
      operationsRepo.claims(db),
      operationsRepo.decisions(db),
      operationsRepo.appeals(db),
      operationsRepo.outbox(db),
      operationsRepo.auditLength(db),
      dsaSubmissionsRepo.countsByStatus(db),
    ]);
    // Reset first: a queue emptied since the last scrape must read 0 or vanish, not keep its old value.
    openCases.reset();
    for (const r of open) openCases.set({ queue: r.queue ?? NO_QUEUE, status: r.status }, Number(r.n));
    slaBreached.reset();
    for (const r of breached) slaBreached.set({ queue: r.queue ?? NO_QUEUE }, Number(r.n));
    claims.set(claimCount);
    decisions.reset();
    for (const r of decisionRows) decisions.set({ outcome: r.kind, status: r.status }, Number(r.n));
    appeals.reset();
    for (const r of appealRows) appeals.set({ outcome: r.status }, Number(r.n));
    const outbox = new Map(outboxRows.map((r) => [r.status, Number(r.n)]));
    outboxPending.set(outbox.get('pending') ?? 0);
    outboxDead.set(outbox.get('dead') ?? 0);
    auditLength.set(length);
    for (const [status, n] of Object.entries(dsa)) dsaSubmissions.set({ status }, n);
  };

  return {
    registry,
    /** Reads the database figures and renders every metric in Prometheus's text format. */
    async scrape(db: Db, now: Date): Promise<string> {
      // Scrapes that arrive together share one round of queries.
      refreshing ??= refresh(db, now).finally(() => {
        refreshing = null;
      });
      await refreshing;
      return registry.metrics();
    },
    observeRequest(procedures: readonly string[], status: number, seconds: number) {
      for (const procedure of new Set(procedures)) httpDuration.observe({ procedure, status: String(status) }, seconds);
    },
    observeDelivery(seconds: number) {
      deliveryLatency.observe(Math.max(0, seconds));
    },
    auditVerified(ok: boolean, at: Date) {
      auditVerifiedAt.set(at.getTime() / 1000);
      auditVerifiedOk.set(ok ? 1 : 0);
    },
  };
}

export type DeskMetrics = ReturnType<typeof createDeskMetrics>;
