import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { formatSize } from '../../src/attachments/formatSize';
import { smallPdf } from '../fixtures/smallPdf';
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

  it('starts a goal from the card and answers a typed message', async () => {
    await page.getByRole('button', { name: 'Contacter le club HA30 / la CCI' }).first().click();
    await page.getByText(/Médiateur des entreprises intervient/).first().waitFor({ timeout: 15_000 });
    const input = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
    await input.fill('je veux vérifier mon dossier');
    await input.press('Enter');
    await page.getByText(/Déposez ici vos fichiers/).first().waitFor({ timeout: 15_000 });
  });

  it('uploads a small PDF and sees the bot acknowledge it by name and size', async () => {
    const pdf = await smallPdf(['Attestation de vigilance', 'URSSAF Languedoc-Roussillon']);
    const file = path.join(work, 'attestation-vigilance.pdf');
    writeFileSync(file, pdf);
    await page.locator('input[type="file"]').first().setInputFiles(file);
    // Web Chat 4.18 attaches the file to the send box; the user then presses "Envoyer".
    const send = page.getByRole('button', { name: /Envoyer/ });
    if (await send.count()) await send.first().click();
    const size = formatSize(pdf.length).replace(/\s/g, '\\s');
    await page.getByText(new RegExp(`J['’]ai bien reçu « attestation-vigilance\\.pdf » \\(${size}\\)`)).first().waitFor({ timeout: 20_000 });
  });
});
