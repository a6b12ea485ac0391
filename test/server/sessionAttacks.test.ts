import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';
import { signedInUser } from '../../src/server/web';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI, OTHER_BUYER } from '../accounts/support';
import { call, sessionCookieOf, signedIn, signIn } from './web/support';

const json = { 'content-type': 'application/json' };

// Attacks on sign-in and sessions (web-contract.md §2), replayed against the real application. The
// app trusts X-Forwarded-For from loopback (TRUST_PROXY), so that each test can be its own client.
describe('attacks on sign-in and sessions', () => {
  let app: TestApp;
  let session: string;
  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: 'true' });
    await addAccounts(app.config.dataDir, [BUYER, CCI, OTHER_BUYER]);
    app.server.post('/api/knowledge/probe', async (req: Request, res: Response) => {
      res.send(200, { reached: true, login: signedInUser(req)?.login });
    });
    session = `${app.url}/api/session`;
  }, 60_000);
  afterAll(async () => app.cleanup());

  const from = (client: string) => ({ 'x-forwarded-for': client });

  it('refuses forged cookies: random ids, garbage, an id of the right shape, a huge value', async () => {
    for (const value of [randomBytes(32).toString('base64url'), 'admin', 'eyJyb2xlIjoiY2NpIn0', '', 'x'.repeat(6000), `${randomBytes(32).toString('base64url')}; role=cci`]) {
      const cookie = `ha30_session=${value}`;
      expect((await call(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(401);
      const api = await call(`${app.url}/api/insights/gaps`, { headers: { cookie } });
      expect(api.status).toBe(401);
      expect(api.headers.get('set-cookie')).toMatch(/^ha30_session=; .*Max-Age=0/);
      expect((await call(`${app.url}/admin`, { headers: { cookie } })).status).toBe(302);
    }
  });

  it('gives a fresh id at sign-in, whatever id the browser came with (session fixation)', async () => {
    const planted = randomBytes(32).toString('base64url');
    const answer = await signIn(app.url, BUYER.login, BUYER.password, { cookie: `ha30_session=${planted}`, ...from('198.51.100.10') });
    expect(answer.status).toBe(204);
    const issued = sessionCookieOf(answer)!;
    expect(issued).not.toBe(`ha30_session=${planted}`);
    expect((await call(`${app.url}/api/session`, { headers: { cookie: `ha30_session=${planted}` } })).status).toBe(401);
    // An attacker's own live session planted in the victim's browser: the victim's sign-in replaces
    // it by a new id, and the planted one is ended (the attacker cannot ride on the victim's).
    const attacker = await signedIn(app.url, OTHER_BUYER.login, OTHER_BUYER.password);
    const victim = await signIn(app.url, BUYER.login, BUYER.password, { cookie: attacker.cookie, 'x-csrf-token': attacker.csrf });
    expect(victim.status).toBe(204);
    expect(sessionCookieOf(victim)).not.toBe(attacker.cookie);
    expect((await call(`${app.url}/api/session`, { headers: { cookie: attacker.cookie } })).status).toBe(401);
    const me = await call(`${app.url}/api/session`, { headers: { cookie: sessionCookieOf(victim)! } });
    expect(me.json?.login).toBe(BUYER.login);
  });

  it('refuses a write whose CSRF token is missing, from another session, or sent from another site', async () => {
    const cci = await signedIn(app.url, CCI.login, CCI.password);
    const buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    const write = (headers: Record<string, string>) => call(`${app.url}/api/knowledge/probe`, { method: 'POST', headers: { cookie: cci.cookie, ...json, ...headers }, body: '{}' });
    expect((await write({})).status).toBe(403);
    expect((await write({ 'x-csrf-token': buyer.csrf })).status).toBe(403);
    expect((await write({ 'x-csrf-token': `${cci.csrf.slice(0, -1)}A` === cci.csrf ? `${cci.csrf.slice(0, -1)}B` : `${cci.csrf.slice(0, -1)}A` })).status).toBe(403);
    expect((await write({ 'x-csrf-token': cci.csrf, origin: 'https://evil.example' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': cci.csrf, origin: 'null' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': cci.csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const allowed = await write({ 'x-csrf-token': cci.csrf, origin: app.url, 'sec-fetch-site': 'same-origin' });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toMatchObject({ reached: true, login: CCI.login });
    // Signing out someone from another site fails the same way.
    expect((await call(session, { method: 'DELETE', headers: { cookie: buyer.cookie, 'x-csrf-token': buyer.csrf, origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call(`${app.url}/api/session`, { headers: { cookie: buyer.cookie } })).status).toBe(200);
  });

  it('stops password guessing on one login with 429, Retry-After and a French message, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(app.url, OTHER_BUYER.login, `essai numéro ${i} raté`, from(`203.0.113.${i + 1}`))).status).toBe(401);
    const blocked = await signIn(app.url, OTHER_BUYER.login, OTHER_BUYER.password, from('203.0.113.50'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.message).toMatch(/^Trop de tentatives de connexion : réessayez dans 1[45] minutes\.$/);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // Another login is not blocked.
    expect((await signIn(app.url, BUYER.login, BUYER.password, from('203.0.113.50'))).status).toBe(204);
  }, 60_000);

  it('stops one client guessing across logins (unknown logins counted the same) with 429', async () => {
    const client = from('192.0.2.77');
    for (let i = 0; i < 10; i++) expect((await signIn(app.url, `devine${i}`, 'mot de passe au hasard', client)).status).toBe(401);
    const blocked = await signIn(app.url, CCI.login, CCI.password, client);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await signIn(app.url, CCI.login, CCI.password, from('192.0.2.78'))).status).toBe(204);
  }, 60_000);

  it('refuses oversized, deeply nested, compressed-bomb, broken-gzip and non-JSON sign-in bodies, and keeps serving', async () => {
    const post = (body: Buffer | string, headers: Record<string, string> = {}) => call(session, { method: 'POST', headers: { ...json, ...headers }, body });
    const big = await post(JSON.stringify({ login: BUYER.login, password: 'x'.repeat(10_000) }));
    expect(big.status).toBe(413);
    expect(big.message).toMatch(/trop volumineuse/);
    const deep = await post(`{"login": "a", "password": "b", "x": ${'['.repeat(50)}${']'.repeat(50)}}`);
    expect(deep.status).toBe(400);
    expect(deep.message).toMatch(/trop imbriqué/);
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"login":"a","password":"'), Buffer.alloc(16 * 1024 * 1024, 0x61), Buffer.from('"}')]), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await post(bomb, { 'content-encoding': 'gzip' })).status).toBe(413);
    expect((await post('not gzip', { 'content-encoding': 'gzip' })).status).toBe(400);
    const form = new FormData();
    form.append('login', BUYER.login);
    form.append('password', BUYER.password);
    expect((await call(session, { method: 'POST', body: form })).status).toBe(415);
    expect((await call(session, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `login=${BUYER.login}&password=x` })).status).toBe(415);
    expect((await call(`${app.url}/healthz`)).status).toBe(200);
    expect((await signIn(app.url, BUYER.login, BUYER.password, from('198.51.100.200'))).status).toBe(204);
  }, 60_000);

  it('never redirects to another site: the way back to a page is always a path of this one', async () => {
    for (const route of ['//admin', '/acheteurs//evil.example', '/acheteurs\\\\evil.example', '/acheteurs?x=https://evil.example']) {
      const answer = await call(`${app.url}${route}`);
      expect(answer.status).toBe(302);
      const location = answer.headers.get('location')!;
      expect(location.startsWith('/connexion?retour=%2F')).toBe(true);
      const back = new URL(location, app.url).searchParams.get('retour')!;
      expect(back).toMatch(/^\/(?![/\\])/);
      expect(new URL(back, app.url).origin).toBe(new URL(app.url).origin);
    }
    // Encoded slashes in a guarded zone are not redirected at all (test/server/guardSpellings.test.ts).
    expect((await call(`${app.url}/%61dmin/%2F%2Fevil.example`)).status).toBe(400);
  });
});
