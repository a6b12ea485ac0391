import type { Request, Response } from 'restify';
import { signedInUser } from '../../src/server/web';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { type Browser, signedIn } from './web/support';
import { rawRequest } from './web/rawRequest';

type Who = 'anonymous' | 'buyer' | 'cci';

/** Every guarded prefix (web-contract §3–4), each with a route taking a parameter, as later routes will. */
const PREFIXES = ['/acheteurs', '/admin', '/api/insights', '/api/knowledge'];

// The guard reads the path decoded and normalised; restify's router matches the raw one (%2F stays
// inside a parameter, the Host header is part of the URL it parses). Wherever the two could read a
// request differently, it must be refused before any route runs — never reach a guarded route.
describe('the access guard and the router read the same path', () => {
  let app: TestApp;
  const browsers: Partial<Record<Who, Browser>> = {};
  const reached: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER, CCI]);
    const probe = async (req: Request, res: Response) => {
      reached.push(`${req.method} ${req.getRoute()?.path} as ${signedInUser(req)?.role ?? 'nobody'}`);
      res.send(200, { reached: true });
    };
    for (const prefix of PREFIXES) {
      for (const route of [`${prefix}/probe`, `${prefix}/probe/:id`, `${prefix}/probe/:id/flag`]) {
        app.server.get(route, probe);
        app.server.post(route, probe);
      }
    }
    browsers.buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    browsers.cci = await signedIn(app.url, CCI.login, CCI.password);
  }, 60_000);
  afterAll(async () => app.cleanup());
  beforeEach(() => {
    reached.length = 0;
  });

  const send = (who: Who, method: string, target: string, headers: Record<string, string> = {}) => {
    const browser = browsers[who];
    return rawRequest(app.url, method, target, { ...(browser ? { cookie: browser.cookie, 'x-csrf-token': browser.csrf } : {}), ...headers });
  };

  it('refuses with 400 an id whose encoded slashes and dots climb out of any guarded prefix', async () => {
    for (const prefix of PREFIXES) {
      for (const who of ['anonymous', 'buyer', 'cci'] as const) {
        for (const [method, target] of [
          ['POST', `${prefix}/probe/..%2F..%2F..%2Fconnexion/flag`],
          ['GET', `${prefix}/probe/..%2f..%2f..%2fhealthz`],
          ['GET', `${prefix}/probe/%2e%2e%2F%2e%2e%2F%2e%2e%2Fx`],
          ['GET', `${prefix}/probe/..%5C..%5C..%5Cx`],
        ] as const) {
          const answer = await send(who, method, target);
          expect([who, target, answer.status]).toEqual([who, target, 400]);
          expect(answer.body).toMatch(/Adresse invalide/);
        }
      }
    }
    expect(reached).toEqual([]);
  });

  it('never lets a buyer into a CCI route through a path that normalises into the buyers’ zone', async () => {
    for (const target of ['/api/knowledge/probe/..%2F..%2F..%2Fapi%2Finsights%2Fgaps', '/admin/probe/..%2F..%2Facheteurs', '/api/knowledge/probe/..%2F..%2F..%2Facheteurs/flag']) {
      expect([target, (await send('buyer', 'GET', target)).status]).toEqual([target, 400]);
    }
    expect(reached).toEqual([]);
  });

  it('refuses the flag route reached through ..%2F..%2Fadmin before the route runs (400, not the route’s own 401)', async () => {
    const answer = await send('buyer', 'POST', '/api/insights/tenders/..%2F..%2Fadmin/flag');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/Adresse invalide/);
  });

  it('refuses a Host header or an absolute target that would move the path the router reads', async () => {
    const port = new URL(app.url).port;
    for (const prefix of PREFIXES) {
      for (const who of ['anonymous', 'buyer'] as const) {
        for (const [target, headers] of [
          ['/probe', { host: `127.0.0.1:${port}${prefix}` }],
          ['/probe/x', { host: `evil.example${prefix}` }],
          [`http://127.0.0.1:${port}${prefix}/probe`, {}],
          [`${prefix}/probe`, { host: 'a@127.0.0.1' }],
        ] as const) {
          const answer = await send(who, 'GET', target, headers);
          expect([who, target, headers, answer.status]).toEqual([who, target, headers, 400]);
        }
      }
    }
    expect(reached).toEqual([]);
  });

  it('still serves plain spellings to whoever may have them', async () => {
    expect((await send('cci', 'GET', '/api/knowledge/probe/fichier-1')).status).toBe(200);
    expect((await send('buyer', 'POST', '/api/insights/probe/x/flag')).status).toBe(200);
    expect((await send('buyer', 'GET', '/api/insights/probe/caf%C3%A9')).status).toBe(200);
    expect((await send('anonymous', 'GET', '/healthz', { host: `localhost:${new URL(app.url).port}` })).status).toBe(200);
    expect((await send('anonymous', 'GET', '/healthz', { host: '[::1]:3978' })).status).toBe(200);
    expect(reached).toEqual(['GET /api/knowledge/probe/:id as cci', 'POST /api/insights/probe/:id/flag as buyer', 'GET /api/insights/probe/:id as buyer']);
  });
});
