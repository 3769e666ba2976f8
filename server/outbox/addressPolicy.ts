import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may go (docs/SECURITY.md "Outbound webhooks (SSRF)"). An admin's URL must not
 * turn the desk into a proxy into its own network: loopback, private, link-local (cloud metadata
 * at 169.254.169.254), unique-local, CGNAT, multicast, unspecified and the other special-purpose
 * ranges are refused, when the endpoint is saved and again, after DNS, when it is called.
 * `DESK_OUTBOX_ALLOW_HOSTS` lets an operator name an internal receiver (host names or CIDRs).
 */
export interface OutboxAddressPolicy {
  /** Lower-case host names allowed whatever they resolve to. */
  allowedNames: ReadonlySet<string>;
  /** Addresses allowed although they fall in a blocked range. */
  allowedAddresses: BlockList;
}

// The IANA special-purpose registries, as far as a public receiver can never be there. IPv4-mapped
// IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList itself.
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network", with the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local: cloud metadata services live here
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, with the broadcast address
];
const BLOCKED_V6: [string, number][] = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ['64:ff9b::', 96], // NAT64: would reach an IPv4 address through a translator
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');

/** Names that only ever mean "this machine" or "this site's network", whatever DNS says. */
function isInternalName(name: string): boolean {
  if (!name.includes('.')) return true; // single-label intranet names, `localhost`
  return ['localhost', 'internal', 'local', 'localdomain', 'home.arpa', 'intranet', 'lan'].some(
    (suffix) => name === suffix || name.endsWith(`.${suffix}`),
  );
}

const bare = (hostname: string) =>
  hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** Parses `DESK_OUTBOX_ALLOW_HOSTS`: `receiver.corp.example, 10.20.0.0/16, 127.0.0.1`. */
export function parseAllowHosts(raw: string | undefined): OutboxAddressPolicy {
  const allowedNames = new Set<string>();
  const allowedAddresses = new BlockList();
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefixText] = entry.split('/', 2) as [string, string | undefined];
    const family = isIP(bare(address));
    if (family === 0) {
      if (prefixText !== undefined || !/^[a-z0-9.-]+$/i.test(entry))
        throw new Error(`DESK_OUTBOX_ALLOW_HOSTS: "${entry}" is neither a host name nor an address or CIDR`);
      allowedNames.add(bare(entry));
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`DESK_OUTBOX_ALLOW_HOSTS: "${entry}" has a bad prefix length`);
    allowedAddresses.addSubnet(bare(address), prefix, type);
  }
  return { allowedNames, allowedAddresses };
}

/** No exceptions: what the desk does without `DESK_OUTBOX_ALLOW_HOSTS`. */
export const STRICT_ADDRESS_POLICY: OutboxAddressPolicy = parseAllowHosts(undefined);

/** Whether the desk may connect to this IP address (any spelling `net.isIP` accepts). */
export function isAddressPermitted(policy: OutboxAddressPolicy, address: string): boolean {
  const ip = bare(address);
  const type = isIP(ip) === 4 ? 'ipv4' : 'ipv6';
  return policy.allowedAddresses.check(ip, type) || !blocked.check(ip, type);
}

export type UrlRefusal = 'webhook_url_credentials' | 'webhook_url_internal_host' | 'webhook_url_blocked_address';

/**
 * The check when an endpoint is saved. The URL is read the way the delivery will read it (WHATWG
 * URL: `2130706433`, `0x7f.1` and `017700000001` all become 127.0.0.1), so odd spellings of an
 * address are caught as that address. Names are not resolved here — DNS can change — but
 * resolved again, and checked, on every delivery (guardedLookup).
 */
export function refuseWebhookUrl(policy: OutboxAddressPolicy, raw: string): UrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'webhook_url_blocked_address';
  }
  if (url.username || url.password) return 'webhook_url_credentials';
  const host = bare(url.hostname);
  if (policy.allowedNames.has(host)) return null;
  if (isIP(host)) return isAddressPermitted(policy, host) ? null : 'webhook_url_blocked_address';
  return isInternalName(host) ? 'webhook_url_internal_host' : null;
}

/** The error a delivery fails with when its host is (or resolves to) a refused address. */
export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
  constructor() {
    super('the webhook host is a refused address');
  }
}

/**
 * A `lookup` for http.request: resolves the name, refuses it if any address it resolves to is
 * refused, and hands the socket exactly the addresses it checked — so there is no window between
 * the check and the connection for DNS to answer differently (DNS rebinding).
 */
export function guardedLookup(policy: OutboxAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const trusted = policy.allowedNames.has(bare(hostname));
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!trusted && (addresses.length === 0 || addresses.some((a) => !isAddressPermitted(policy, a.address))))
        return callback(new BlockedAddressError(), '', 0);
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The check before connecting to a URL whose host is an IP literal (no lookup happens then). A
 * name passes here: guardedLookup checks what it resolves to.
 */
export function isLiteralHostPermitted(policy: OutboxAddressPolicy, url: URL): boolean {
  const host = bare(url.hostname);
  return policy.allowedNames.has(host) || !isIP(host) || isAddressPermitted(policy, host);
}
