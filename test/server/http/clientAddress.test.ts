import type { IncomingMessage } from 'node:http';
import { clientKey, isLocalRequest } from '../../../src/server/http/clientAddress';

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe('client address', () => {
  it('counts an IPv6 client by its /64, an IPv4 client by its address', () => {
    expect(clientKey(request('2001:db8:1:2:aaaa::1'), false)).toBe(clientKey(request('2001:db8:1:2:bbbb::9'), false));
    expect(clientKey(request('2001:db8:1:3::1'), false)).not.toBe(clientKey(request('2001:db8:1:2::1'), false));
    expect(clientKey(request('::ffff:203.0.113.7'), false)).toBe('203.0.113.7');
  });

  it('reads X-Forwarded-For only from a trusted proxy on an internal address', () => {
    const relayed = { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' };
    expect(clientKey(request('127.0.0.1', relayed), true)).toBe('203.0.113.7');
    expect(clientKey(request('127.0.0.1', relayed), false)).toBe('127.0.0.1');
    expect(clientKey(request('198.51.100.9', relayed), true)).toBe('198.51.100.9');
  });

  it('calls local only a loopback request that no proxy relayed', () => {
    expect(isLocalRequest(request('127.0.0.1'))).toBe(true);
    expect(isLocalRequest(request('::1'))).toBe(true);
    expect(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }))).toBe(false);
    expect(isLocalRequest(request('10.0.0.2'))).toBe(false);
  });
});
