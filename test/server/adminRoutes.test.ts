import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { REPO_KNOWLEDGE, snapshot } from '../knowledge/editor/support';
import { type Answer, type Browser, call, signedIn } from './web/support';
import { rawRequest } from './web/rawRequest';

freezeDate('2026-12-02T10:00:00Z');

type Who = 'anonymous' | 'buyer' | 'cci';
type Init = { method?: string; body?: unknown; csrf?: boolean; rawBody?: string };

const OTHER_CCI = { login: 'anne.cci', password: 'les arènes au soleil couchant', role: 'cci' as const };

// docs/admin-api.md on the real application, over a copy of the knowledge (writes never touch the repository).
describe('/api/knowledge: the CCI’s administration API', () => {
  let app: TestApp;
  let root: string;
  let knowledgeDir: string;
  const browsers: Partial<Record<Who, Browser>> = {};

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-admin-'));
    knowledgeDir = path.join(root, 'knowledge');
    cpSync(REPO_KNOWLEDGE, knowledgeDir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: knowledgeDir });
    await addAccounts(app.config.dataDir, [BUYER, CCI, OTHER_CCI]);
    browsers.buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    browsers.cci = await signedIn(app.url, CCI.login, CCI.password);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const as = (who: Who, route: string, init: Init = {}): Promise<Answer> => {
    const browser = browsers[who];
    const headers: Record<string, string> = {};
    if (browser) headers.cookie = browser.cookie;
    if (browser && init.csrf !== false && init.method && init.method !== 'GET') headers['x-csrf-token'] = browser.csrf;
    const body = init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
    if (body !== undefined) headers['content-type'] = 'application/json';
    return call(`${app.url}${route}`, { method: init.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  };
  const error = (answer: Answer) => answer.json?.error as string;
  const record = async (collection: string, id: string) => (await as('cci', `/api/knowledge/collections/${collection}/records/${encodeURIComponent(id)}`)).json as { record: Record<string, unknown>; version: string };
  const put = (collection: string, id: string, body: unknown, init: Init = {}) => as('cci', `/api/knowledge/collections/${collection}/records/${encodeURIComponent(id)}`, { method: 'PUT', body, ...init });

  /** Each route of docs/admin-api.md with a harmless request (unknown ids: nothing changes when let through). */
  const ROUTES: [string, string, unknown?][] = [
    ['GET', '/api/knowledge/status'],
    ['GET', '/api/knowledge/collections'],
    ['GET', '/api/knowledge/collections/rules/records'],
    ['GET', '/api/knowledge/collections/rules/records/KBIS_TOO_OLD'],
    ['PUT', '/api/knowledge/collections/rules/records/NO_SUCH_RULE', { record: {}, version: '0' }],
    ['POST', '/api/knowledge/collections/rules/records', { record: 'not an object' }],
    ['DELETE', '/api/knowledge/collections/rules/records/NO_SUCH_RULE?version=0'],
    ['GET', '/api/knowledge/history'],
    ['POST', '/api/knowledge/history/no-such-change/restore'],
    ['POST', '/api/knowledge/history/no-such-change/undo'],
    ['GET', '/api/knowledge/accounts'],
    ['GET', '/api/knowledge/organisations'],
    ['POST', '/api/knowledge/accounts', { login: 'x' }],
    ['DELETE', '/api/knowledge/accounts/no.such.login'],
    ['POST', '/api/knowledge/accounts/no.such.login/password', { password: 'x' }],
  ];

  it('answers every route 401 to an anonymous visitor, 403 to a buyer, 403 to a cci write without CSRF token, and serves the cci', async () => {
    const before = snapshot(knowledgeDir);
    for (const [method, route, body] of ROUTES) {
      expect([method, route, (await as('anonymous', route, { method, body })).status]).toEqual([method, route, 401]);
      expect([method, route, (await as('buyer', route, { method, body })).status]).toEqual([method, route, 403]);
      if (method !== 'GET') {
        const forged = await as('cci', route, { method, body, csrf: false });
        expect([method, route, forged.status]).toEqual([method, route, 403]);
        expect(forged.message).toMatch(/anti-falsification/);
      }
      const served = await as('cci', route, { method, body });
      expect([method, route, served.status < 500, served.status === 401 || served.status === 403]).toEqual([method, route, true, false]);
      expect(served.headers.get('cache-control')).toBe('no-store');
    }
    expect(snapshot(knowledgeDir)).toEqual(before);
  });

  it('serves /admin to the cci only (the placeholder while web/admin.html does not exist)', async () => {
    expect((await as('anonymous', '/admin')).status).toBe(302);
    expect((await as('buyer', '/admin')).status).toBe(403);
    const page = await as('cci', '/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('lists the collections, searches a collection and reads a record with its version', async () => {
    const collections = (await as('cci', '/api/knowledge/collections')).json as unknown as { id: string; label: string; count: number; recordSchema: object }[];
    expect(collections).toHaveLength(11);
    expect(collections[0]).toMatchObject({ id: 'rules', label: 'Règles de vérification', count: 45 });
    const found = (await as('cci', `/api/knowledge/collections/rules/records?q=${encodeURIComponent('IMMATRICULATION trop')}`)).json as unknown as { id: string }[];
    expect(found.map((r) => r.id)).toContain('KBIS_TOO_OLD');
    const message = await as('cci', '/api/knowledge/collections/messages/records/welcome.title');
    expect(message.json).toMatchObject({ id: 'welcome.title', record: expect.any(String), version: expect.stringMatching(/^[0-9a-f]{16}$/), file: 'messages.json' });
    const unknown = await as('cci', '/api/knowledge/collections/rules/records/NO_SUCH_RULE');
    expect(unknown.status).toBe(404);
    expect(error(unknown)).toMatch(/n’existe pas dans Règles de vérification/);
  });

  it('saves the remedy of KBIS_TOO_OLD, then refuses a second save from the same read (409 with the current record)', async () => {
    const first = await record('rules', 'KBIS_TOO_OLD');
    const second = await record('rules', 'KBIS_TOO_OLD');
    const saved = await put('rules', 'KBIS_TOO_OLD', { record: { ...first.record, remedy: 'Joignez un Kbis de moins de trois mois.' }, version: first.version });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ id: 'KBIS_TOO_OLD', version: expect.any(String), change: { action: 'update', who: CCI.login, reloaded: true, summary: 'Règle « Extrait d\'immatriculation trop ancien » modifiée : remède', diff: [{ path: '/remedy', before: first.record.remedy, after: 'Joignez un Kbis de moins de trois mois.' }] } });
    // In service before the answer: the live status names the admin save and its version.
    const status = (await as('cci', '/api/knowledge/status')).json as { source: string; training: boolean; refusals: unknown[] };
    expect(status).toMatchObject({ source: 'admin', training: false, refusals: [] });
    const late = await put('rules', 'KBIS_TOO_OLD', { record: { ...second.record, legal: 'Autre texte de loi, assez long.' }, version: second.version });
    expect(late.status).toBe(409);
    expect(error(late)).toMatch(/modifiée entre-temps/);
    expect(late.json?.current).toEqual({ record: { ...first.record, remedy: 'Joignez un Kbis de moins de trois mois.' }, version: (saved.json as { version: string }).version });
    const history = (await as('cci', '/api/knowledge/history?collection=rules&id=KBIS_TOO_OLD')).json as unknown as { id: string; diff: unknown[] }[];
    expect(history[0]).toMatchObject({ id: (saved.json as { change: { id: string } }).change.id, diff: [{ path: '/remedy' }] });
  });

  it('undoes and restores a change through the history routes', async () => {
    const read = await record('checkSettings', 'settings');
    const saved = await put('checkSettings', 'settings', { record: { ...read.record, kbisMaxAgeMonths: 6 }, version: read.version });
    const changeId = (saved.json as { change: { id: string } }).change.id;
    const undone = await as('cci', `/api/knowledge/history/${changeId}/undo`, { method: 'POST' });
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ change: { action: 'restore', restores: { changeId, state: 'before' }, diff: [{ path: '/kbisMaxAgeMonths', before: 6, after: 3 }] } });
    expect((await record('checkSettings', 'settings')).record.kbisMaxAgeMonths).toBe(3);
    expect((await as('cci', `/api/knowledge/history/${changeId}/restore`, { method: 'POST' })).status).toBe(200);
    expect((await record('checkSettings', 'settings')).record.kbisMaxAgeMonths).toBe(6);
    expect((await as('cci', '/api/knowledge/history/no-such-change/undo', { method: 'POST' })).status).toBe(404);
  });

  describe('refuses a broken record with the precise French reason, and changes no byte', () => {
    let before: Record<string, string>;
    beforeEach(() => {
      before = snapshot(knowledgeDir);
    });
    afterEach(() => {
      expect(snapshot(knowledgeDir)).toEqual(before);
    });

    const problems = (answer: Answer) => answer.json?.problems as { file: string; path: string; message: string }[];

    it('a body that is not JSON (400)', async () => {
      const answer = await as('cci', '/api/knowledge/collections/rules/records/KBIS_TOO_OLD', { method: 'PUT', rawBody: '{"record": {"id": "KBIS_TOO_OLD",' });
      expect(answer.status).toBe(400);
      expect(error(answer)).toBe('Corps de requête illisible : JSON invalide.');
    });

    it('a wrong type (a number for a text)', async () => {
      const read = await record('rules', 'KBIS_TOO_OLD');
      const answer = await put('rules', 'KBIS_TOO_OLD', { record: { ...read.record, remedy: 42 }, version: read.version });
      expect(answer.status).toBe(422);
      expect(error(answer)).toMatch(/rendrait les connaissances invalides/);
      expect(problems(answer)).toEqual([expect.objectContaining({ file: 'rules/e-identity.json', path: expect.stringMatching(/^\/rules\/\d+\/remedy$/), message: expect.stringMatching(/^n’a aucune des formes attendues|^doit être/) })]);
    });

    it('a reference to an id that does not exist', async () => {
      const read = await record('situations', 'PAYMENT_DELAY');
      const answer = await put('situations', 'PAYMENT_DELAY', { record: { ...read.record, contactIds: ['cabinet-inconnu'] }, version: read.version });
      expect(answer.status).toBe(422);
      expect(problems(answer)).toEqual([{ file: 'contacts.json', path: expect.stringMatching(/^\/situations\/\d+\/contactIds\/0$/), message: '« cabinet-inconnu » ne désigne aucun contact — écrivez l’« id » d’un contact de /contacts, ou retirez cette ligne' }]);
    });

    it('a duplicate id (409: the existing record is returned)', async () => {
      const existing = await record('rules', 'KBIS_TOO_OLD');
      const answer = await as('cci', '/api/knowledge/collections/rules/records', { method: 'POST', body: { record: existing.record, file: 'rules/a-deadline-submission.json' } });
      expect(answer.status).toBe(409);
      expect(error(answer)).toMatch(/« KBIS_TOO_OLD » existe déjà/);
      expect(answer.json?.current).toEqual({ record: existing.record, version: existing.version });
    });

    it('a rule whose params its detector does not accept', async () => {
      const read = await record('rules', 'KBIS_TOO_OLD');
      const detect = read.record.detect as { detector: string; params: Record<string, unknown> }[];
      const answer = await put('rules', 'KBIS_TOO_OLD', { record: { ...read.record, detect: [{ ...detect[0], params: { ...detect[0]!.params, maxAge: 3 } }] }, version: read.version });
      expect(answer.status).toBe(422);
      expect(problems(answer)).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/rules\/\d+\/detect\/0\/params\/maxAge$/), message: expect.stringMatching(/^paramètre inconnu « maxAge »/) })]);
    });

    it('an upcoming purchase dated in the past', async () => {
      const purchase = { slug: 'chu-nimes-blanchisserie', title: 'Blanchisserie du CHU de Nîmes', buyer: { name: 'CHU de Nîmes', organisationId: 'ha30-chu-nimes' }, cpv: ['98310000'], departments: ['30'], expectedPublicationDate: '2026-10' };
      const answer = await as('cci', '/api/knowledge/collections/upcoming/records', { method: 'POST', body: { record: purchase } });
      expect(answer.status).toBe(422);
      expect(problems(answer)).toEqual([{ file: 'tenders/upcoming.json', path: '/tenders/0/expectedPublicationDate', message: expect.stringMatching(/^« 2026-10 » est déjà passé : un achat à venir ne peut pas être annoncé pour une date révolue — /) }]);
    });

    it('HTML in a message', async () => {
      const read = await record('messages', 'welcome.title');
      const answer = await put('messages', 'welcome.title', { record: 'Bienvenue sur <b>HA30</b>', version: read.version });
      expect(answer.status).toBe(422);
      expect(problems(answer)).toEqual([{ file: 'messages.json', path: '/messages/welcome.title', message: expect.stringMatching(/^contient du HTML \(« <b> »\)/) }]);
    });

    it('a record with __proto__ keys: refused, and no object of the server is polluted', async () => {
      const read = await record('events', 'cible-affaires');
      const rawBody = `{"version":"${read.version}","record":${JSON.stringify(read.record).replace(/^\{/, '{"__proto__":{"polluted":true},')}}`;
      const answer = await as('cci', '/api/knowledge/collections/events/records/cible-affaires', { method: 'PUT', rawBody });
      expect(answer.status).toBe(422);
      expect(problems(answer)).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/events\/\d+\/__proto__$/), message: expect.stringMatching(/^propriété inconnue « __proto__ »/) })]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const map = await as('cci', '/api/knowledge/collections/messages/records', { method: 'POST', body: { id: '__proto__', record: 'x' } });
      expect(map.status).toBe(400);
    });

    it('path tricks in :c and :id, a collection that does not exist, a 2 MB body', async () => {
      const cookie = browsers.cci!.cookie;
      for (const target of ['/api/knowledge/collections/..%2F..%2Fetc/records', '/api/knowledge/collections/rules/records/..%2F..%2Fpackage.json', '/api/knowledge/collections/%2e%2e%2f%2e%2e/records']) {
        const answer = await rawRequest(app.url, 'GET', target, { cookie });
        expect([target, answer.status]).toEqual([target, 400]);
      }
      for (const target of ['/api/knowledge/collections/%2e%2e/records', '/api/knowledge/collections/rules/records/%2e%2e', '/api/knowledge/collections/__proto__/records', '/api/knowledge/collections/constructor/records/x']) {
        const answer = await rawRequest(app.url, 'GET', target, { cookie });
        expect([target, answer.status]).toEqual([target, 404]);
      }
      const unknown = await as('cci', '/api/knowledge/collections/secrets/records');
      expect(unknown.status).toBe(404);
      expect(error(unknown)).toMatch(/^Collection inconnue « secrets »/);
      const huge = await as('cci', '/api/knowledge/collections/messages/records', { method: 'POST', rawBody: JSON.stringify({ id: 'welcome.huge', record: 'x'.repeat(2 * 1024 * 1024) }) });
      expect(huge.status).toBe(413);
      expect(error(huge)).toMatch(/trop volumineuse/);
    });
  });

  describe('accounts', () => {
    it('lists the organisations of the club directory, members marked, for the accounts form', async () => {
      const answer = await as('cci', '/api/knowledge/organisations');
      expect(answer.status).toBe(200);
      const organisations = answer.json as unknown as { id: string; name: string; member: boolean }[];
      const contacts = JSON.parse(readFileSync(path.join(knowledgeDir, 'contacts.json'), 'utf8')).contacts as { id: string; kind: string; organisation: { name: string } }[];
      expect(organisations).toEqual(contacts.map((contact) => ({ id: contact.id, name: contact.organisation.name, member: contact.kind === 'MEMBER' })));
      expect(organisations.some((org) => !org.member)).toBe(true);
    });

    const historyText = () => readFileSync(path.join(app.config.dataDir, 'knowledge-history', 'changes.jsonl'), 'utf8');

    it('lists, adds (with French refusals), changes a password and removes an account; the history never holds a password', async () => {
      const list = (await as('cci', '/api/knowledge/accounts')).json as unknown as { login: string }[];
      expect(list).toEqual(expect.arrayContaining([{ login: BUYER.login, role: 'buyer', name: BUYER.name, org: BUYER.orgId }]));
      expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/);

      const add = (body: Record<string, unknown>) => as('cci', '/api/knowledge/accounts', { method: 'POST', body });
      const fresh = { login: 'luc.acheteur', role: 'buyer', org: 'ha30-chu-nimes', password: 'un mas dans les vignes' };
      const short = await add({ ...fresh, password: 'court' });
      expect([short.status, error(short)]).toEqual([422, expect.stringMatching(/^Mot de passe trop court : 12 caractères au moins/)]);
      expect((await add({ ...fresh, role: 'admin' })).status).toBe(422);
      // Said with what the page offers, never the command line's « --org » or « users -- password ».
      // (each wording is read in full by the test « words its refusals for the « Comptes » page » below)
      for (const refused of [{ ...fresh, org: 'nulle-part' }, { ...fresh, org: '' }, { ...fresh, login: BUYER.login.toUpperCase() }]) {
        expect(error(await add(refused))).toMatch(/« (Organisation|Nouveau mot de passe) »/);
        expect(error(await add(refused))).not.toMatch(/--|users|contacts\.json/);
      }
      expect((await add({ ...fresh, password: 12345678901234 })).status).toBe(400);
      const created = await add(fresh);
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ login: 'luc.acheteur', role: 'buyer', org: 'ha30-chu-nimes', change: { action: 'account.add', who: CCI.login, summary: 'Compte luc.acheteur créé (acheteur)' } });

      const changed = await as('cci', '/api/knowledge/accounts/luc.acheteur/password', { method: 'POST', body: { password: 'une autre phrase bien longue' } });
      expect(changed.status).toBe(200);
      expect((await signedIn(app.url, 'luc.acheteur', 'une autre phrase bien longue')).cookie).toBeTruthy();
      expect((await as('cci', '/api/knowledge/accounts/personne/password', { method: 'POST', body: { password: 'une autre phrase bien longue' } })).status).toBe(404);

      const self = await as('cci', `/api/knowledge/accounts/${CCI.login}`, { method: 'DELETE' });
      expect([self.status, error(self)]).toEqual([422, expect.stringMatching(/propre compte/)]);
      expect((await as('cci', `/api/knowledge/accounts/${CCI.login.toUpperCase()}`, { method: 'DELETE' })).status).toBe(422);
      const removed = await as('cci', '/api/knowledge/accounts/luc.acheteur', { method: 'DELETE' });
      expect(removed.status).toBe(200);
      expect(removed.json).toMatchObject({ change: { action: 'account.remove', recordId: 'luc.acheteur' } });

      const history = (await as('cci', '/api/knowledge/history?collection=accounts')).json as unknown as { action: string }[];
      expect(history.map((c) => c.action)).toEqual(['account.remove', 'account.password', 'account.add']);
      for (const secret of ['un mas dans les vignes', 'une autre phrase bien longue', 'scrypt']) expect(historyText()).not.toContain(secret);
    });

    it('words its refusals for the « Comptes » page (its lists and buttons), never with the flags of npm run users', async () => {
      const add = (body: Record<string, unknown>) => as('cci', '/api/knowledge/accounts', { method: 'POST', body });
      const fresh = { login: 'lea.acheteuse', role: 'buyer', org: 'ha30-chu-nimes', password: 'un mas dans les vignes' };
      const refusals = {
        noOrg: error(await add({ ...fresh, org: undefined })),
        notMember: error(await add({ ...fresh, org: 'cci-gard' })),
        unknownOrg: error(await add({ ...fresh, role: 'cci', org: 'nulle-part' })),
        taken: error(await add({ ...fresh, login: BUYER.login })),
        role: error(await add({ ...fresh, role: 'admin' })),
        unknownLogin: error(await as('cci', '/api/knowledge/accounts/personne/password', { method: 'POST', body: { password: 'une autre phrase bien longue' } })),
      };
      expect(refusals).toEqual({
        noOrg: 'Un compte acheteur est rattaché à un membre du club : choisissez une organisation dans la liste « Organisation », parmi les membres du club HA30.',
        notMember: "« CCI Gard (Chambre de commerce et d'industrie du Gard) » n'est pas membre du club HA30 : un compte acheteur est rattaché à un membre du club ; choisissez une organisation dans la liste « Organisation », parmi les membres du club HA30.",
        unknownOrg: 'Organisation inconnue « nulle-part » : choisissez une organisation dans la liste « Organisation », ou « Aucune » pour le personnel de la CCI.',
        taken: `L'identifiant « ${BUYER.login} » existe déjà : choisissez-en un autre, ou changez le mot de passe de ce compte avec son bouton « Nouveau mot de passe » dans la liste des comptes.`,
        role: 'Rôle inconnu « admin » : choisissez « Acheteur du club » ou « Personnel de la CCI » dans la liste « Rôle ».',
        unknownLogin: 'Aucun compte « personne » : il a peut-être été supprimé entre-temps ; rechargez la page pour voir les comptes existants.',
      });
      for (const text of Object.values(refusals)) expect(text).not.toMatch(/--|npm run|users --|contacts\.json|\bbuyer\b|\bcci\b/);
    });
  });
});
