import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockedAddressError, guardedLookup, isLiteralHostPermitted, type OutboxAddressPolicy } from './addressPolicy';
import { SIGNATURE_HEADER, signatureHeader } from './signature';

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The exact bytes that are signed and sent. */
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Which addresses may be connected to (checked after DNS, on the address actually used). */
  addresses: OutboxAddressPolicy;
  /** Aborted when the server shuts down: the attempt is given back, not failed. */
  shutdown: AbortSignal;
}

/**
 * Why an attempt failed, as admins see it: a small closed set, never the socket's own message
 * (which would tell an admin which ports of which hosts are open). `http_status <n>` for an answer
 * other than 2xx.
 */
export type DeliveryError = 'timeout' | 'refused' | 'dns' | 'tls' | 'blocked_address' | `http_status ${number}`;

export type WebhookOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'failed'; status: number | null; error: DeliveryError }
  | { kind: 'interrupted' };

/** Maps a socket, DNS or TLS error to the closed set; anything else is a failed connection. */
export function deliveryErrorOf(err: unknown): DeliveryError {
  if (err instanceof BlockedAddressError) return 'blocked_address';
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === 'ENOTFOUND' || code === 'ENODATA' || code.startsWith('EAI_')) return 'dns';
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code)) return 'tls';
  if (code === 'ETIMEDOUT') return 'timeout';
  return 'refused';
}

/**
 * One signed POST. Only a 2xx answer counts as delivered; redirects are not followed (a
 * receiver that moved is re-registered by an admin, not chased). The host is checked against the
 * address policy: an IP literal before connecting, a name on the addresses DNS gives, which are
 * then the ones connected to. The signature's timestamp is wall-clock time whatever clock the
 * desk runs on: it is checked against the receiver's clock.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookOutcome> {
  const url = new URL(request.url);
  if (!isLiteralHostPermitted(request.addresses, url))
    return { kind: 'failed', status: null, error: 'blocked_address' };
  if (request.shutdown.aborted) return { kind: 'interrupted' };
  const sent = await post(url, request);
  if ('status' in sent) {
    if (sent.status >= 200 && sent.status < 300) return { kind: 'delivered', status: sent.status };
    return { kind: 'failed', status: sent.status, error: `http_status ${sent.status}` };
  }
  if (sent.stopped === 'error') return { kind: 'failed', status: null, error: deliveryErrorOf(sent.error) };
  if (sent.stopped === 'shutdown') return { kind: 'interrupted' };
  return { kind: 'failed', status: null, error: 'timeout' };
}

type Sent = { status: number } | { stopped: 'timeout' | 'shutdown' } | { stopped: 'error'; error: unknown };

/**
 * The request itself. Its time limit and the shutdown are a timer and a listener held here until
 * the request settles (not composed signals, which the runtime may collect before they fire).
 */
function post(url: URL, request: WebhookRequest): Promise<Sent> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = Buffer.from(request.body, 'utf8');
  return new Promise<Sent>((resolve) => {
    let stopped: 'timeout' | 'shutdown' | null = null;
    const req = send(url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(request.addresses),
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'user-agent': 'Verdict-Outbox/1',
        ...request.headers,
        [SIGNATURE_HEADER]: signatureHeader(request.secret, request.body, new Date()),
      },
    });
    const stop = (why: 'timeout' | 'shutdown') => {
      stopped ??= why;
      req.destroy();
    };
    const timer = setTimeout(() => stop('timeout'), request.timeoutMs);
    const onShutdown = () => stop('shutdown');
    request.shutdown.addEventListener('abort', onShutdown, { once: true });
    const settle = (sent: Sent) => {
      clearTimeout(timer);
      request.shutdown.removeEventListener('abort', onShutdown);
      resolve(stopped ? { stopped } : sent);
    };
    req.once('error', (error) => settle({ stopped: 'error', error }));
    req.once('close', () => settle({ stopped: 'error', error: new Error('closed') }));
    req.once('response', (res) => {
      // The answer's body is not read: an endpoint cannot make the desk buffer anything.
      res.destroy();
      settle({ status: res.statusCode ?? 0 });
    });
    req.end(body);
  });
}
