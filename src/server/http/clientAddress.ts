import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';

/**
 * The key per-client limits count by: the peer address, IPv6 reduced to its /64 (one subscriber
 * holds a whole /64, so single addresses would be free to rotate). Behind a reverse proxy on this
 * host (`trustProxy`), the address the proxy appended last to X-Forwarded-For — only when the
 * connection really comes from loopback or a private network, never taken from a stranger.
 */
export function clientKey(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  let address = peer;
  if (trustProxy && isInternal(peer)) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((part) => part.trim()).filter(Boolean).pop();
    if (forwarded && ipaddr.isValid(forwarded)) address = forwarded;
  }
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(':')}::/64`;
}

/** Loopback or a private network: where a local reverse proxy (or the Emulator) connects from. */
export function isInternal(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === 'loopback' || range === 'private' || range === 'uniqueLocal';
}

/** A request made on this machine, not relayed by a proxy for someone else. */
export function isLocalRequest(req: IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? '';
  return ipaddr.isValid(peer) && ipaddr.process(peer).range() === 'loopback' && !req.headers['x-forwarded-for'] && !req.headers.forwarded;
}
