import { randomBytes } from 'node:crypto';
import { bearer, DirectLineTokens } from '../../../src/server/directline/DirectLineTokens';

describe('Direct Line tokens', () => {
  let now = 1_000_000;
  const tokens = new DirectLineTokens(randomBytes(32), 1800, () => now);

  it('names the conversation it was issued for, until it expires', () => {
    const token = tokens.issue('conv-a');
    expect(tokens.verify(token)?.conversationId).toBe('conv-a');
    now += 1799_000;
    expect(tokens.verify(token)).toBeDefined();
    now += 2_000;
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token whose payload was changed to another conversation', () => {
    const token = tokens.issue('conv-a');
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ c: 'conv-b', e: now + 10_000 })).toString('base64url')}.${signature}`;
    expect(tokens.verify(forged)).toBeUndefined();
  });

  it('refuses tokens signed with another secret, garbage and empty values', () => {
    const other = new DirectLineTokens(randomBytes(32), 1800, () => now);
    expect(tokens.verify(other.issue('conv-a'))).toBeUndefined();
    for (const garbage of ['', 'local', 'a.b', 'a.b.c', '.'.repeat(600), undefined]) expect(tokens.verify(garbage)).toBeUndefined();
  });

  it('reads the bearer of an Authorization header', () => {
    expect(bearer('Bearer abc.def')).toBe('abc.def');
    expect(bearer('bearer   xyz')).toBe('xyz');
    expect(bearer('Basic abc')).toBeUndefined();
    expect(bearer(undefined)).toBeUndefined();
  });
});
