import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { LINES, pdf, zip } from '../fixtures/documents';
import { freezeDate } from '../support/clock';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
/** Git-ignored: the screenshots stay for whoever wants to look at the pages. */
const OUTPUT = path.join(ROOT, 'test-output', 'admin');

const NOW = '2026-12-02T10:00:00Z';
freezeDate(NOW);

const ADVISER = { login: 'paul.cci', name: 'Paul Martin', password: 'la maison carrée sous la pluie' };
const RULE = '/admin#/c/rules/r/KBIS_TOO_OLD';
const SETTINGS = '/admin#/c/checkSettings/r/settings';
const OLD_REMEDY = /téléchargez-en un récent \(infogreffe\.fr/;
const NEW_REMEDY = 'Votre extrait Kbis a plus de {months} mois : demandez-en un nouveau au greffe du tribunal de commerce de Nîmes, ou sur infogreffe.fr.';
const NEW_REMEDY_SEEN = /demandez-en un nouveau au greffe du tribunal de commerce de Nîmes/;

/** `npm run users -- add …` (dist/ is built by jest's global setup). */
function users(args: string[], dataDir: string, stdin: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/cli/users.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * An SME checks a dossier holding only a Kbis up to date on 2 April 2026 (eight months before
 * NOW), through the local Direct Line as the Web Chat does; returns what the bot said.
 */
async function checkOldKbis(app: TestApp): Promise<string> {
  const sme = await DirectLineClient.start(app.url);
  await sme.say('je veux vérifier mon dossier');
  await sme.botSays(/Où en êtes-vous/, 15_000);
  await sme.say('Je prépare mon dépôt');
  await sme.botSays(/date limite de remise/, 15_000);
  await sme.say('je sais pas');
  await sme.botSays(/travaux, de fournitures ou de services/, 15_000);
  await sme.say('travaux');
  await sme.botSays(/Déposez maintenant vos fichiers/, 15_000);
  await sme.upload([{ name: 'dossier.zip', bytes: await zip({ 'kbis-societe.pdf': await pdf(LINES.kbis('2 avril 2026')) }), type: 'application/zip' }]);
  return (await sme.botSays(/Résultat de la vérification/, 30_000)).join('\n');
}

/** The text area of a field of the generated form, by its JSON path in the record. */
const field = (page: Page, pointer: string, control = 'textarea, input, select') => page.locator(`[data-path="${pointer}"] :is(${control})`).first();

async function save(page: Page): Promise<string> {
  await page.locator('#save').click();
  const feedback = page.locator('#save-feedback');
  await feedback.locator('.status.ok, .status.failed, .conflict').first().waitFor({ timeout: 20_000 });
  return feedback.innerText();
}

// The browser test: a CCI adviser changes a rule's text and the Kbis window in /admin, and
// the next bid check in the chat shows them, without a restart; a refused change, a conflict
// between two tabs, and going back in the history.
describe('knowledge administration in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const work = mkdtempSync(path.join(tmpdir(), 'ha30-admin-'));
  const knowledgeDir = path.join(work, 'knowledge');
  const errors: string[] = [];

  const watch = (tab: Page) => {
    tab.on('pageerror', (error) => errors.push(error.message));
    // Refusals the page shows on purpose (401, 409, 422) are no error; anything else the console reports is.
    tab.on('console', (message) => message.type() === 'error' && !/status of (401|409|422)/.test(`${message.text()} ${message.location().url}`) && errors.push(message.text()));
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
    mkdirSync(OUTPUT, { recursive: true });
    // The app edits its own copy of the knowledge, never the repository's.
    cpSync(path.join(ROOT, 'knowledge'), knowledgeDir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: knowledgeDir });
    base = app.url.replace('localhost', '127.0.0.1');
    const added = await users(['add', '--role', 'cci', '--login', ADVISER.login, '--name', ADVISER.name], app.config.dataDir, `${ADVISER.password}\n`);
    expect(added).toEqual({ code: 0, stderr: '' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    await context.clock.setFixedTime(new Date(NOW));
    page = await context.newPage();
    watch(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('signs the adviser in and shows the live knowledge and the collections', async () => {
    await page.goto(`${base}/admin`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await page.getByLabel('Identifiant').fill(ADVISER.login);
    await page.getByLabel('Mot de passe').fill(ADVISER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/admin`);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    await page.getByText(/^Connecté en tant que Paul Martin \(paul\.cci\)/).waitFor();
    await page.locator('#live-version').waitFor();
    expect((await page.locator('#live-version').innerText()).trim()).toMatch(/\w{6,}/);
    for (const label of ['Règles de vérification', 'Durées et seuils de la vérification', 'Questions fréquentes', 'Achats à venir', 'Contacts du club', 'Événements du club', 'Textes du chat']) {
      await page.locator('.collections a', { hasText: label }).first().waitFor();
    }
    await page.screenshot({ path: path.join(OUTPUT, 'accueil.png'), fullPage: true });
  }, 60_000);

  it('draws one page when the address changes again while a page still waits for its data', async () => {
    // The first record answers late, as on a slow connection; the adviser has meanwhile opened another one.
    const slow = '**/api/knowledge/collections/rules/records/KBIS_TOO_OLD';
    await page.route(slow, async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await request.continue().catch(() => undefined);
    });
    try {
      await page.goto(`${base}/admin#/c/rules/r/KBIS_TOO_OLD`);
      await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
      await page.evaluate(() => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = '#/c/rules/r/OFFER_LATE';
      });
      await page.locator('[data-view="c/rules/r/OFFER_LATE"]').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(2500);
      expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(1);
      expect(await page.locator('#view h2').count()).toBe(1);
      expect(await page.locator('#view').innerText()).toContain('OFFER_LATE');
    } finally {
      await page.unroute(slow);
    }
  }, 60_000);

  it('(a) changes the remedy of KBIS_TOO_OLD and the Kbis window, and the next bid check shows both, without restart', async () => {
    const before = await checkOldKbis(app);
    expect(before).toMatch(/plus de 3 mois/);
    expect(before).toMatch(OLD_REMEDY);

    await page.goto(`${base}${RULE}`);
    await field(page, '/remedy', 'textarea').waitFor();
    // The texts the adviser came for are in view; the detector, the reference and the file are folded away.
    const fold = page.locator('details#technical');
    expect(await fold.getAttribute('open')).toBeNull();
    expect(await fold.locator('[data-path="/detect"]').count()).toBe(1);
    expect(await fold.locator('[data-path="/ref"]').count()).toBe(1);
    expect(await fold.locator('[data-path="/remedy"], [data-path="/message"], [data-path="/title"]').count()).toBe(0);
    expect(await page.getByText(/^Fichier : rules\/e-identity\.json/).isVisible()).toBe(false);
    expect(await field(page, '/remedy', 'textarea').isVisible()).toBe(true);
    await field(page, '/remedy', 'textarea').fill(NEW_REMEDY);
    expect(await save(page)).toMatch(/^Enregistré/);
    await page.screenshot({ path: path.join(OUTPUT, 'regle-enregistree.png'), fullPage: true });

    // The README's steps as the adviser follows them: the menu, « Modifier » on the settings record, the number, « Enregistrer ».
    const guide = readFileSync(path.join(ROOT, 'README.md'), 'utf8').split(/\n\n/).find((paragraph) => paragraph.startsWith('**Changer un seuil ou une durée**'))!;
    const steps = ['menu « Durées et seuils de la', '« Modifier »', 'changez le nombre', '« Enregistrer »'].map((step) => guide.replace(/\s+/g, ' ').indexOf(step));
    expect(steps.every((at, i) => at >= 0 && (i === 0 || at > steps[i - 1]!))).toBe(true);
    // The list of that menu holds the one settings record and its « Modifier », which opens the form.
    await page.goto(`${base}/admin#/c/checkSettings`);
    await expect(page.getByRole('link', { name: 'Modifier Durées et seuils de la vérification' }).getAttribute('href')).resolves.toBe(new URL(`${base}${SETTINGS}`).hash);
    await page.goto(`${base}${SETTINGS}`);
    await field(page, '/kbisMaxAgeMonths', 'input').waitFor();
    expect(await field(page, '/kbisMaxAgeMonths', 'input').inputValue()).toBe('3');
    await field(page, '/kbisMaxAgeMonths', 'input').fill('6');
    expect(await save(page)).toMatch(/^Enregistré/);
    await page.screenshot({ path: path.join(OUTPUT, 'reglages-enregistres.png'), fullPage: true });

    const after = await checkOldKbis(app);
    expect(after).toMatch(/plus de 6 mois/);
    expect(after).not.toMatch(/plus de 3 mois/);
    expect(after).toMatch(NEW_REMEDY_SEEN);
    expect(after).not.toMatch(OLD_REMEDY);
    // Written where the knowledge lives, so that a restart keeps it.
    expect(readFileSync(path.join(knowledgeDir, 'rules', 'settings.json'), 'utf8')).toMatch(/"kbisMaxAgeMonths": 6/);
  }, 180_000);

  it('(b) refuses HTML in a message with the French reason, keeps what was typed, and the chat keeps the old text', async () => {
    await page.goto(`${base}${RULE}`);
    const message = field(page, '/message/default', 'textarea');
    await message.waitFor();
    const typed = '« {file} » est <b>trop ancien</b> : il date du {date}, plus de {months} mois au {at}.';
    await message.fill(typed);
    const refusal = await save(page);
    expect(refusal).not.toMatch(/^Enregistré/);
    // The problems: which field, what is wrong — in French, found by the page before any round trip
    // (the server refuses it too: test/server/adminRoutes.test.ts), and marked on the field itself.
    const problems = page.locator('#save-feedback .problems li');
    expect(await problems.count()).toBe(1);
    expect(await problems.first().innerText()).toMatch(/^Message affiché à l’entreprise — Par défaut : contient du HTML \(« <b> »\)/);
    expect(await page.locator('[data-path="/message/default"] .field-problem-text').innerText()).toMatch(/HTML/);
    // The markup is shown as characters, never interpreted.
    expect(await page.locator('#save-feedback b').count()).toBe(0);
    expect(await message.inputValue()).toBe(typed);
    await page.screenshot({ path: path.join(OUTPUT, 'refus.png'), fullPage: true });

    const chat = await checkOldKbis(app);
    expect(chat).not.toMatch(/trop ancien/);
    expect(chat).toMatch(NEW_REMEDY_SEEN);
  }, 120_000);

  it('(c) refuses a save from a second tab on a stale version, reloads the current record and keeps the edit in view', async () => {
    const first = page;
    const second = await context.newPage();
    watch(second);
    // From another page first: the same address again would keep the form of (b) as it was typed.
    await first.goto(`${base}/admin#/`);
    await first.goto(`${base}${RULE}`);
    await second.goto(`${base}${RULE}`);
    await field(first, '/title', 'input').waitFor();
    await field(second, '/title', 'input').waitFor();

    await second.bringToFront();
    await field(second, '/title', 'input').fill('Extrait Kbis trop ancien');
    expect(await save(second)).toMatch(/^Enregistré/);

    await first.bringToFront();
    await field(first, '/legal', 'input').fill('Usage administratif ; R2143-13 du code de la commande publique.');
    const conflict = await save(first);
    expect(conflict).toMatch(/Quelqu’un a modifié cette fiche entre-temps/);
    await first.screenshot({ path: path.join(OUTPUT, 'conflit.png'), fullPage: true });
    await first.getByRole('button', { name: 'Recharger' }).click();
    await first.locator('#my-edit .mine').waitFor();
    // The record as it is now (the other tab's title), and this tab's edit beside it, to re-apply.
    expect(await field(first, '/title', 'input').inputValue()).toBe('Extrait Kbis trop ancien');
    expect(await first.locator('#my-edit .diff li').count()).toBe(1);
    expect(await first.locator('#my-edit').innerText()).toMatch(/Référence juridique : « Usage administratif \(service-public\.fr[^»]*» → « Usage administratif ; R2143-13 du code de la commande publique\. »/);
    await first.screenshot({ path: path.join(OUTPUT, 'conflit-recharge.png'), fullPage: true });
    await field(first, '/legal', 'input').fill('Usage administratif ; R2143-13 du code de la commande publique.');
    expect(await save(first)).toMatch(/^Enregistré/);
    await second.close();
  }, 120_000);

  it('(d) lists the changes with readable diffs and restores a previous version from the history', async () => {
    await page.goto(`${base}/admin#/historique?collection=rules&id=KBIS_TOO_OLD`);
    const changes = page.locator('#changes > li.change');
    await changes.first().waitFor();
    // Newest first: the legal text, the title, the remedy.
    expect(await changes.count()).toBe(3);
    await expect(changes.nth(0).innerText()).resolves.toMatch(/paul\.cci/);
    await expect(changes.nth(1).innerText()).resolves.toMatch(/Titre : « Extrait d'immatriculation trop ancien » → « Extrait Kbis trop ancien »/);
    await expect(changes.nth(2).innerText()).resolves.toMatch(/Comment y remédier : « Votre extrait date de plus de \{months\} mois[^»]*» → « Votre extrait Kbis a plus de/);
    await page.screenshot({ path: path.join(OUTPUT, 'historique.png'), fullPage: true });

    // The version right after the remedy was changed: the title and the legal text of then.
    const remedyChange = changes.nth(2);
    await remedyChange.getByRole('button', { name: 'Restaurer cette version' }).click();
    await remedyChange.getByRole('button', { name: 'Oui, restaurer' }).click();
    await page.locator('#history-status.ok, #changes .status.failed').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#history-status').innerText()).toMatch(/^Fait\./);
    await page.locator('#changes > li.change').first().filter({ hasText: /Restauration/ }).waitFor();

    await page.goto(`${base}${RULE}`);
    await field(page, '/title', 'input').waitFor();
    expect(await field(page, '/title', 'input').inputValue()).toBe("Extrait d'immatriculation trop ancien");
    expect(await field(page, '/legal', 'input').inputValue()).toMatch(/^Usage administratif \(service-public\.fr/);
    expect(await field(page, '/remedy', 'textarea').inputValue()).toBe(NEW_REMEDY);

    // « Annuler cette modification » on the window: back to 3 months, and the chat says so.
    await page.goto(`${base}/admin#/historique?collection=checkSettings`);
    const windowChange = page.locator('#changes > li.change').first();
    await windowChange.waitFor();
    await windowChange.getByRole('button', { name: 'Annuler cette modification' }).click();
    await windowChange.getByRole('button', { name: 'Oui, annuler' }).click();
    await page.locator('#history-status.ok, #changes .status.failed').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#history-status').innerText()).toMatch(/^Fait\./);
    await page.locator('#changes > li.change').first().filter({ hasText: /Restauration/ }).waitFor();
    expect(await checkOldKbis(app)).toMatch(/plus de 3 mois/);
    expect(errors).toEqual([]);
  }, 120_000);

  it('adds an upcoming purchase: a past month and a department in words are marked on their fields, the organisation is offered by name, and the new page says « Enregistré »', async () => {
    await page.goto(`${base}/admin#/c/upcoming/nouveau`);
    expect(await field(page, '/status', 'select').inputValue()).toBe('UPCOMING');
    await field(page, '/slug', 'input').fill('chu-nimes-blanchisserie-2027');
    await page.locator('#save').click();
    await page.locator('[data-path="/title"] .field-problem-text', { hasText: 'obligatoire — remplissez ce champ.' }).waitFor();
    await field(page, '/title', 'input').fill('Blanchisserie hospitalière');
    await field(page, '/buyer/name', 'input').fill('CHU de Nîmes');
    const organisation = field(page, '/buyer/organisationId', 'input');
    const offered = await page.locator(`datalist#${await organisation.getAttribute('list')} option[value="ha30-chu-nimes"]`).getAttribute('label');
    expect(offered).toBe('CHU de Nîmes');
    await organisation.fill('ha30-chu-nimes');
    await field(page, '/cpv').fill('98310000');
    await field(page, '/departments').fill('Gard');
    await page.locator('#save').click();
    await page.locator('[data-path="/departments"] .field-problem-text', { hasText: /ligne 1, « Gard » : un numéro de département/ }).waitFor();
    await field(page, '/departments').fill('30');
    await field(page, '/expectedPublicationDate', 'input').fill('2020-06');
    await page.locator('#save').click();
    await page.locator('[data-path="/expectedPublicationDate"] .field-problem-text', { hasText: /déjà passé/ }).waitFor();
    await field(page, '/expectedPublicationDate', 'input').fill('2099-06');
    await page.locator('#save').click();
    await page.waitForURL(/#\/c\/upcoming\/r\/chu-nimes-blanchisserie-2027$/);
    expect(await page.locator('#saved').innerText()).toMatch(/^Enregistré\. Achat à venir « Blanchisserie hospitalière » créé/);
    // Saved, its short identifier is the record's name: shown, not editable (a new one would be another purchase).
    expect(await field(page, '/slug', 'input').isDisabled()).toBe(true);
    expect(await field(page, '/slug', 'input').inputValue()).toBe('chu-nimes-blanchisserie-2027');
    // The same identifier again: said once, in one sentence with its way out.
    await page.goto(`${base}/admin#/c/upcoming/nouveau`);
    await field(page, '/slug', 'input').fill('chu-nimes-blanchisserie-2027');
    await field(page, '/title', 'input').fill('Blanchisserie hospitalière, second lot');
    await field(page, '/buyer/name', 'input').fill('CHU de Nîmes');
    await field(page, '/cpv').fill('98310000');
    await field(page, '/departments').fill('30');
    await page.locator('#save').click();
    const refusal = page.getByText(/existe déjà dans Achats à venir/);
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('« chu-nimes-blanchisserie-2027 » existe déjà dans Achats à venir : choisissez un autre identifiant, ou modifiez l’existant.');
  }, 60_000);

  it('adds a buyer account, refuses a short password in French, gives a new password and removes the account', async () => {
    await page.goto(`${base}/admin#/comptes`);
    await page.locator('#accounts tr[data-login="paul.cci"]').waitFor();
    await page.locator('#new-login').fill('claire.martin');
    await page.locator('#new-role').selectOption('buyer');
    await page.locator('#new-name').fill('Claire Martin');
    // The organisation is chosen by its name from the club's directory.
    await page.locator('#new-org').selectOption({ label: 'Nîmes Métropole (communauté d\'agglomération)' });
    await page.locator('#new-password').fill('trop court');
    await page.getByRole('button', { name: 'Ajouter le compte' }).click();
    await page.locator('#account-form .status.failed').waitFor();
    expect(await page.locator('#account-form .status.failed').innerText()).toMatch(/12 caractères/);
    await page.locator('#new-password').fill('les jardins de la fontaine');
    await page.getByRole('button', { name: 'Ajouter le compte' }).click();
    const row = page.locator('#accounts tr[data-login="claire.martin"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Claire Martin\s+Acheteur du club\s+Nîmes Métropole \(communauté d'agglomération\)/);
    await page.screenshot({ path: path.join(OUTPUT, 'comptes.png'), fullPage: true });

    await row.getByRole('button', { name: 'Nouveau mot de passe' }).click();
    await row.locator('input[type="password"]').fill('un autre matin aux arènes');
    await row.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText(/^Mot de passe de claire\.martin changé/).waitFor();
    // The adviser cannot remove their own account from here.
    expect(await page.locator('#accounts tr[data-login="paul.cci"]').getByRole('button', { name: 'Supprimer' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Supprimer' }).click();
    await row.getByRole('button', { name: 'Oui, supprimer' }).click();
    await page.getByText(/^Compte claire\.martin supprimé/).waitFor();
    expect(await page.locator('#accounts tr[data-login="claire.martin"]').count()).toBe(0);
  }, 60_000);

  it('shows in red on the home a file edit the live reload refused, with its file and problem', async () => {
    const file = path.join(knowledgeDir, 'messages.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('"locale": "fr-FR"', '"locale": "français"'));
    try {
      expect((await app.knowledge.reloadNow('file')).applied).toBe(false);
      await page.goto(`${base}/admin#/historique`);
      await page.goto(`${base}/admin#/`);
      const refusals = page.locator('#live-refusals');
      await refusals.waitFor();
      expect(await refusals.innerText()).toMatch(/messages\.json — \/locale : /);
      await page.screenshot({ path: path.join(OUTPUT, 'accueil-refus.png'), fullPage: true });
    } finally {
      writeFileSync(file, good);
      await app.knowledge.reloadNow('file');
    }
  }, 60_000);

  it('keeps approved and refused proposals in view under « Décisions récentes », months in French', async () => {
    await page.goto(`${base}/admin#/`);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    // Two proposals sent and decided through the API, as the page's own module sends them.
    const decided = await page.evaluate(async () => {
      const { api, startSession } = await import('/web/admin/api.js' as string);
      await startSession();
      const propose = (title: string) => api.send('POST', '/api/insights/proposals', { title, nature: 'SERVICES', cpv: ['98310000'], departments: ['30'], expectedPublicationDate: '2027-02', buyer: { organisationId: 'ha30-chu-nimes' } });
      const first = await propose('Nettoyage des vitres du CHU');
      const second = await propose('Gardiennage du parking du CHU');
      const approved = await api.send('POST', `/api/knowledge/proposals/${first.body.id}/approve`, {});
      const refused = await api.send('POST', `/api/knowledge/proposals/${second.body.id}/reject`, { reason: 'Déjà annoncé par le CHU.' });
      const waiting = await propose('Entretien des espaces verts du CHU');
      return [first.status, second.status, approved.status, refused.status, waiting.status];
    });
    expect(decided).toEqual([201, 201, 200, 200, 201]);
    await page.goto(`${base}/admin#/propositions`);
    const recent = page.locator('[data-proposals="decided"] li[data-status]');
    await recent.first().waitFor();
    expect(await recent.count()).toBe(2);
    const text = await page.locator('[data-proposals="decided"]').innerText();
    expect(text).toMatch(/Gardiennage du parking du CHU\s+Refusé le \d{2}\/\d{2}\/\d{4} par paul\.cci — proposé par paul\.cci\s+Motif : Déjà annoncé par le CHU\./);
    expect(text).toMatch(/Nettoyage des vitres du CHU\s+Approuvé le/);
    const pending = await page.locator('[data-proposals="pending"]').innerText();
    expect(pending).not.toMatch(/Nettoyage|Gardiennage/);
    expect(pending).toMatch(/Entretien des espaces verts du CHU[\s\S]*publication prévue : février 2027/);
    await page.screenshot({ path: path.join(OUTPUT, 'propositions-decisions.png'), fullPage: true });
  }, 60_000);

  it('is readable on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}${SETTINGS}`);
    await field(page, '/kbisMaxAgeMonths', 'input').waitFor();
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(OUTPUT, 'telephone-reglages.png'), fullPage: true });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Historique des modifications' }).waitFor();
    // The gaps to answer are on the dashboard: the menu leads there.
    expect(await page.getByRole('link', { name: 'Questions sans réponse (tableau de bord)' }).getAttribute('href')).toBe('/acheteurs');
    // Accounts on a phone: every button within the screen.
    await page.goto(`${base}/admin#/comptes`);
    const button = page.locator(`#accounts tr[data-login="${ADVISER.login}"]`).getByRole('button', { name: 'Nouveau mot de passe' });
    await button.waitFor();
    const box = await button.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  }, 60_000);
});
