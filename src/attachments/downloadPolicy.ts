import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface Endpoint {
  address: string;
  port: number;
}

/**
 * Which servers a file download may contact. Production has two: `{ allowLoopback: false }` with a
 * Microsoft App ID, `{ allowLoopback: true }` in the anonymous local mode.
 */
export interface DownloadPolicy {
  /**
   * Loopback (127.0.0.0/8, ::1), over plain http too, but only on the Bot Connector attachment route
   * the Emulator serves (`/v3/attachments/…`). Only the anonymous local mode sets it, and never for a
   * Teams `downloadUrl`. (The local Direct Line hands its uploads to the bot in memory: no fetch.)
   */
  readonly allowLoopback: boolean;
  /** Test seam: endpoints treated as public servers (plain http accepted). Never set in production. */
  readonly exemptEndpoints?: readonly Endpoint[];
  /** Test seam: how host names resolve (default: the system resolver, every address). */
  readonly resolve?: Resolve;
}

export const systemResolve: Resolve = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** The Emulator's attachment route, the only one a loopback download may reach (after URL normalisation). */
const LOCAL_ATTACHMENT_PATH = /^\/v3\/attachments\/[^/]/;

/** Global unicast IPv6 (2000::/3): anything else is special-purpose or unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

export type AddressKind = 'public' | 'loopback' | 'special';

/**
 * What an address is, IPv4-mapped IPv6 (::ffff:127.0.0.1) read as the IPv4 it carries. Everything
 * ipaddr.js does not call plain `unicast` is special: private, link-local (169.254.169.254, the
 * cloud metadata service), CGNAT, 0.0.0.0/8, multicast, broadcast, reserved, NAT64, 6to4, Teredo…
 */
export function addressKind(address: string): AddressKind {
  if (!ipaddr.isValid(address)) return 'special';
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'loopback') return 'loopback';
  if (range !== 'unicast') return 'special';
  if (ip.kind() === 'ipv6' && !(ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return 'special';
  return 'public';
}

/** The host of a URL as an IP literal (brackets of IPv6 removed), or undefined for a host name. */
export function ipLiteral(url: URL): string | undefined {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) ? host : undefined;
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function sameAddress(a: string, b: string): boolean {
  return ipaddr.isValid(a) && ipaddr.isValid(b) && ipaddr.process(a).toString() === ipaddr.process(b).toString();
}

/**
 * Why this URL may not be fetched at this address, or undefined when it may. Every hop of a download
 * (the first URL and each redirect) is checked, on every address its host resolves to.
 */
export function refusal(url: URL, address: string, policy: DownloadPolicy): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  const port = portOf(url);
  if (policy.exemptEndpoints?.some((endpoint) => endpoint.port === port && sameAddress(endpoint.address, address))) return undefined;
  switch (addressKind(address)) {
    case 'public':
      return url.protocol === 'https:' ? undefined : 'plain http';
    case 'loopback':
      if (!policy.allowLoopback) return 'loopback';
      return LOCAL_ATTACHMENT_PATH.test(url.pathname) ? undefined : 'loopback path';
    case 'special':
      return 'special address';
  }
}
