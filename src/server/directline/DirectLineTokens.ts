import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  conversationId: string;
  /** Expiry, in ms since the epoch. */
  expiresAt: number;
}

/**
 * Direct Line tokens signed with HMAC-SHA256: `<payload>.<signature>`, both base64url. A token names
 * one conversation and expires; nothing is stored, so a forged, altered or expired token is refused
 * by computation alone.
 */
export class DirectLineTokens {
  constructor(
    private readonly secret: Buffer,
    readonly lifetimeSeconds = 1800,
    private readonly now: () => number = Date.now,
  ) {}

  issue(conversationId: string): string {
    const payload = Buffer.from(JSON.stringify({ c: conversationId, e: this.now() + this.lifetimeSeconds * 1000 })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  verify(token: string | undefined): TokenClaims | undefined {
    if (!token || token.length > 512) return undefined;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: { c?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c?: unknown; e?: unknown };
    } catch {
      return undefined;
    }
    if (typeof claims.c !== 'string' || typeof claims.e !== 'number' || claims.e <= this.now()) return undefined;
    return { conversationId: claims.c, expiresAt: claims.e };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/** The bearer token of an Authorization header, if any. */
export function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return match?.[1];
}
