import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/startTestApp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A Web Chat tab left open while the assistant restarts: its conversation is gone on the server.
describe('Web Chat page after a restart of the assistant', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-restart-'));
  let app: TestApp | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await app?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says the conversation was interrupted and offers to reload, and the reloaded page chats again', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
    app = await startTestApp({}, dataDir);
    const port = new URL(app.url).port;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByText(/Bienvenue sur l['’]assistant HA30/).first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#lost').count()).toBe(0);

    await app.stop();
    app = await startTestApp({ PORT: port }, dataDir);
    await page.getByText(/La conversation a été interrompue/).first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Recharger la page' }).click();
    await page.getByText(/Bienvenue sur l['’]assistant HA30/).first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#lost').count()).toBe(0);
  });
});
