import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI, OTHER_BUYER } from '../accounts/support';
import { type Answer, type Browser, call, signedIn } from './web/support';

// The example tenders of knowledge/tenders are open on this day (their deadlines are in 2027).
freezeDate('2026-12-02T10:00:00Z');

type Who = 'anonymous' | 'buyer' | 'other' | 'cci';

const JSON_ROUTES = ['/api/insights/gaps', '/api/insights/rejections', '/api/insights/satisfaction', '/api/insights/testimonies', '/api/insights/tenders', '/api/insights/events'];
const CSV_ROUTES = ['/api/insights/gaps.csv', '/api/insights/rejections.csv', '/api/insights/satisfaction.csv', '/api/insights/testimonies.csv', '/api/insights/tenders.csv'];

/** Nîmes Métropole's example tender published on 18 November: old enough for a signal. */
const NIMES_TENDER = 'example:nimes-metropole-nettoyage-locaux';

// The dashboard's routes (web-contract §3) on the real application, for each kind of visitor.
describe('buyers’ dashboard routes × roles', () => {
  let app: TestApp;
  const browsers: Partial<Record<Who, Browser>> = {};

  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER, CCI, OTHER_BUYER]);
    browsers.buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    browsers.other = await signedIn(app.url, OTHER_BUYER.login, OTHER_BUYER.password);
    browsers.cci = await signedIn(app.url, CCI.login, CCI.password);
  }, 60_000);
  afterAll(async () => app.cleanup());

  const as = (who: Who, route: string, init: RequestInit & { csrf?: boolean } = {}): Promise<Answer> => {
    const browser = browsers[who];
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (browser) headers.cookie = browser.cookie;
    if (browser && init.csrf) headers['x-csrf-token'] = browser.csrf;
    return call(`${app.url}${route}`, { ...init, headers });
  };

  const raw = async (who: Who, route: string): Promise<Buffer> => Buffer.from(await (await fetch(`${app.url}${route}`, { headers: { cookie: browsers[who]!.cookie } })).arrayBuffer());

  it('sends an anonymous visitor of /acheteurs to /connexion, and answers every API 401 in JSON', async () => {
    const page = await as('anonymous', '/acheteurs');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/connexion?retour=%2Facheteurs');
    for (const route of [...JSON_ROUTES, ...CSV_ROUTES, '/api/insights/digest.pdf?month=2026-11', `/api/insights/tenders/${encodeURIComponent(NIMES_TENDER)}/flag`]) {
      const answer = await as('anonymous', route);
      expect([route, answer.status]).toEqual([route, 401]);
      expect(answer.headers.get('content-type')).toMatch(/json/);
      expect(answer.message).toMatch(/Connexion requise/);
    }
    for (const method of ['POST', 'DELETE']) expect((await as('anonymous', `/api/insights/tenders/${encodeURIComponent(NIMES_TENDER)}/flag`, { method })).status).toBe(401);
  });

  it('serves the dashboard page and every JSON route to a buyer and to the CCI', async () => {
    for (const who of ['buyer', 'cci'] as const) {
      const page = await as(who, '/acheteurs');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('<title>Tableau de bord des acheteurs — club HA30</title>');
      // Where a buyer flags a tender, the page says who will hear of it.
      expect(page.text).toMatch(/signalez l'un de vos marchés « peu ou pas de réponses locales », l'assistant envoie aussitôt un message aux PME abonnées à ses alertes dont le profil correspond/);
      // Scripts from files only (the CSP refuses inline script), chart.js from this server.
      expect(page.text).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page.text).toContain('<script src="/vendor/chart.js/chart.umd.min.js"></script>');
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      for (const route of JSON_ROUTES) {
        const answer = await as(who, route);
        expect([who, route, answer.status]).toEqual([who, route, 200]);
        expect(answer.headers.get('cache-control')).toBe('no-store');
      }
    }
    const chart = await call(`${app.url}/vendor/chart.js/chart.umd.min.js`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toMatch(/javascript/);
    expect(chart.text).toMatch(/Chart\.js v4\./);
    expect((await call(`${app.url}/web/dashboard/dashboard.js`)).status).toBe(200);
    expect((await call(`${app.url}/web/dashboard/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('downloads every CSV as an attachment in UTF-8 with a BOM and « ; » between cells', async () => {
    for (const route of CSV_ROUTES) {
      const answer = await as('buyer', `${route}?from=2026-11-01&to=2026-12-31`);
      expect([route, answer.status]).toEqual([route, 200]);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="ha30-[a-z-]+(_2026-11-01_2026-12-31)?\.csv"$/);
      // fetch's text() drops a BOM: read the bytes.
      const bytes = await raw('buyer', route);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(answer.text.split('\r\n')[0]).toContain(';');
    }
    const testimonies = await raw('cci', '/api/insights/testimonies.csv');
    expect(testimonies.toString('utf8')).toBe('\uFEFFMois;Métier;Taille de l\'entreprise;Témoignage\r\n');
  });

  it('refuses a bad period with the French reason, as JSON and as CSV', async () => {
    for (const [query, reason] of [
      ['from=2026-02-30', /Date de début invalide/],
      ['from=hier', /Date de début invalide/],
      ['to=2026-13-01', /Date de fin invalide/],
      ['from=2026-12-01&to=2026-11-01', /Période inversée/],
      ['from=2026-11-01&from=2026-11-02', /Date de début invalide/],
    ] as const) {
      for (const route of ['/api/insights/gaps', '/api/insights/rejections.csv', '/api/insights/satisfaction', '/api/insights/testimonies']) {
        const answer = await as('buyer', `${route}?${query}`);
        expect([route, query, answer.status]).toEqual([route, query, 400]);
        expect(answer.message).toMatch(reason);
      }
    }
  });

  it('refuses a bad digest month in French: 400 when malformed or absent, 422 before the month has begun', async () => {
    for (const query of ['', '?month=', '?month=2026-13', '?month=2026-1', '?month=novembre', '?month=2026-11-01']) {
      const answer = await as('buyer', `/api/insights/digest.pdf${query}`);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.message).toMatch(/Mois (manquant|invalide) : indiquez month=AAAA-MM/);
    }
    const ahead = await as('cci', '/api/insights/digest.pdf?month=2027-01');
    expect(ahead.status).toBe(422);
    expect(ahead.message).toMatch(/Le mois 2027-01 n’a pas encore commencé/);
  });

  it('sends the club digest of a month as a PDF to a buyer and to the CCI', async () => {
    for (const who of ['buyer', 'cci'] as const) {
      const response = await fetch(`${app.url}/api/insights/digest.pdf?month=2026-11`, { headers: { cookie: browsers[who]!.cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="ha30-bulletin-2026-11.pdf"');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    }
  }, 30_000);

  it('shows a buyer the interest in their own organisation’s tenders, the CCI every club member’s', async () => {
    for (const userKey of ['sme-1', 'sme-2', 'sme-3', 'sme-4']) await app.tenderInterest.record({ tenderId: NIMES_TENDER, kind: 'SEEN', userKey });
    const mine = (await as('buyer', '/api/insights/tenders')).json as { scope: string; rows: { tenderId: string; organisationId: string; signal: string; seen: { value: number }; mayFlag: boolean }[] };
    expect(mine.scope).toBe('organisation');
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(new Set(mine.rows.map((row) => row.organisationId))).toEqual(new Set([BUYER.orgId]));
    expect(mine.rows.find((row) => row.tenderId === NIMES_TENDER)).toMatchObject({ signal: 'NO_LOCAL_INTEREST', seen: { value: 4, text: '4' }, signalLabel: 'Aucune PME locale intéressée', mayFlag: true, flagged: false, example: true });
    const club = (await as('cci', '/api/insights/tenders')).json as typeof mine;
    expect(club.scope).toBe('club');
    expect(new Set(club.rows.map((row) => row.organisationId)).size).toBeGreaterThan(5);
    expect(club.rows.every((row) => row.mayFlag)).toBe(true);
    const other = (await as('other', '/api/insights/tenders')).json as typeof mine;
    expect(other.rows.some((row) => row.tenderId === NIMES_TENDER)).toBe(false);
  });

  it('lets the tender’s own buyer or the CCI flag it, with the CSRF token; nobody else', async () => {
    const route = `/api/insights/tenders/${encodeURIComponent(NIMES_TENDER)}/flag`;
    const noToken = await as('buyer', route, { method: 'POST' });
    expect(noToken.status).toBe(403);
    expect(noToken.message).toMatch(/X-CSRF-Token/);
    const crossSite = await as('buyer', route, { method: 'POST', csrf: true, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const otherBuyer = await as('other', route, { method: 'POST', csrf: true });
    expect(otherBuyer.status).toBe(403);
    expect(otherBuyer.message).toMatch(/Seul un acheteur de l’organisation qui a publié ce marché/);
    expect((await as('buyer', `/api/insights/tenders/${encodeURIComponent('example:nexiste-pas')}/flag`, { method: 'POST', csrf: true })).status).toBe(404);

    const flagged = await as('buyer', route, { method: 'POST', csrf: true });
    expect(flagged.status).toBe(200);
    expect(flagged.json).toEqual({ tenderId: NIMES_TENDER, flagged: true });
    const row = () => as('cci', '/api/insights/tenders').then((answer) => (answer.json as { rows: { tenderId: string }[] }).rows.find((entry) => entry.tenderId === NIMES_TENDER));
    expect(await row()).toMatchObject({ flagged: true, flags: [{ organisationId: BUYER.orgId }] });
    expect((await app.tenderInterest.flags()).filter((flag) => flag.tenderId === NIMES_TENDER)).toHaveLength(1);
    // The CCI acts on the organisation's behalf: the same flag, not a second one.
    expect((await as('cci', route, { method: 'POST', csrf: true })).status).toBe(200);
    expect((await app.tenderInterest.flags()).filter((flag) => flag.tenderId === NIMES_TENDER)).toHaveLength(1);
    expect((await as('other', route, { method: 'DELETE', csrf: true })).status).toBe(403);
    const removed = await as('cci', route, { method: 'DELETE', csrf: true });
    expect(removed.json).toEqual({ tenderId: NIMES_TENDER, flagged: false });
    expect(await row()).toMatchObject({ flagged: false, flags: [] });
  });

  it('lists the club’s upcoming events from knowledge/events.json', async () => {
    const answer = await as('buyer', '/api/insights/events');
    const events = (answer.json as { events: { id: string; title: string; when: string }[] }).events;
    expect(events.map((event) => event.id)).toContain('ha30-reunion-club');
    expect(events.find((event) => event.id === 'ha30-reunion-club')).toMatchObject({ title: 'Réunion du club HA30 (acheteurs du Gard)', when: expect.stringContaining('demandez le calendrier') });
  });
});
