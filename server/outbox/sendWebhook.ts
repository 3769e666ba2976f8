import { SIGNATURE_HEADER, signatureHeader } from './signature';

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The exact bytes that are signed and sent. */
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborted when the server shuts down: the attempt is given back, not failed. */
  shutdown: AbortSignal;
}

export type WebhookOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'failed'; status: number | null; error: string }
  | { kind: 'interrupted' };

/**
 * One signed POST. Only a 2xx answer counts as delivered; redirects are not followed (a
 * receiver that moved is re-registered by an admin, not chased). The signature's timestamp is
 * wall-clock time whatever clock the desk runs on: it is checked against the receiver's clock.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookOutcome> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const res = await fetch(request.url, {
      method: 'POST',
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, request.shutdown]),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Verdict-Outbox/1',
        ...request.headers,
        [SIGNATURE_HEADER]: signatureHeader(request.secret, request.body, new Date()),
      },
    });
    // The answer's body is not read: an endpoint cannot make the desk buffer anything.
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { kind: 'delivered', status: res.status };
    return { kind: 'failed', status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    if (request.shutdown.aborted) return { kind: 'interrupted' };
    if (timeout.aborted) return { kind: 'failed', status: null, error: `no answer within ${request.timeoutMs} ms` };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return {
      kind: 'failed',
      status: null,
      error: String(cause?.code ?? cause?.message ?? (err as Error).message).slice(0, 200),
    };
  }
}
