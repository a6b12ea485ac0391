import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters: N = 2^15, r = 8, p = 3 — one of OWASP's equivalent minimums (32 MiB of memory
 * per hash, so a GPU or ASIC attacker pays for memory, not only for cycles). They are written into
 * each hash, so raising them later leaves the existing hashes verifiable.
 */
export const SCRYPT_COST = { log2N: 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds of what a stored hash may ask for: a tampered file must not make us allocate gigabytes. */
const LIMITS = { log2N: [10, 20], r: [1, 32], p: [1, 16] } as const;

interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // Node refuses by default anything above 32 MiB; the exact need is 128·N·r plus a little.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's pool: a sign-in does not stall the bot's other requests.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `$scrypt$ln=15,r=8,p=3$<salt>$<key>` (PHC string format, base64 without padding), a fresh salt each time. */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `$scrypt$ln=${cost.log2N},r=${cost.r},p=${cost.p}$${salt.toString('base64').replace(/=+$/, '')}$${key.toString('base64').replace(/=+$/, '')}`;
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,88})\$([A-Za-z0-9+/]{16,88})$/;

function within(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function parseHash(stored: string): ParsedHash | undefined {
  const match = FORMAT.exec(stored);
  if (!match) return undefined;
  const cost = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (!within(cost.log2N, LIMITS.log2N) || !within(cost.r, LIMITS.r) || !within(cost.p, LIMITS.p)) return undefined;
  return { cost, salt: Buffer.from(match[4]!, 'base64'), key: Buffer.from(match[5]!, 'base64') };
}

export function isValidHash(stored: string): boolean {
  return parseHash(stored) !== undefined;
}

/** Whether `password` is the one `stored` was made from; a malformed hash matches nothing. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
