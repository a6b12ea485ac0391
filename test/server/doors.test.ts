import type { Request, Response } from 'restify';
import { signedInUser } from '../../src/server/web';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { type Answer, type Browser, call, signedIn } from './web/support';

type Who = 'anonymous' | 'buyer' | 'cci';

/** The routes web-contract.md §3–4 names, which the dashboard and administration helpers will fill. */
const CONTRACT_APIS = [
  '/api/insights/gaps',
  '/api/insights/gaps?from=2026-11-01&to=2026-11-30',
  '/api/insights/gaps.csv',
  '/api/insights/rejections',
  '/api/insights/rejections.csv',
  '/api/insights/testimonies',
  '/api/insights/testimonies.csv',
  '/api/insights/digest.pdf?month=2026-11',
  '/api/knowledge/files',
];

// Who gets through which door (web-contract.md §3–4), on the real application. Probe routes are
// added under each API prefix, as the other parts of issue 10 will add theirs, to see what reaches them.
describe('doors of the buyers’ dashboard and the CCI administration', () => {
  let app: TestApp;
  const browsers: Partial<Record<Who, Browser>> = {};
  let sme: DirectLineClient;

  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER, CCI]);
    const probe = async (req: Request, res: Response) => {
      const user = signedInUser(req);
      res.send(200, { reached: true, login: user?.login, role: user?.role });
    };
    for (const prefix of ['/api/insights/probe', '/api/knowledge/probe']) {
      app.server.get(prefix, probe);
      app.server.post(prefix, probe);
      app.server.put(prefix, probe);
      app.server.del(prefix, probe);
    }
    browsers.buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    browsers.cci = await signedIn(app.url, CCI.login, CCI.password);
    sme = await DirectLineClient.start(app.url);
  }, 60_000);
  afterAll(async () => app.cleanup());

  const as = (who: Who, route: string, init: RequestInit & { csrf?: boolean } = {}): Promise<Answer> => {
    const browser = browsers[who];
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (browser) headers.cookie = browser.cookie;
    if (browser && init.csrf) headers['x-csrf-token'] = browser.csrf;
    return call(`${app.url}${route}`, { ...init, headers });
  };

  const reached = (answer: Answer, who: Who) => {
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ reached: true, role: who });
  };

  it('sends anonymous visitors of the pages to /connexion (302), asking to come back', async () => {
    for (const [route, back] of [
      ['/acheteurs', '/acheteurs'],
      ['/admin', '/admin'],
      ['/admin?onglet=faq', '/admin?onglet=faq'],
      ['//admin', '/admin'],
      ['/acheteurs/../admin', '/admin'],
    ]) {
      const answer = await as('anonymous', route!);
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe(`/connexion?retour=${encodeURIComponent(back!)}`);
    }
  });

  it('answers 401 in JSON (never a redirect) to anonymous calls of every API the contract names', async () => {
    for (const route of [...CONTRACT_APIS, '/api/insights/probe', '/api/knowledge/probe']) {
      const answer = await as('anonymous', route);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/json/);
      expect(answer.message).toMatch(/Connexion requise/);
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await as('anonymous', '/api/knowledge/probe', { method })).status).toBe(401);
      expect((await as('anonymous', '/api/insights/probe', { method })).status).toBe(401);
    }
  });

  it('lets a buyer into the dashboard and its APIs, not into /admin (403 page in French) nor the knowledge APIs', async () => {
    const dashboard = await as('buyer', '/acheteurs');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toMatch(/Tableau de bord des acheteurs/);
    reached(await as('buyer', '/api/insights/probe'), 'buyer');
    reached(await as('buyer', '/api/insights/probe', { method: 'POST', csrf: true }), 'buyer');
    const admin = await as('buyer', '/admin');
    expect(admin.status).toBe(403);
    expect(admin.headers.get('content-type')).toMatch(/^text\/html/);
    expect(admin.text).toMatch(/Accès refusé[\s\S]*réservée au personnel de la CCI/);
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const answer = await as('buyer', '/api/knowledge/probe', { method, csrf: true });
      expect(answer.status).toBe(403);
      expect(answer.message).toMatch(/réservé au personnel de la CCI/);
    }
    expect((await as('buyer', '/api/knowledge/files')).status).toBe(403);
  });

  it('lets CCI staff everywhere a buyer goes, and into /admin and the knowledge APIs', async () => {
    expect((await as('cci', '/acheteurs')).status).toBe(200);
    expect((await as('cci', '/admin')).status).toBe(200);
    reached(await as('cci', '/api/insights/probe'), 'cci');
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) reached(await as('cci', '/api/knowledge/probe', { method, csrf: true }), 'cci');
  });

  it('refuses every write without the CSRF token (403), for buyers and CCI alike', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const cci = await as('cci', '/api/knowledge/probe', { method });
      expect(cci.status).toBe(403);
      expect(cci.message).toMatch(/X-CSRF-Token/);
      expect((await as('buyer', '/api/insights/probe', { method })).status).toBe(403);
    }
  });

  it('never lets an SME in: its Direct Line token counts for nothing, as a bearer or as a cookie', async () => {
    const token = sme.token;
    expect((await sme.say('bonjour')).status).toBe(200);
    for (const headers of [{ authorization: `Bearer ${token}` }, { cookie: `ha30_session=${token}` }, { authorization: 'Bearer local' }, { 'x-csrf-token': token }]) {
      for (const route of [...CONTRACT_APIS, '/api/insights/probe', '/api/knowledge/probe']) expect((await call(`${app.url}${route}`, { headers })).status).toBe(401);
      for (const route of ['/acheteurs', '/admin']) expect((await call(`${app.url}${route}`, { headers, redirect: 'manual' })).status).toBe(302);
    }
  });

  it('keeps the doors shut whatever spelling of the path is tried', async () => {
    for (const route of ['/%61dmin', '/ADMIN', '//admin', '/acheteurs/../admin', '/admin/', '/admin;x', '/api/%6bnowledge/probe', '/api/knowledge//probe', '/api/KNOWLEDGE/probe', '/api/insights/../knowledge/probe', '/api\\knowledge/probe']) {
      const answer = await as('buyer', route);
      expect(answer.status).toBe(403);
    }
    for (const route of ['/api//insights/gaps', '/API/INSIGHTS/GAPS', '/api/insights%2Fgaps', '/%2e%2e/api/insights/gaps']) expect((await as('anonymous', route)).status).toBe(401);
  });
});
