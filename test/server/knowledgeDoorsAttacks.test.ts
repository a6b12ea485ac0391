import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { REPO_KNOWLEDGE, snapshot } from '../knowledge/editor/support';
import { type Answer, type Browser, call, signedIn } from './web/support';
import { rawRequest } from './web/rawRequest';

freezeDate('2026-12-02T10:00:00Z');

const OTHER_CCI = { login: 'anne.cci', password: 'les arènes au soleil couchant', role: 'cci' as const };

// The attacker's review of issue 11's doors, on the real application over a copy of the knowledge:
// every attempt below must leave the knowledge folder byte for byte as it was.
describe('attacks on the knowledge administration doors', () => {
  let app: TestApp;
  let root: string;
  let knowledgeDir: string;
  let buyer: Browser;
  let cci: Browser;
  let otherCci: Browser;
  let before: Record<string, string>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-doors11-'));
    knowledgeDir = path.join(root, 'knowledge');
    cpSync(REPO_KNOWLEDGE, knowledgeDir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: knowledgeDir, ALERTS_POLL_SECONDS: '0' });
    await addAccounts(app.config.dataDir, [BUYER, CCI, OTHER_CCI]);
    buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    cci = await signedIn(app.url, CCI.login, CCI.password);
    otherCci = await signedIn(app.url, OTHER_CCI.login, OTHER_CCI.password);
    before = snapshot(knowledgeDir);
  }, 60_000);
  afterEach(() => {
    const now = snapshot(knowledgeDir);
    const changed = [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((file) => before[file] !== now[file]);
    expect(changed).toEqual([]);
  });
  afterAll(async () => {
    await app.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const kbis = '/api/knowledge/collections/rules/records/KBIS_TOO_OLD';
  const readKbis = async () => (await call(`${app.url}${kbis}`, { headers: { cookie: cci.cookie } })).json as { record: Record<string, unknown>; version: string };
  const send = (method: string, route: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> => call(`${app.url}${route}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const asCci = (headers: Record<string, string> = {}) => ({ cookie: cci.cookie, 'x-csrf-token': cci.csrf, 'content-type': 'application/json', ...headers });

  it('never lets a buyer in, whatever the spelling of the path or the method (HEAD, OPTIONS, a method override)', async () => {
    const targets = [
      '/API/KNOWLEDGE/collections',
      '/api/Knowledge/collections/rules/records',
      '/api/knowledge./collections',
      '/api/knowledge/collections/rules/records/KBIS_TOO_OLD.',
      '/api/%6Bnowledge/collections',
      '//api//knowledge/status',
      '/api/insights/../knowledge/history',
      '/api/knowledge/accounts',
      '/api/knowledge/proposals/p-0000000000000000/approve',
    ];
    for (const target of targets) {
      for (const method of ['GET', 'HEAD', 'OPTIONS']) {
        const answer = await rawRequest(app.url, method, target, { cookie: buyer.cookie });
        expect([method, target, [400, 403].includes(answer.status)]).toEqual([method, target, true]);
        const anonymous = await rawRequest(app.url, method, target);
        expect([method, target, [400, 401].includes(anonymous.status)]).toEqual([method, target, true]);
      }
      const overridden = await rawRequest(app.url, 'POST', target, { cookie: buyer.cookie, 'x-csrf-token': buyer.csrf, 'x-http-method-override': 'GET', 'x-method-override': 'GET' });
      expect([target, [400, 403].includes(overridden.status)]).toEqual([target, true]);
    }
    // A method override does not turn a CCI's read into a delete either.
    const read = await send('GET', `${kbis}?version=x`, { cookie: cci.cookie, 'x-http-method-override': 'DELETE', 'x-method-override': 'DELETE' });
    expect(read.status).toBe(200);
  });

  it('refuses a write with the token of another session, from another site, or as a simple request (text/plain, form) that skips the preflight', async () => {
    const read = await readKbis();
    const body = JSON.stringify({ record: { ...read.record, remedy: 'Remède écrit par un autre site.' }, version: read.version });
    expect((await send('PUT', kbis, asCci({ 'x-csrf-token': otherCci.csrf }), body)).status).toBe(403);
    expect((await send('PUT', kbis, asCci({ 'x-csrf-token': buyer.csrf }), body)).status).toBe(403);
    expect((await send('PUT', kbis, asCci({ origin: 'https://evil.example' }), body)).status).toBe(403);
    expect((await send('PUT', kbis, asCci({ 'sec-fetch-site': 'same-site' }), body)).status).toBe(403);
    // What a form or a fetch() with no preflight from another site could send: no token, and not JSON.
    expect((await send('POST', '/api/knowledge/collections/messages/records', { cookie: cci.cookie, 'content-type': 'text/plain' }, '{"id":"evil.text","record":"x"}')).status).toBe(403);
    expect((await send('POST', '/api/knowledge/accounts', { cookie: cci.cookie, 'content-type': 'application/x-www-form-urlencoded' }, 'login=evil&role=cci&password=aaaaaaaaaaaaaaaa')).status).toBe(403);
    // Even with the right token, a body that is not JSON is refused before anything is read into a record.
    expect((await send('PUT', kbis, asCci({ 'content-type': 'text/plain' }), body)).status).toBe(415);
    expect((await send('POST', '/api/knowledge/accounts', asCci({ 'content-type': 'multipart/form-data; boundary=x' }), '--x--')).status).toBe(415);
    expect((await call(`${app.url}/api/knowledge/accounts`, { headers: { cookie: cci.cookie } })).text).not.toContain('evil');
  });

  it('refuses compressed bombs, deep nesting and huge strings on every write door with a plain 4xx, and keeps serving', async () => {
    const doors = ['/api/knowledge/collections/messages/records', '/api/knowledge/gaps/answer', '/api/knowledge/proposals/p-0000000000000000/reject', '/api/insights/proposals'];
    const inflated = Buffer.concat([Buffer.from('{"id":"bomb.text","record":"'), Buffer.alloc(32 * 1024 * 1024, 0x61), Buffer.from('"}')]);
    for (const door of doors) {
      for (const [coding, bytes] of [['gzip', gzipSync(inflated, { level: 9 })], ['deflate', deflateSync(inflated, { level: 9 })]] as const) {
        const answer = await send('POST', door, asCci({ 'content-encoding': coding }), bytes);
        expect([door, coding, answer.status]).toEqual([door, coding, 413]);
      }
      const nested = await send('POST', door, asCci(), `{"record":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
      expect([door, nested.status]).toEqual([door, 400]);
      const broken = await send('POST', door, asCci({ 'content-encoding': 'gzip' }), Buffer.from('not gzip at all'));
      expect([door, broken.status]).toEqual([door, 400]);
    }
    // A string just under the limit is read, then refused by the schema or the id check: never a 500.
    const purchase = { slug: 'ha30-tres-long', title: 'a'.repeat(250 * 1024), buyer: { name: 'CHU de Nîmes', organisationId: 'ha30-chu-nimes' }, cpv: ['98310000'], departments: ['30'], expectedPublicationDate: '2027-10' };
    const long = await send('POST', '/api/knowledge/collections/upcoming/records', asCci(), JSON.stringify({ record: purchase }));
    expect(long.status).toBe(422);
    expect((await readKbis()).version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses ids that are not plain ASCII (NUL, RTL override, a Cyrillic look-alike), not strings, or prototype keys', async () => {
    const read = await readKbis();
    const topic = { id: 'FAQ_KBIS_AGE', title: 'Un sujet', short: 'Une réponse courte.', details: [], legal: [], links: [], related: [], phrasings: Array.from({ length: 10 }, (_, i) => `question numero ${i}`) };
    for (const id of ['FAQ_KBIS_AGE\u0000', 'FAQ_\u202EEGA_SIBK', 'FAQ_KBIS_\u0410GE', 'FAQ_KBIS_AGE/../../x', 42, ['FAQ_X'], null]) {
      const created = await send('POST', '/api/knowledge/collections/faqTopics/records', asCci(), JSON.stringify({ record: { ...topic, id } }));
      expect([JSON.stringify(id), [400, 422].includes(created.status)]).toEqual([JSON.stringify(id), true]);
    }
    for (const id of ['welcome.title\u0000', 'welcome.t\u0456tle', '__proto__', 'constructor', 'toString']) {
      const created = await send('POST', '/api/knowledge/collections/messages/records', asCci(), JSON.stringify({ id, record: 'x' }));
      expect([id, [400, 409, 422].includes(created.status)]).toEqual([id, true]);
    }
    const renamed = await send('PUT', kbis, asCci(), JSON.stringify({ record: { ...read.record, id: 'KBIS_TOO_OLD\u200B' }, version: read.version }));
    expect(renamed.status).toBe(400);
    const constructorKey = await send('PUT', kbis, asCci(), JSON.stringify({ record: { ...read.record, constructor: { prototype: { polluted: true } } }, version: read.version }));
    expect(constructorKey.status).toBe(422);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const numberVersion = await send('PUT', kbis, asCci(), JSON.stringify({ record: read.record, version: 12 }));
    expect(numberVersion.status).toBe(400);
  });

  it('refuses a new FAQ topic from a gap cluster whose link is javascript: or whose answer holds markup', async () => {
    // A topic the knowledge would take, but for the one field each attempt spoils.
    const questions = ['ou louer une nacelle pour un chantier', 'louer nacelle chantier', 'location de nacelle', 'nacelle en location', 'prix location nacelle', 'ou trouver une nacelle a louer', 'besoin d une nacelle', 'loueur de nacelle pres de nimes', 'tarif journee nacelle elevatrice', 'nacelle elevatrice location gard'];
    const topic = { id: 'FAQ_NACELLE', title: 'Louer une nacelle', short: 'Adressez-vous à un loueur de matériel de votre secteur.', details: ['Comparez plusieurs loueurs avant de réserver.'], legal: ['Code du travail, art. R4323-1'], links: [{ label: 'Le loueur', url: 'https://www.example.fr/nacelles' }] };
    for (const url of ['javascript:alert(document.cookie)', 'http://sans-chiffrement.example', 'data:text/html,x']) {
      const answer = await send('POST', '/api/knowledge/gaps/answer', asCci(), JSON.stringify({ questions, topic: { ...topic, links: [{ label: 'Le loueur', url }] } }));
      expect([url, answer.status]).toEqual([url, 422]);
      const paths = (answer.json?.problems as { path: string }[]).map((p) => p.path);
      expect([url, paths]).toEqual([url, expect.arrayContaining(['/links/0/url'])]);
    }
    const markup = await send('POST', '/api/knowledge/gaps/answer', asCci(), JSON.stringify({ questions, topic: { ...topic, short: 'Voir <a href="https://evil.example">ici</a>' } }));
    expect(markup.status).toBe(422);
    expect((markup.json?.problems as { path: string; message: string }[]).find((p) => p.path === '/short')?.message).toMatch(/contient du HTML/);
  });

  it('keeps no session id, CSRF token or password in the history, whatever was sent', async () => {
    const read = await readKbis();
    // A refused save that carries secrets in its body: nothing of it is kept.
    await send('PUT', kbis, asCci(), JSON.stringify({ record: { ...read.record, remedy: cci.cookie, note: cci.csrf }, version: read.version }));
    // Changes that are recorded: an account added with its password, then removed.
    const password = 'une phrase secrète assez longue';
    expect((await send('POST', '/api/knowledge/accounts', asCci(), JSON.stringify({ login: 'luc.acheteur', role: 'buyer', org: 'ha30-chu-nimes', password }))).status).toBe(201);
    expect((await send('DELETE', '/api/knowledge/accounts/luc.acheteur', asCci())).status).toBe(200);
    const history = readFileSync(path.join(app.config.dataDir, 'knowledge-history', 'changes.jsonl'), 'utf8');
    expect(history).toContain('luc.acheteur');
    for (const secret of [cci.cookie.split('=')[1]!, cci.csrf, otherCci.csrf, CCI.password, OTHER_CCI.password, password, 'scrypt']) expect(history).not.toContain(secret);
  });
});
