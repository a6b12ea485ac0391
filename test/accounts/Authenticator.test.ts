import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AccountStore, Authenticator, LoginThrottle, SessionStore } from '../../src/accounts';
import { BUYER, ORGANISATIONS } from './support';

describe('authenticator', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-auth-'));
  let store: AccountStore;
  let auth: Authenticator;
  beforeAll(async () => {
    store = AccountStore.open(dir);
    await store.add(BUYER, ORGANISATIONS);
  });
  beforeEach(() => {
    auth = new Authenticator(store, new SessionStore(), new LoginThrottle());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs in with the right password, in any letter case of the login', async () => {
    const outcome = await auth.signIn('  Marie.DUPONT ', BUYER.password, 'client');
    expect(outcome.kind).toBe('signedIn');
    if (outcome.kind !== 'signedIn') return;
    expect(auth.current(outcome.id)?.account.login).toBe('marie.dupont');
  });

  it('refuses a wrong password and an unknown login alike, each after a full scrypt', async () => {
    // Interleaved, so that the machine's load weighs on both alike: without the dummy hash, an
    // unknown login would answer in well under a millisecond against ~100 ms or more.
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      let start = performance.now();
      expect(await auth.signIn(BUYER.login, `faux mot de passe ${i}`, `a${i}`)).toEqual({ kind: 'refused' });
      wrong.push(performance.now() - start);
      start = performance.now();
      expect(await auth.signIn(`personne${i}`, `faux mot de passe ${i}`, `b${i}`)).toEqual({ kind: 'refused' });
      unknown.push(performance.now() - start);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
    expect(median(wrong)).toBeGreaterThan(median(unknown) * 0.4);
  });

  it('refuses a password with extra characters past the longest accepted', async () => {
    expect((await auth.signIn(BUYER.login, `${BUYER.password}${'x'.repeat(300)}`, 'c')).kind).toBe('refused');
  });

  it('ends the sessions of an account whose password changed or that was removed', async () => {
    const outcome = await auth.signIn(BUYER.login, BUYER.password, 'client');
    if (outcome.kind !== 'signedIn') throw new Error('sign-in refused');
    const cli = AccountStore.open(dir);
    await cli.setPassword(BUYER.login, 'encore un autre mot de passe');
    expect(auth.current(outcome.id)).toBeUndefined();
    const again = await auth.signIn(BUYER.login, 'encore un autre mot de passe', 'client');
    if (again.kind !== 'signedIn') throw new Error('sign-in refused');
    await cli.remove(BUYER.login);
    expect(auth.current(again.id)).toBeUndefined();
    await cli.add(BUYER, ORGANISATIONS);
  });

  it('answers 429-worthy outcomes before checking the password, even the right one', async () => {
    for (let i = 0; i < 5; i++) await auth.signIn(BUYER.login, 'pas le bon mot de passe', 'attacker');
    const outcome = await auth.signIn(BUYER.login, BUYER.password, 'owner');
    expect(outcome).toEqual({ kind: 'throttled', retryAfterSeconds: expect.any(Number) });
    expect((outcome as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
  });
});
