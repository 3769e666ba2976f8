import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A marketplace stand-in for the outbox tests: a real HTTP server on loopback that checks each
 * delivery the way docs/OUTBOX.md tells integrators to (written from that text, not from the
 * desk's signing code), misbehaves on request, de-duplicates by idempotency key, and records the
 * order in which each subject's messages first arrived.
 */

/** What the receiver does with a request that passed the signature check. */
export type Behaviour = 'ok' | 'fail' | 'timeout';

export interface Arrival {
  key: string;
  sequence: number;
  type: string;
  subjectId: string;
  attempt: number;
  body: Record<string, unknown>;
}

/** A request exactly as it came in, for replay tests. */
export interface RawRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ReceiverOptions {
  /** The endpoint's secret; settable later (it is known once the endpoint is registered). */
  secret?: string;
  /** Seconds a signature stays acceptable. */
  toleranceSeconds?: number;
  /** Per request: answer 200, answer 500, or accept it and never answer (the desk times out). */
  behaviour?: (request: { key: string; attempt: number; subjectId: string; sequence: number }) => Behaviour;
  /** The receiver's clock, for replay tests. */
  now?: () => Date;
  /** Called for each verified request before it is answered (e.g. to kill the desk mid-delivery). */
  onRequest?: (arrival: Arrival) => void;
}

export interface WebhookReceiver {
  url: string;
  options: ReceiverOptions;
  /** Unique messages in order of first arrival. */
  messages: Arrival[];
  /** Every verified request, duplicates included. */
  requests: Arrival[];
  raw: RawRequest[];
  rejected: { reason: string }[];
  duplicates(): number;
  /** Sequences of a subject's messages in order of first arrival. */
  orderOf(subjectId: string): number[];
  /** Resolves once `predicate` holds (checked on every arrival and every 20 ms). */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Replays a captured request against this receiver; returns the HTTP status. */
  replay(request: RawRequest): Promise<number>;
  close(): Promise<void>;
}

function verify(
  secret: string,
  header: string | undefined,
  body: string,
  now: Date,
  toleranceSeconds: number,
): string | null {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || typeof parts.v1 !== 'string' || !/^[0-9a-f]{64}$/.test(parts.v1)) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return 'stale';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? null : 'bad signature';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebhookReceiver(options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const messages: Arrival[] = [];
  const requests: Arrival[] = [];
  const raw: RawRequest[] = [];
  const rejected: { reason: string }[] = [];
  const seen = new Set<string>();
  const held = new Set<ServerResponse>();
  const waiters = new Set<() => void>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const now = options.now?.() ?? new Date();
    const reason = options.secret
      ? verify(
          options.secret,
          req.headers['verdict-signature'] as string | undefined,
          body,
          now,
          options.toleranceSeconds ?? 300,
        )
      : 'no secret configured';
    if (reason) {
      rejected.push({ reason });
      res.writeHead(reason === 'stale' ? 400 : 401).end(reason);
      return;
    }
    raw.push({ headers: req.headers, body });
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const arrival: Arrival = {
      key: String(parsed.id),
      sequence: Number(parsed.sequence),
      type: String(parsed.type),
      subjectId: String((parsed.subject as { id: string }).id),
      attempt: Number(req.headers['verdict-attempt']),
      body: parsed,
    };
    options.onRequest?.(arrival);
    const behaviour = options.behaviour?.(arrival) ?? 'ok';
    if (behaviour === 'fail') {
      res.writeHead(500).end('try again');
      return;
    }
    // Processed either way; a timed-out one is the classic source of duplicates.
    requests.push(arrival);
    if (!seen.has(arrival.key)) {
      seen.add(arrival.key);
      messages.push(arrival);
    }
    for (const wake of waiters) wake();
    if (behaviour === 'timeout') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    res.writeHead(204).end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => res.writeHead(400).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/verdict`;

  return {
    url,
    options,
    messages,
    requests,
    raw,
    rejected,
    duplicates: () => requests.length - messages.length,
    orderOf: (subjectId) => messages.filter((m) => m.subjectId === subjectId).map((m) => m.sequence),
    waitFor: (predicate, timeoutMs = 15_000, what = 'the receiver') =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          cleanup();
          resolve();
        };
        const interval = setInterval(check, 20);
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${what} (${messages.length} messages, ${requests.length} requests)`));
        }, timeoutMs);
        const cleanup = () => {
          clearInterval(interval);
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    replay: async (request) => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>;
      const res = await fetch(url, { method: 'POST', headers, body: request.body });
      await res.body?.cancel();
      return res.status;
    },
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
