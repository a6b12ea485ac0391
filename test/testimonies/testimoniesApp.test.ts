import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TESTIMONIES_FILE } from '../../src/store/TestimonyStore';
import { addAccounts, BUYER } from '../accounts/support';
import { signedIn } from '../server/web/support';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp } from '../support/startTestApp';

describe('the running app and the testimonies', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-testimonies-app-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('purges testimonies past TESTIMONY_RETENTION_MONTHS at start, and keeps one given in the web chat, scrubbed, for the dashboard and the digest', async () => {
    const file = path.join(dataDir, TESTIMONIES_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    const now = new Date();
    const recent = new Date(now.getFullYear(), now.getMonth() - 2, 15).toISOString().slice(0, 7);
    writeFileSync(file, `${JSON.stringify({ month: '2020-03', text: 'Un vieux témoignage.' })}\n${JSON.stringify({ month: recent, text: 'Un témoignage récent.', sizeBand: '1-9' })}\n`);
    const app = await startTestApp({ TESTIMONY_RETENTION_MONTHS: '6' }, dataDir);
    try {
      expect((await app.testimonies.list()).map((testimony) => testimony.text)).toEqual(['Un témoignage récent.']);
      const sme = await DirectLineClient.start(app.url);
      const turn = async (text: string, until: RegExp) => {
        await sme.say(text);
        return (await sme.botSays(until)).join('\n');
      };
      expect(await turn('bonjour', /Témoigner auprès du club/)).toContain('Témoigner auprès du club');
      expect(await turn('je voudrais témoigner', /Êtes-vous d'accord/)).toContain('effacé au bout de 6 mois');
      await turn('oui', /Racontez-moi/);
      await turn("Je m'appelle Paul Roux, 06 11 22 33 44. Le marché de voirie demandait trois références, nous n'en avions que deux : il faudrait accepter des références privées.", /métier/);
      await turn('paysagiste', /salariés/);
      const shown = await turn('3 salariés', /Je l'enregistre/);
      expect(shown).toContain('Métier : paysagiste — taille : 1 à 9 salariés.');
      expect(shown).not.toMatch(/Paul|Roux|06 11/);
      await turn("Oui, l'enregistrer", /Votre témoignage est enregistré/);
      const [given, older] = await app.testimonies.list();
      expect(given).toEqual({ text: expect.stringContaining('il faudrait accepter des références privées'), trade: 'paysagiste', sizeBand: '1 à 9 salariés', at: expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\.000Z$/) });
      expect(older).toMatchObject({ text: 'Un témoignage récent.', sizeBand: '1 à 9 salariés' });
      // What a buyer reads on the dashboard: the same, by month, as JSON and as CSV.
      await addAccounts(dataDir, [BUYER]);
      const buyer = await signedIn(app.url, BUYER.login, BUYER.password);
      const read = (route: string) => fetch(`${app.url}${route}`, { headers: { cookie: buyer.cookie } });
      const json = (await (await read('/api/insights/testimonies')).json()) as { testimonies: { text: string; trade: string | null; sizeBand: string | null; month: string }[] };
      expect(json.testimonies[0]).toMatchObject({ text: given!.text, trade: 'paysagiste', sizeBand: '1 à 9 salariés', month: given!.at.slice(0, 7) });
      expect(JSON.stringify(json)).not.toMatch(/Paul|Roux|06 11/);
      const csv = await (await read('/api/insights/testimonies.csv')).text();
      expect(csv).toContain('paysagiste;1 à 9 salariés;');
    } finally {
      await app.cleanup();
    }
    const raw = readFileSync(file, 'utf8');
    expect(raw).toContain("Je m'appelle [nom], [téléphone].");
    expect(raw).not.toMatch(/Paul|Roux|2020-03|user-dl|directline|webchat/);
  });
});
