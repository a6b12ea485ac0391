import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { GapStore } from '../../src/store/GapStore';
import { LINES, pdf, zip } from '../fixtures/documents';
import { freezeDate } from '../support/clock';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
/** Git-ignored: the screenshots stay for whoever wants to look at the page. */
const OUTPUT = path.join(ROOT, 'test-output', 'dashboard');

// The example tenders of knowledge/tenders are open on this day; the browser's clock is set to it too.
const NOW = '2026-12-02T10:00:00Z';
freezeDate(NOW);

const BUYER = { login: 'claire.martin', name: 'Claire Martin', org: 'ha30-nimes-metropole', password: 'les arènes au petit matin' };
/** Nîmes Métropole's example tender published on 18 November: old enough to judge its interest. */
const NIMES_TENDER = { id: 'example:nimes-metropole-nettoyage-locaux', title: 'Nettoyage des locaux administratifs de Nîmes Métropole' };
/** Questions about the site visit, which the FAQ does not answer: one cluster of gaps. */
const VISIT_QUESTIONS = ['la visite de site est obligatoire ? je n ai pas pu y aller', 'Visite obligatoire ratée : mon offre est-elle éliminée ?', 'visite du site obligatoire manquée, que faire ? rappelez moi au 06 12 34 56 78'];
const ATTACK = '<img src=x onerror="document.title=\'pwned\'"> pourquoi mon offre est rejetée ?';

/** `npm run users -- add …` as a newcomer types it (dist/ is built by jest's global setup). */
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

/** An SME checks its dossier in the chat, through the local Direct Line as the Web Chat does. */
async function checkDossier(app: TestApp, files: Record<string, Buffer>): Promise<void> {
  const sme = await DirectLineClient.start(app.url);
  await sme.say('je veux vérifier mon dossier');
  await sme.botSays(/Où en êtes-vous/, 15_000);
  await sme.say('Je prépare mon dépôt');
  await sme.botSays(/date limite de remise/, 15_000);
  await sme.say('je sais pas');
  await sme.botSays(/travaux, de fournitures ou de services/, 15_000);
  await sme.say('travaux');
  await sme.botSays(/Déposez maintenant vos fichiers/, 15_000);
  await sme.upload([{ name: 'dossier.zip', bytes: await zip(files), type: 'application/zip' }]);
  await sme.botSays(/Résultat de la vérification/, 30_000);
}

