import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { formatSize } from '../../src/attachments/formatSize';
import { LINES, pdf, zip } from '../fixtures/documents';
import { startTestApp, type TestApp } from '../support/startTestApp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The real widget in a real browser: what a SME sees at http://localhost:3978.
describe('Web Chat page in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const work = mkdtempSync(path.join(tmpdir(), 'ha30-browser-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(app.url.replace('localhost', '127.0.0.1'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the welcome card with the four goals, in French', async () => {
    await expect(page.title()).resolves.toContain('Assistant HA30');
    await page.getByText(/Bienvenue sur l['’]assistant HA30/).first().waitFor({ timeout: 20_000 });
    for (const goal of ['Vérifier mon dossier de candidature', 'Trouver des marchés pour mon entreprise', 'Poser une question', 'Contacter le club HA30 / la CCI']) {
      await page.getByRole('button', { name: goal }).first().waitFor();
    }
    await page.getByText(/effacés au plus tard 30 minutes/).first().waitFor();
  });

  it('on a phone, leaves the height to the conversation and shows each goal in full', async () => {
    const phone = await browser.newPage({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(app.url.replace('localhost', '127.0.0.1'));
      await phone.getByRole('button', { name: 'Trouver des marchés pour mon entreprise' }).first().waitFor({ timeout: 20_000 });
      const layout = await phone.evaluate(() => {
        interface Box { scrollWidth: number; clientWidth: number; textContent: string | null; getBoundingClientRect(): { height: number }; querySelectorAll(selector: string): Iterable<Box> }
        const doc = (globalThis as unknown as { document: { querySelector(selector: string): Box | null; querySelectorAll(selector: string): Iterable<Box> } }).document;
        const height = (selector: string) => doc.querySelector(selector)!.getBoundingClientRect().height;
        const cut = [...doc.querySelectorAll('#webchat .ac-pushButton')]
          .filter((button) => button.scrollWidth > button.clientWidth + 1 || [...button.querySelectorAll('div')].some((div) => div.scrollWidth > div.clientWidth + 1))
          .map((button) => button.textContent);
        return { chat: height('#webchat'), header: height('header'), footer: height('footer'), cut };
      });
      // Before: a two-line header and a four-line privacy footer took a fifth of the screen.
      expect(layout.chat).toBeGreaterThan(0.85 * 844);
      expect(layout.cut).toEqual([]);
      await phone.getByText(/fichiers effacés au plus tard 30 minutes après l['’]envoi, statistiques anonymes/).first().waitFor();
    } finally {
      await phone.close();
    }
  });

  const say = async (text: string) => {
    const input = page.locator('[data-id="webchat-sendbox-input"]').first();
    await input.fill(text);
    await input.press('Enter');
  };

  it('starts a goal from the card and answers typed messages', async () => {
    await page.getByRole('button', { name: 'Contacter le club HA30 / la CCI' }).first().click();
    await page.getByText(/Médiateur des entreprises intervient/).first().waitFor({ timeout: 15_000 });
    await say('je veux vérifier mon dossier');
    await page.getByText(/Où en êtes-vous/).first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Je prépare mon dépôt' }).first().click();
    await page.getByText(/date limite de remise/).first().waitFor({ timeout: 15_000 });
    await say('je sais pas');
    await page.getByText(/travaux, de fournitures ou de services/).first().waitFor({ timeout: 15_000 });
    await say('travaux');
    await page.getByText(/Déposez maintenant vos fichiers/).first().waitFor({ timeout: 15_000 });
  });

  it('uploads a small dossier, sees it acknowledged by name and size, then the report cards', async () => {
    const kbis = await zip({ 'kbis-societe.pdf': await pdf(LINES.kbis('3 mars 2026')), 'DC1.pdf': await pdf(LINES.dc1(false, '2')) });
    const file = path.join(work, 'mon dossier.zip');
    writeFileSync(file, kbis);
    await page.locator('input[type="file"]').first().setInputFiles(file);
    // Web Chat 4.18 attaches the file to the send box; the user then presses "Envoyer".
    const send = page.getByRole('button', { name: /Envoyer/ });
    if (await send.count()) await send.first().click();
    const size = formatSize(kbis.length).replace(/\s/g, '\\s');
    await page.getByText(new RegExp(`J['’]ai bien reçu «\\s?mon dossier\\.zip\\s?» \\(${size}\\)`)).first().waitFor({ timeout: 20_000 });
    await page.getByText(/Résultat de la vérification des 2 pièces/).first().waitFor({ timeout: 20_000 });
    await page.getByText(/À régulariser \(\d+\)/).first().waitFor({ timeout: 10_000 });
    await page.getByText(/la case de la rubrique F1/).first().waitFor({ timeout: 10_000 });
    await page.getByText(/Conseil \(\d+\)/).first().waitFor({ timeout: 10_000 });
    await page.getByText(/«\s?kbis-societe\.pdf\s?» — Extrait Kbis — est à jour au 03\/03\/2026/).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(work, 'report.png') });
  });
});
