import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The sign-in page in a real browser (its script runs under the real CSP).
describe('sign-in page in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium`);
    app = await startTestApp();
    base = app.url.replace('localhost', '127.0.0.1');
    await addAccounts(app.config.dataDir, [BUYER, CCI]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.cleanup();
  });

  const fresh = async (): Promise<Page> => (await browser.newContext({ locale: 'fr-FR' })).newPage();
  const fill = async (page: Page, login: string, password: string) => {
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  };

  it('sends a visitor of /acheteurs to sign in, shows a wrong password in French, then brings the buyer back', async () => {
    const page = await fresh();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${base}/acheteurs`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await page.getByText('Connectez-vous pour accéder à cette page.').waitFor();
    await fill(page, BUYER.login, 'pas le bon mot de passe');
    await page.getByRole('alert').getByText('Identifiant ou mot de passe incorrect.').waitFor();
    await expect(page.getByLabel('Mot de passe').inputValue()).resolves.toBe('');
    await fill(page, BUYER.login, BUYER.password);
    await page.waitForURL(`${base}/acheteurs`);
    await page.getByText(/Connecté en tant que Marie Dupont \(marie\.dupont\) — Nîmes Métropole/).waitFor();
    await page.getByRole('heading', { name: 'Tableau de bord des acheteurs du club HA30' }).waitFor();

    await page.goto(`${base}/admin`);
    await page.getByText('Accès refusé').waitFor();
    await page.getByText(/réservée au personnel de la CCI/).waitFor();

    await page.goto(`${base}/acheteurs`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
    await page.goto(`${base}/acheteurs`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    // The CSP let the page's own script run and nothing else was needed (a refused inline script would log an
    // error); the 401 of « who am I » before sign-in and the 403 of /admin are expected.
    expect(errors.filter((text) => !/status of 40[13]/.test(text))).toEqual([]);
  }, 60_000);

  it('never follows a way back that leads to another site', async () => {
    for (const attack of ['//evil.example/acheteurs', '/\\evil.example', 'https://evil.example/', 'javascript:alert(document.cookie)']) {
      const page = await fresh();
      await page.goto(`${base}/connexion?retour=${encodeURIComponent(attack)}`);
      await fill(page, BUYER.login, BUYER.password);
      await page.waitForURL(`${base}/acheteurs`);
      await page.context().close();
    }
  }, 60_000);

  it('sends CCI staff to /admin by default, and to the page they asked for otherwise', async () => {
    const page = await fresh();
    await page.goto(`${base}/connexion`);
    await fill(page, CCI.login, CCI.password);
    await page.waitForURL(`${base}/admin`);
    const asked = await fresh();
    await asked.goto(`${base}/acheteurs?periode=2026-11`);
    await fill(asked, CCI.login, CCI.password);
    await asked.waitForURL(`${base}/acheteurs?periode=2026-11`);
  }, 60_000);
});