/** Any Adaptive Card action with this id among the bot's activities of the conversation, the last one first. */
async function lastAction(app: TestApp, sme: DirectLineClient, id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${app.url}/v3/directline/conversations/${sme.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${sme.token}` } });
  const { activities } = (await response.json()) as { activities: { from?: { role?: string }; attachments?: { content?: unknown }[] }[] };
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.id === id && record.data && typeof record.data === 'object') found.push(record.data as Record<string, unknown>);
      Object.values(record).forEach(visit);
    }
  };
  for (const activity of activities.filter((one) => one.from?.role === 'bot')) visit(activity.attachments?.map((attachment) => attachment.content));
  if (!found.length) throw new Error(`no button ${id} in the conversation`);
  return found.at(-1)!;
}

/**
 * An SME of the Gard in the chat, through the local Direct Line as the Web Chat talks: describes its
 * trade and gets its tenders (the search counts it among those who saw them), asks the FAQ two
 * questions and answers « Cette réponse vous a aidé ? », and asks a question the FAQ cannot answer.
 */
async function smeInTheChat(app: TestApp, unknownQuestion: string): Promise<void> {
  const sme = await DirectLineClient.start(app.url);
  await sme.botSays(/./, 15_000);
  const turn = async (text: string, until: RegExp) => {
    await sme.say(text);
    await sme.botSays(until, 15_000);
  };
  await turn('je fais du nettoyage de bureaux à Nîmes, quels marchés pour moi ?', /Oui, garder ces domaines/);
  await turn('oui', /Combien de salariés/);
  await turn('4 salariés, CA 200 k€', /qualifications ou certifications/);
  await turn('aucune', /travaux, des fournitures ou des services/);
  await turn('Services', /Nettoyage des locaux administratifs de Nîmes Métropole/);
  await turn('combien de temps est valable un extrait Kbis ?', /Cette réponse vous a aidé/);
  await sme.say('', { value: await lastAction(app, sme, 'faqNotHelpful') });
  await sme.botSays(/Désolé que cette réponse ne vous ait pas aidé/, 15_000);
  await turn('comment déposer ma facture sur Chorus Pro', /Cette réponse vous a aidé/);
  await sme.say('', { value: await lastAction(app, sme, 'faqHelpful') });
  await sme.botSays(/Merci pour votre retour/, 15_000);
  await turn(unknownQuestion, /Je ne connais pas encore la réponse à cette question/);
}

/** What the page's scripts see, typed here (the tests are compiled without the DOM library). */
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } } | null;
}
interface PageGlobals {
  Chart: { getChart(canvas: PageCanvas): { data: { datasets: { data: (number | null)[] }[] } } | undefined };
  document: { getElementById(id: string): PageCanvas | null; documentElement: { scrollWidth: number } };
  innerWidth: number;
}

interface ChartSeen {
  id: string;
  chart: boolean;
  values: number;
  painted: number;
}

// What the issue's « done when » says, in a real browser: a buyer created with the users command
// signs in and sees, drawn, what SMEs did in the chat a moment before.
describe('buyers’ dashboard in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
    mkdirSync(OUTPUT, { recursive: true });
    app = await startTestApp();
    base = app.url.replace('localhost', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.clock.setFixedTime(new Date(NOW));
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.cleanup();
  });

  it('creates the buyer account with the users command', async () => {
    const run = await users(['add', '--role', 'buyer', '--login', BUYER.login, '--name', BUYER.name, '--org', BUYER.org], app.config.dataDir, `${BUYER.password}\n`);
    expect(run).toEqual({ code: 0, stderr: '' });
  });

  it('gets its data from SMEs in the chat', async () => {
    // Two bid checks in the chat: an unticked DC1 and an old URSSAF certificate, then the same DC1 again.
    await checkDossier(app, { 'kbis-societe.pdf': await pdf(LINES.kbis('3 novembre 2026')), 'DC1.pdf': await pdf(LINES.dc1(false, '2')), 'urssaf.pdf': await pdf(LINES.urssaf('2 avril 2026')) });
    await checkDossier(app, { 'DC1.pdf': await pdf(LINES.dc1(false, '1')) });
    // Three cleaning firms of Nîmes: each sees Nîmes Métropole's tender in its results (and opens
    // none), finds the Kbis answer unhelpful and the Chorus Pro one helpful, and asks about the site
    // visit, which the FAQ does not cover — one of them leaving a phone number in it.
    for (const question of VISIT_QUESTIONS) await smeInTheChat(app, question);
    // A question holding markup, written past the recorder (which would have removed it): the one
    // thing the chat cannot produce, an old or hand-edited log line.
    const store = new GapStore(app.config.dataDir);
    await store.append({ at: new Date().toISOString(), kind: 'UNANSWERED', question: ATTACK, channel: 'webchat', topicGuess: null, confidence: 0 });
    await store.flush();
  }, 240_000);

  it('signs the buyer in at /connexion and draws every chart with data', async () => {
    await page.goto(`${base}/acheteurs`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await page.getByLabel('Identifiant').fill(BUYER.login);
    await page.getByLabel('Mot de passe').fill(BUYER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/acheteurs`);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    await page.getByText(/^Connecté en tant que Claire Martin \(claire\.martin\) — Nîmes Métropole/).waitFor();

    const charts = await page.evaluate((ids) => {
      const page = globalThis as unknown as PageGlobals;
      return ids.map((id): ChartSeen => {
        const canvas = page.document.getElementById(id)!;
        const chart = page.Chart.getChart(canvas);
        const values = chart ? chart.data.datasets.flatMap((dataset) => dataset.data).filter((value) => typeof value === 'number' && value > 0).length : 0;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        return { id, chart: Boolean(chart), values, painted };
      });
    }, ['chart-gap-clusters', 'chart-gap-weeks', 'chart-rejections', 'chart-satisfaction', 'chart-tenders']);
    for (const seen of charts) {
      expect(seen).toMatchObject({ id: seen.id, chart: true });
      expect([seen.id, seen.values > 0, seen.painted > 1000]).toEqual([seen.id, true, true]);
    }

    // The figures of the chat turns above, in words.
    await expect(page.locator('#figure-checks').textContent()).resolves.toBe('2');
    // Three site-visit questions, three « Non » to the Kbis answer (each a gap for the buyers), the markup.
    await expect(page.locator('#figure-gaps').textContent()).resolves.toBe('7');
    await expect(page.locator('#figure-satisfaction').textContent()).resolves.toBe('50 %');
    await page.locator('#rejection-sentences').getByText('1 dossier sur 2 a ce problème\u00a0: attestation de vigilance trop ancienne').waitFor();
    const visit = page.locator('#gap-clusters > li', { hasText: /visite/i }).first();
    await expect(visit.locator('.meta').textContent()).resolves.toMatch(/^3 questions · 02\/12\/2026 · Sans réponse : 3$/);
    await expect(visit.locator('ul li').count()).resolves.toBe(2);
    // The example questions as the SMEs typed them, the phone number scrubbed.
    const asked = [await visit.locator('.question').textContent(), ...(await visit.locator('ul li').allTextContents())];
    expect(asked.sort()).toEqual([VISIT_QUESTIONS[0], VISIT_QUESTIONS[1], 'visite du site obligatoire manquée, que faire ? rappelez moi au [téléphone]'].sort());
    const kbis = page.locator('#gap-clusters > li', { hasText: 'combien de temps est valable un extrait Kbis ?' }).first();
    await expect(kbis.locator('.meta').textContent()).resolves.toMatch(/^3 questions · 02\/12\/2026 · Réponse jugée inutile : 3$/);
    await page.getByText('Réunion du club HA30 (acheteurs du Gard)').waitFor();
  }, 60_000);

  it('shows a question holding markup as the characters it is', async () => {
    await page.locator('#gap-clusters').getByText(ATTACK, { exact: true }).waitFor();
    expect(await page.locator('#gap-clusters img, main img').count()).toBe(0);
    expect(await page.title()).toBe('Tableau de bord des acheteurs — club HA30');
  });

  it('highlights the tender no local SME took up, and lets its buyer flag it', async () => {
    const row = page.locator('#tender-table tbody tr', { hasText: NIMES_TENDER.title });
    await expect(row.getAttribute('class')).resolves.toBe('no-interest');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('3');
    await row.getByText('Aucune PME locale intéressée').waitFor();
    await row.getByRole('button', { name: 'Signaler : peu ou pas de réponses locales' }).click();
    await row.getByText('Signalé', { exact: true }).waitFor();
    await page.locator('[data-status="tenders"]').getByText(/signalé : les PME abonnées aux alertes dont le profil lui correspond vont recevoir un message de l’assistant\.$/).waitFor();
    await row.getByRole('button', { name: 'Retirer le signalement' }).waitFor();
    expect((await app.tenderInterest.flags()).map((flag) => [flag.tenderId, flag.organisationId])).toEqual([[NIMES_TENDER.id, BUYER.org]]);
  });

  it('offers no link to /admin to a buyer', async () => {
    expect(await page.getByRole('link', { name: 'Administration des connaissances' }).isVisible()).toBe(false);
  });

  it('refuses « cent mille » as an amount under its field, in words, before sending the proposal', async () => {
    const form = page.locator('#proposal-form');
    await form.locator('[name="title"]').fill('Fourniture de mobilier scolaire');
    await form.locator('[name="amount"]').fill('cent mille');
    await form.locator('[name="durationMonths"]').fill('douze');
    await form.getByRole('button', { name: 'Proposer cet achat' }).click();
    await form.getByText('« cent mille » n’est pas un montant : écrivez-le en chiffres, par exemple 150 000.').waitFor();
    await form.getByText('« douze » n’est pas un nombre de mois : écrivez-le en chiffres, par exemple 12.').waitFor();
    expect(await form.innerText()).not.toMatch(/null/);
    await form.locator('[name="amount"]').fill('');
    await form.locator('[name="durationMonths"]').fill('');
    await form.locator('[name="title"]').fill('');
  });

  it('says every mistake of a proposal under its field in one submit, and sends nothing until they are corrected', async () => {
    const form = page.locator('#proposal-form');
    const posted: string[] = [];
    const watch = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/insights/proposals') posted.push(request.url());
    };
    page.on('request', watch);
    await form.locator('[name="title"]').fill('Mobilier <b>urgent</b> des écoles');
    await form.locator('[name="cpv"]').fill('plomberie');
    await form.locator('[name="departments"]').fill('30, Gard');
    await form.locator('[name="expectedPublicationDate"]').fill('2026-10');
    await form.locator('[name="amount"]').fill('cent mille');
    await form.getByRole('button', { name: 'Proposer cet achat' }).click();
    const under = async (name: string) => (await form.locator(`label:has([name="${name}"]) .field-error`).allInnerTexts()).join(' | ');
    await form.locator('.field-error').first().waitFor();
    expect({
      title: await under('title'),
      cpv: await under('cpv'),
      departments: await under('departments'),
      expectedPublicationDate: await under('expectedPublicationDate'),
      amount: await under('amount'),
    }).toEqual({
      title: 'contient du HTML (« <b> »), que le chat afficherait tel quel : écrivez du texte simple, sans balises ni entités.',
      cpv: '« plomberie » : un code CPV de 8 chiffres, sans le chiffre de contrôle (45330000).',
      departments: '« Gard » : un numéro de département à deux chiffres (30, 07), 2A, 2B, ou 971 à 976.',
      expectedPublicationDate: '« 2026-10 » est déjà passé : indiquez le mois ou le jour prévu, à venir (une faute de frappe sur l’année ?).',
      amount: '« cent mille » n’est pas un montant : écrivez-le en chiffres, par exemple 150 000.',
    });
    await expect(page.locator('#proposal-message').innerText()).resolves.toBe('La proposition n’a pas été envoyée : corrigez les champs signalés.');
    expect(posted).toEqual([]);

    // Corrected, it goes: one request, listed as awaiting the CCI.
    await form.locator('[name="title"]').fill('Mobilier des écoles');
    await form.locator('[name="cpv"]').fill('39160000');
    await form.locator('[name="departments"]').fill('30');
    await form.locator('[name="expectedPublicationDate"]').fill('2027-03');
    await form.locator('[name="amount"]').fill('100 000');
    await form.getByRole('button', { name: 'Proposer cet achat' }).click();
    await page.locator('#proposal-message').getByText(/Proposition envoyée/).waitFor();
    expect(await form.locator('.field-error').count()).toBe(0);
    await page.locator('#proposal-list li', { hasText: 'Mobilier des écoles' }).getByText('En attente de la CCI').waitFor();
    expect(posted).toHaveLength(1);
    page.off('request', watch);
  }, 60_000);

  it('downloads the gaps as a CSV a French Excel opens', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv-gaps').click()]);
    expect(download.suggestedFilename()).toMatch(/^ha30-questions-sans-reponse_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFQuestion représentative;Autres formulations;Nombre de questions;Première fois;Dernière fois;Motifs;Sujets de la FAQ les plus proches;Par semaine');
    expect(text).toContain(VISIT_QUESTIONS[1]);
    expect(text).toContain('rappelez moi au [téléphone]');
    expect(text).not.toMatch(/06 12 34/);
  });

  it('downloads the club digest of the month, with the month’s figures in it', async () => {
    await page.getByLabel('Mois', { exact: true }).fill('2026-12');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le bulletin (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('ha30-bulletin-2026-12.pdf');
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toMatch(/décembre 2026/);
    expect(text).toContain('Sur 2 dossiers vérifiés ce mois-ci');
    expect(text).toMatch(/visite/);
    expect(text).toContain(NIMES_TENDER.title);
    // A month that has not begun: the server's French reason, on the page.
    await page.getByLabel('Mois', { exact: true }).fill('2027-02');
    await page.getByRole('button', { name: 'Télécharger le bulletin (PDF)' }).click();
    await page.getByRole('alert').getByText(/Le mois 2027-02 n’a pas encore commencé/).waitFor();
  }, 60_000);

  it('filters by period, and stays readable on a phone', async () => {
    await page.screenshot({ path: path.join(OUTPUT, 'acheteurs-ordinateur.png'), fullPage: true });
    // A period with no chat in it: the charts give way to a sentence.
    await page.getByLabel('Du', { exact: true }).fill('2026-06-01');
    await page.getByLabel('Au', { exact: true }).fill('2026-06-30');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByText('Aucune question restée sans réponse sur cette période.').waitFor();
    await expect(page.locator('#figure-checks').textContent()).resolves.toBe('0');
    // Each figure reads as a number and its noun: « 0 avis … », not « — réponses jugées utiles ».
    const figures = await page.locator('.figures .figure').allInnerTexts();
    expect(figures.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['0 question restée sans réponse satisfaisante', '0 dossier de candidature vérifié', '0 avis sur les réponses de la FAQ']);
    expect(new URL(page.url()).search).toBe('?from=2026-06-01&to=2026-06-30');
    await expect(page.locator('#csv-gaps').getAttribute('href')).resolves.toBe('/api/insights/gaps.csv?from=2026-06-01&to=2026-06-30');
    await page.getByRole('button', { name: 'Les 3 derniers mois' }).click();
    await page.locator('#gap-clusters > li').first().waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return page.document.documentElement.scrollWidth - page.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(OUTPUT, 'acheteurs-telephone.png'), fullPage: true });
    expect(existsSync(path.join(OUTPUT, 'acheteurs-ordinateur.png'))).toBe(true);
    // The CSP let the page's own scripts and chart.js run and refused nothing (a refused inline script
    // logs an error); the 401 of the sign-in page's « who am I » before signing in and the 422 of the
    // digest of a month to come are expected.
    expect(errors.filter((text) => !/status of (401|422)/.test(text))).toEqual([]);
  }, 60_000);
});
