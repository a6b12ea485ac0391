import { hashPassword, verifyPassword } from '../../src/accounts';
import { parseHash, SCRYPT_COST } from '../../src/accounts/passwordHash';

describe('password hashing', () => {
  it('uses memory-hard scrypt parameters, written into a PHC string with a salt of its own', async () => {
    const first = await hashPassword('un chemin de halage en hiver');
    const second = await hashPassword('un chemin de halage en hiver');
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(parseHash(first)!.salt.equals(parseHash(second)!.salt)).toBe(false);
    // 128 · N · r bytes: 32 MiB per hash.
    expect(128 * 2 ** SCRYPT_COST.log2N * SCRYPT_COST.r).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(first).not.toContain('halage');
  });

  it('accepts the right password only', async () => {
    const stored = await hashPassword('la garrigue sent le thym');
    await expect(verifyPassword('la garrigue sent le thym', stored)).resolves.toBe(true);
    await expect(verifyPassword('la garrigue sent le thym ', stored)).resolves.toBe(false);
    await expect(verifyPassword('La garrigue sent le thym', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('treats a composed and a decomposed « é » as the same password', async () => {
    const stored = await hashPassword('été caniculaire à Nîmes');
    await expect(verifyPassword('e\u0301te\u0301 caniculaire a\u0300 Ni\u0302mes', stored)).resolves.toBe(true);
  });

  it('matches nothing with a malformed or tampered hash, and never allocates what a tampered cost asks', async () => {
    const stored = await hashPassword('la garrigue sent le thym');
    for (const bad of ['', 'plain text', stored.replace('ln=15', 'ln=30'), stored.replace('p=3', 'p=99'), stored.replace('$scrypt$', '$argon2id$'), stored.slice(0, -10)]) {
      await expect(verifyPassword('la garrigue sent le thym', bad)).resolves.toBe(false);
    }
  });
});
