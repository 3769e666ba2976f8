import { describe, expect, it } from 'vitest';
import {
  BlockedAddressError,
  guardedLookup,
  isAddressPermitted,
  parseAllowHosts,
  refuseWebhookUrl,
  STRICT_ADDRESS_POLICY,
} from '../../../server/outbox/addressPolicy';
import { deliveryErrorOf } from '../../../server/outbox/sendWebhook';

describe('where webhooks may point', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'webhook_url_blocked_address'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'webhook_url_internal_host'],
    ['http://10.0.0.5/hook', 'webhook_url_blocked_address'],
    ['http://[::1]:22/', 'webhook_url_blocked_address'],
    ['http://2130706433/', 'webhook_url_blocked_address'],
    ['http://0x7f.0.0.1/', 'webhook_url_blocked_address'],
    ['http://017700000001/', 'webhook_url_blocked_address'],
    ['http://127.1:8080/', 'webhook_url_blocked_address'],
    ['http://[::ffff:127.0.0.1]/', 'webhook_url_blocked_address'],
    ['http://[::ffff:a9fe:a9fe]/', 'webhook_url_blocked_address'],
    ['http://[fd12:3456::1]/', 'webhook_url_blocked_address'],
    ['http://[fe80::1]/', 'webhook_url_blocked_address'],
    ['http://100.64.1.1/', 'webhook_url_blocked_address'],
    ['http://224.0.0.1/', 'webhook_url_blocked_address'],
    ['http://0.0.0.0:3000/', 'webhook_url_blocked_address'],
    ['http://[::]/', 'webhook_url_blocked_address'],
    ['http://172.20.1.1/', 'webhook_url_blocked_address'],
    ['http://192.168.1.1/', 'webhook_url_blocked_address'],
    ['http://localhost:3000/', 'webhook_url_internal_host'],
    ['http://api.localhost/', 'webhook_url_internal_host'],
    ['http://intranet/hook', 'webhook_url_internal_host'],
    ['https://user:secret@hooks.example.com/', 'webhook_url_credentials'],
    ['https://token@hooks.example.com/', 'webhook_url_credentials'],
  ])('refuses %s', (url, reason) => {
    expect(refuseWebhookUrl(STRICT_ADDRESS_POLICY, url)).toBe(reason);
  });

  it.each(['https://hooks.example.com/verdict', 'http://93.184.215.14:8443/x', 'http://[2606:4700::1111]/'])(
    'accepts the public %s',
    (url) => {
      expect(refuseWebhookUrl(STRICT_ADDRESS_POLICY, url)).toBeNull();
    },
  );

  it('lets an operator allow an internal receiver by name or by CIDR, and nothing beyond it', () => {
    const policy = parseAllowHosts('receiver.internal, 10.20.0.0/16, 127.0.0.1, fd00::/8');
    expect(refuseWebhookUrl(policy, 'http://receiver.internal:8080/hook')).toBeNull();
    expect(refuseWebhookUrl(policy, 'http://10.20.3.4/hook')).toBeNull();
    expect(refuseWebhookUrl(policy, 'http://127.0.0.1:9000/hook')).toBeNull();
    expect(refuseWebhookUrl(policy, 'http://[fd00::5]/hook')).toBeNull();
    expect(refuseWebhookUrl(policy, 'http://10.21.0.1/hook')).toBe('webhook_url_blocked_address');
    expect(refuseWebhookUrl(policy, 'http://127.0.0.2/hook')).toBe('webhook_url_blocked_address');
    expect(refuseWebhookUrl(policy, 'http://other.internal/hook')).toBe('webhook_url_internal_host');
    expect(isAddressPermitted(policy, '::ffff:127.0.0.1')).toBe(true);
    expect(() => parseAllowHosts('10.0.0.0/40')).toThrow(/prefix/);
    expect(() => parseAllowHosts('bad host!')).toThrow(/DESK_OUTBOX_ALLOW_HOSTS/);
  });

  it('refuses a name that resolves to a blocked address at connection time, unless allowed', async () => {
    const resolve = (policy = STRICT_ADDRESS_POLICY) =>
      new Promise<unknown>((done) =>
        guardedLookup(policy)('localhost', { all: true }, (err, addresses) => done(err ?? addresses)),
      );
    expect(await resolve()).toBeInstanceOf(BlockedAddressError);
    expect(await resolve(parseAllowHosts('localhost'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]),
    );
  });

  it('shows admins a closed set of delivery errors, never the socket message', () => {
    const err = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:22`), { code });
    expect(deliveryErrorOf(err('ECONNREFUSED'))).toBe('refused');
    expect(deliveryErrorOf(err('ECONNRESET'))).toBe('refused');
    expect(deliveryErrorOf(err('ENOTFOUND'))).toBe('dns');
    expect(deliveryErrorOf(err('EAI_AGAIN'))).toBe('dns');
    expect(deliveryErrorOf(err('CERT_HAS_EXPIRED'))).toBe('tls');
    expect(deliveryErrorOf(err('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls');
    expect(deliveryErrorOf(err('ETIMEDOUT'))).toBe('timeout');
    expect(deliveryErrorOf(new BlockedAddressError())).toBe('blocked_address');
  });
});
