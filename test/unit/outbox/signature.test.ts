import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateEndpointSecret, signatureHeader, verifySignature } from '../../../server/outbox/signature';

describe('webhook signatures', () => {
  const secret = generateEndpointSecret();
  const body = '{"id":"measure.started:ab","sequence":1}';
  const at = new Date('2026-03-02T02:00:00Z');

  it('signs "<t>.<body>" with HMAC-SHA256 under the endpoint secret', () => {
    const header = signatureHeader(secret, body, at);
    const t = at.getTime() / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
    expect(verifySignature(secret, header, body, at)).toBe('ok');
  });

  it('refuses another secret, an altered body, an old timestamp and a garbled header', () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignature(generateEndpointSecret(), header, body, at)).toBe('mismatch');
    expect(verifySignature(secret, header, body.replace('1', '2'), at)).toBe('mismatch');
    expect(verifySignature(secret, header, body, new Date(at.getTime() + 301_000))).toBe('stale');
    expect(verifySignature(secret, header, body, new Date(at.getTime() + 299_000))).toBe('ok');
    expect(verifySignature(secret, 'v1=abc', body, at)).toBe('malformed');
  });

  it('generates distinct secrets of 256 bits', () => {
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(generateEndpointSecret()).not.toBe(secret);
  });
});
