import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { call, signedIn, signIn } from './web/support';

// web-contract.md §2, on the real application.
describe('signing in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER, CCI]);
  }, 60_000);
  afterAll(async () => app.cleanup());

  it('answers 204 and an HttpOnly, SameSite=Strict session cookie for the whole site (not Secure over plain http)', async () => {
    const answer = await signIn(app.url, BUYER.login, BUYER.password);
    expect(answer.status).toBe(204);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ha30_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain(BUYER.login);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('says who is signed in, with the CSRF token, and 401 without a session', async () => {
    const { cookie } = await signedIn(app.url, CCI.login, CCI.password);
    const me = await call(`${app.url}/api/session`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ login: 'paul.cci', role: 'cci', name: 'Paul Martin', orgId: 'cci-gard', orgName: expect.stringContaining('CCI Gard'), home: '/admin', csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(me.text).not.toMatch(/scrypt|passwordHash/);
    const anonymous = await call(`${app.url}/api/session`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.message).toMatch(/Vous n’êtes pas connecté/);
  });

  it('gives the same French answer for a wrong password and an unknown login', async () => {
    const wrong = await signIn(app.url, BUYER.login, 'pas le bon mot de passe');
    const unknown = await signIn(app.url, 'personne.inconnue', 'pas le bon mot de passe');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toBe(unknown.text);
    expect(wrong.message).toBe('Identifiant ou mot de passe incorrect.');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a body without a login or a password with 400, in French', async () => {
    for (const body of ['{}', '{"login": "marie.dupont"}', '{"login": 3, "password": "x"}', '[]', 'null']) {
      const answer = await call(`${app.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(answer.status).toBe(400);
      expect(answer.message).toMatch(/Indiquez votre identifiant et votre mot de passe/);
    }
  });

  it('signs out: 204, the session is gone server-side even if the cookie is replayed', async () => {
    const { cookie, csrf } = await signedIn(app.url, BUYER.login, BUYER.password);
    const out = await call(`${app.url}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^ha30_session=; .*Max-Age=0/);
    expect((await call(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(401);
    expect((await call(`${app.url}/acheteurs`, { headers: { cookie } })).status).toBe(302);
    // Signing out with no session at all is not an error.
    expect((await call(`${app.url}/api/session`, { method: 'DELETE' })).status).toBe(204);
  });

  it('needs the CSRF token to sign out with a live session', async () => {
    const { cookie } = await signedIn(app.url, BUYER.login, BUYER.password);
    const refused = await call(`${app.url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/X-CSRF-Token/);
    expect((await call(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(200);
  });

  it('serves the French sign-in page with its script from a file (no inline script)', async () => {
    const page = await call(`${app.url}/connexion`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toMatch(/<label for="login">Identifiant<\/label>[\s\S]*<label for="password">Mot de passe<\/label>/);
    expect(page.text).toContain('Se connecter');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await call(`${app.url}/web/connexion.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await call(`${app.url}/web/espace.css`)).status).toBe(200);
  });
});

describe('the session cookie behind https', () => {
  it('is Secure when PUBLIC_HOSTNAME is set, or when a trusted local proxy says the request came over https', async () => {
    const publicApp = await startTestApp({ PUBLIC_HOSTNAME: 'ha30.example.fr' });
    try {
      await addAccounts(publicApp.config.dataDir, [BUYER]);
      expect((await signIn(publicApp.url, BUYER.login, BUYER.password)).headers.get('set-cookie')).toMatch(/; Secure$/);
    } finally {
      await publicApp.cleanup();
    }
    const proxied = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      await addAccounts(proxied.config.dataDir, [BUYER]);
      expect((await signIn(proxied.url, BUYER.login, BUYER.password, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/; Secure$/);
      expect((await signIn(proxied.url, BUYER.login, BUYER.password)).headers.get('set-cookie')).not.toMatch(/Secure/);
    } finally {
      await proxied.cleanup();
    }
  }, 60_000);
});
