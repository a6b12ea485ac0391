import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI, OTHER_BUYER } from '../accounts/support';
import { purchase } from '../proposals/support';
import { snapshot } from '../knowledge/editor/support';
import { type Answer, type Browser, call, signedIn } from './web/support';

freezeDate('2026-12-02T10:00:00Z');

type Who = 'anonymous' | 'buyer' | 'other' | 'cci';

/** The French reason: `{error: {message}}` (guard, /api/insights) or `{error: "…"}` (/api/knowledge routes, docs/admin-api.md). */
const reason = (answer: Answer): string | undefined => answer.message ?? (typeof answer.json?.error === 'string' ? answer.json.error : undefined);
const REPO_KNOWLEDGE = path.resolve(__dirname, '../../knowledge');

// docs/admin-api.md « Buyers propose upcoming purchases » and « From a gap cluster to an answer », on the real app.
describe('proposals and gap answers × roles', () => {
  let app: TestApp;
  let root: string;
  let knowledgeDir: string;
  const browsers: Partial<Record<Who, Browser>> = {};

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-curation-'));
    knowledgeDir = path.join(root, 'knowledge');
    cpSync(REPO_KNOWLEDGE, knowledgeDir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: knowledgeDir, ALERTS_POLL_SECONDS: '0' });
    await addAccounts(app.config.dataDir, [BUYER, CCI, OTHER_BUYER]);
    browsers.buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    browsers.other = await signedIn(app.url, OTHER_BUYER.login, OTHER_BUYER.password);
    browsers.cci = await signedIn(app.url, CCI.login, CCI.password);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const as = (who: Who, route: string, init: { method?: string; body?: unknown; raw?: string; csrf?: boolean } = {}): Promise<Answer> => {
    const browser = browsers[who];
    const headers: Record<string, string> = {};
    if (browser) headers.cookie = browser.cookie;
    if (browser && init.csrf !== false) headers['x-csrf-token'] = browser.csrf;
    if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
    return call(`${app.url}${route}`, { method: init.method ?? 'GET', headers, ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  };
  const propose = (who: Who, body: unknown, csrf = true) => as(who, '/api/insights/proposals', { method: 'POST', body, csrf });
  const stored = async () => (await as('cci', '/api/insights/proposals')).json as unknown as { id: string; org: string; status: string }[];
  const upcomingFile = () => JSON.parse(readFileSync(path.join(knowledgeDir, 'tenders/upcoming.json'), 'utf8')) as { tenders: { slug: string; title: string; buyer: { organisationId: string } }[] };

  it('anonymous: 401 on every route; buyer: 403 on /api/knowledge/…; CSRF-less writes: 403', async () => {
    for (const [method, route] of [['GET', '/api/insights/proposals'], ['GET', '/api/insights/proposals/schema'], ['POST', '/api/insights/proposals'], ['POST', '/api/knowledge/proposals/p-x/approve'], ['POST', '/api/knowledge/proposals/p-x/reject'], ['POST', '/api/knowledge/gaps/answer']] as const) {
      expect([route, (await as('anonymous', route, method === 'GET' ? {} : { method, body: {} })).status]).toEqual([route, 401]);
    }
    for (const route of ['/api/knowledge/proposals/p-x/approve', '/api/knowledge/proposals/p-x/reject', '/api/knowledge/gaps/answer']) {
      const answer = await as('buyer', route, { method: 'POST', body: { reason: 'x', questions: ['x'], topicId: 'FAQ_KBIS_AGE' } });
      expect([route, answer.status]).toEqual([route, 403]);
      expect(answer.message).toMatch(/réservé au personnel de la CCI/);
    }
    expect((await propose('buyer', purchase(), false)).status).toBe(403);
    expect((await as('cci', '/api/knowledge/gaps/answer', { method: 'POST', body: { questions: ['x'], topicId: 'FAQ_KBIS_AGE' }, csrf: false })).status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('gives a buyer the purchase’s schema, whose patterns their form checks the codes with', async () => {
    const answer = await as('buyer', '/api/insights/proposals/schema');
    expect(answer.status).toBe(200);
    const schema = answer.json as unknown as { $defs: Record<string, { pattern: string; patternErrorMessage: string }>; properties: Record<string, { items?: { $ref: string } }> };
    expect(schema.properties.departments!.items).toEqual({ $ref: '#/$defs/department' });
    expect(new RegExp(schema.$defs.department!.pattern, 'u').test('Gard')).toBe(false);
    expect(schema.$defs.cpv!.patternErrorMessage).toMatch(/code CPV de 8 chiffres/);
    // What a buyer's browser receives names no file of the server.
    expect(JSON.stringify(schema)).not.toMatch(/\/(?:work|tmp|home|root|usr)\/|[A-Z]:\\\\|\.json"/);
  });

  it('bad input is refused in French with the field, and nothing is stored', async () => {
    const cases: [unknown, RegExp, string?][] = [
      [purchase({ expectedPublicationDate: '2026-10' }), /déjà passé/, '/expectedPublicationDate'],
      [purchase({ deadlineAt: '2026-11-30T12:00' }), /déjà passée/, '/deadlineAt'],
      [purchase({ title: 'Toiture <script>alert(1)</script> du gymnase' }), /contient du HTML/, '/title'],
      [purchase({ cpv: 45261000 }), /./, '/cpv'],
      [purchase({ description: 'x'.repeat(5000) }), /./, '/description'],
      [['un', 'tableau'], /objet JSON/, '/'],
    ];
    for (const [body, message, at] of cases) {
      const answer = await propose('buyer', body);
      expect([at, answer.status]).toEqual([at, 422]);
      expect(answer.message).toMatch(/corrigez les champs signalés/);
      const problems = answer.json!.problems as { path: string; message: string }[];
      expect(problems.find((p) => p.path === at)?.message).toMatch(message);
    }
    expect((await as('buyer', '/api/insights/proposals', { method: 'POST', raw: '{"title": ' })).status).toBe(400);
    const huge = await as('buyer', '/api/insights/proposals', { method: 'POST', raw: JSON.stringify(purchase({ keywords: Array(20_000).fill('toiture') })) });
    expect(huge.status).toBe(413);
    expect(huge.message).toMatch(/trop volumineuse/);
    expect(await stored()).toEqual([]);
  });

  it('a buyer proposes for their own organisation, sees only theirs, and cannot approve another’s', async () => {
    const mine = await propose('buyer', purchase({ buyer: { name: 'CHU', organisationId: 'ha30-chu-nimes' } }));
    expect(mine.status).toBe(201);
    expect(mine.json).toMatchObject({ status: 'pending', record: { buyer: { organisationId: 'ha30-nimes-metropole' } } });
    const theirs = await propose('other', purchase({ title: 'Fourniture de lits médicalisés' }));
    expect(theirs.status).toBe(201);
    const seen = (who: Who) => as(who, '/api/insights/proposals').then((answer) => (answer.json as unknown as { id: string }[]).map((p) => p.id));
    expect(await seen('buyer')).toEqual([mine.json!.id]);
    expect(await seen('other')).toEqual([theirs.json!.id]);
    expect((await seen('cci')).sort()).toEqual([mine.json!.id, theirs.json!.id].sort());
    expect((await as('other', `/api/knowledge/proposals/${String(mine.json!.id)}/approve`, { method: 'POST' })).status).toBe(403);
  });

  it('the CCI approves: the purchase is written to upcoming.json through the editor, once, with the history; a reject needs a reason', async () => {
    const before = snapshot(knowledgeDir);
    const mine = (await stored()).find((p) => p.org === 'ha30-nimes-metropole')!;
    const theirs = (await stored()).find((p) => p.org === 'ha30-chu-nimes')!;
    expect((await as('cci', `/api/knowledge/proposals/${theirs.id}/reject`, { method: 'POST', body: {} })).status).toBe(422);
    const rejected = await as('cci', `/api/knowledge/proposals/${theirs.id}/reject`, { method: 'POST', body: { reason: 'Déjà publié au BOAMP' } });
    expect(rejected.json).toMatchObject({ status: 'rejected', reason: 'Déjà publié au BOAMP' });
    expect(snapshot(knowledgeDir)).toEqual(before);

    const approved = await as('cci', `/api/knowledge/proposals/${mine.id}/approve`, { method: 'POST' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', upcomingId: 'ha30-nimes-metropole-refection-de-la-toiture-du-gymnase-jean-bouin' });
    expect(upcomingFile().tenders).toEqual([expect.objectContaining({ slug: approved.json!.upcomingId, title: 'Réfection de la toiture du gymnase Jean-Bouin', buyer: expect.objectContaining({ organisationId: 'ha30-nimes-metropole' }) })]);
    const again = await as('cci', `/api/knowledge/proposals/${mine.id}/approve`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(reason(again)).toMatch(/déjà été traitée/);
    expect(upcomingFile().tenders).toHaveLength(1);
    expect((await as('cci', '/api/knowledge/proposals/p-inconnue/approve', { method: 'POST' })).status).toBe(404);
    const buyerView = (await as('buyer', '/api/insights/proposals')).json as unknown as { status: string }[];
    expect(buyerView.map((p) => p.status)).toEqual(['approved']);
  });

  it('gap answer: a duplicate phrasing of another topic is a 422 naming it, and nothing changes', async () => {
    const before = snapshot(knowledgeDir);
    const dume = JSON.parse(readFileSync(path.join(knowledgeDir, 'faq/topics/FAQ_WHAT_IS_DUME.json'), 'utf8')) as { phrasings: string[] };
    const answer = await as('cci', '/api/knowledge/gaps/answer', { method: 'POST', body: { questions: [dume.phrasings[2]], topicId: 'FAQ_KBIS_AGE' } });
    expect(answer.status).toBe(422);
    expect(reason(answer)).toMatch(/est déjà une formulation du sujet « .+ » \(FAQ_WHAT_IS_DUME\)/);
    for (const body of [{}, { questions: 'x', topicId: 'FAQ_KBIS_AGE' }, { questions: ['x'], topic: { id: 'FAQ_NOUVEAU', title: 'Titre', short: 'court' } }]) {
      const refused = await as('cci', '/api/knowledge/gaps/answer', { method: 'POST', body });
      expect([body, refused.status]).toEqual([body, 422]);
      expect(typeof refused.json?.error).toBe('string');
      expect(reason(refused)).toMatch(/[a-zé]/);
    }
    expect(snapshot(knowledgeDir)).toEqual(before);
  });
});
