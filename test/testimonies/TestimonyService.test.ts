import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testimoniesOfMonth } from '../../src/insights/digest/testimoniesSection';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { TESTIMONIES_FILE, TestimonyStore } from '../../src/store/TestimonyStore';
import { sizeBandLabels, type TestimonyLogger, TestimonyService } from '../../src/testimonies';
import { KNOWLEDGE_DIR } from '../support/services';

const sizeLabel = sizeBandLabels(new Messages(loadKnowledge(KNOWLEDGE_DIR).messages));

function serviceAt(dataDir: string, now: string, logger?: TestimonyLogger): TestimonyService {
  return TestimonyService.open(dataDir, { retentionMonths: 24, sizeLabel, now: () => new Date(now), ...(logger ? { logger } : {}) });
}

describe('the testimony service', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-testimonies-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the text scrubbed, the trade and the size band, and the Paris month only', async () => {
    // 23:30 UTC on 31 October is already 1 November in Nîmes.
    const service = serviceAt(dataDir, '2026-10-31T23:30:00.000Z');
    const given = { text: 'Écrivez à sophie.durand@orange.fr ou au 04 66 12 34 56 : la signature électronique a bloqué notre offre.', trade: 'plombier', sizeBand: '1-9', conversationId: 'abc', user: 'Sophie Durand', channel: 'msteams' };
    expect(await service.record(given as never)).toBe(true);
    const line = readFileSync(path.join(dataDir, TESTIMONIES_FILE), 'utf8');
    expect(JSON.parse(line)).toEqual({ month: '2026-11', text: 'Écrivez à [courriel] ou au [téléphone] : la signature électronique a bloqué notre offre.', trade: 'plombier', sizeBand: '1-9' });
    expect(line).not.toMatch(/abc|Sophie|msteams|T23/);
  });

  it('refuses a text that says nothing, and a size band it does not know', async () => {
    const service = serviceAt(dataDir, '2026-11-10T10:00:00.000Z');
    expect(await service.record({ text: '<script>alert(1)</script>' })).toBe(false);
    expect(await service.record({ text: 'ok' })).toBe(false);
    expect(await service.record({ text: 'Trop de papiers pour un petit marché.', sizeBand: '250+' as never })).toBe(true);
    expect(await service.list()).toEqual([{ text: 'Trop de papiers pour un petit marché.', at: '2026-11-01T00:00:00.000Z' }]);
  });

  it('prepares the text once: what the SME was shown is what is kept, a firm named by its manager included', () => {
    const service = serviceAt(dataDir, '2026-11-10T10:00:00.000Z');
    const prepared = service.prepareText('Je suis gérant de Durand Frères SARL, SIRET 732 829 320 00074. Le DUME est trop long, il faudrait le pré-remplir.');
    expect(prepared).toEqual({ ok: true, trimmed: false, text: 'Je suis gérant de [entreprise] SARL, SIRET [SIRET]. Le DUME est trop long, il faudrait le pré-remplir.' });
    expect(prepared.ok && service.prepareText(prepared.text)).toEqual(prepared);
    expect(service.prepareText('Les pièces de Martin Plomberie SARL étaient complètes.')).toMatchObject({ text: 'Les pièces de [entreprise] SARL étaient complètes.' });
    // Institutions and places the scrubber knows are no firm.
    expect(service.prepareText('Je suis salarié de Nîmes Métropole et je vois des PME écartées.')).toMatchObject({ text: 'Je suis salarié de Nîmes Métropole et je vois des PME écartées.' });
  });

  it('trims a 10,000-character text to the limit and says it did; a text at the limit is whole', () => {
    const service = serviceAt(dataDir, '2026-11-10T10:00:00.000Z');
    const long = 'Les délais sont trop courts pour nous. '.repeat(300).slice(0, 10_000);
    const trimmed = service.prepareText(long);
    expect(trimmed.ok && trimmed.trimmed).toBe(true);
    expect(trimmed.ok && trimmed.text.length).toBeLessThanOrEqual(service.maxLength);
    const whole = 'a'.repeat(10) + ' Les délais sont trop courts. '.repeat(100);
    const fits = whole.trim().slice(0, service.maxLength);
    expect(service.prepareText(fits)).toMatchObject({ ok: true, trimmed: false });
  });

  it('lists the testimonies newest first, dated by their month, by the months a period touches', async () => {
    const store = new TestimonyStore(dataDir);
    await store.append({ month: '2026-09', text: 'Septembre.' });
    await store.append({ month: '2026-11', text: 'Novembre, le premier.', trade: 'maçon', sizeBand: '0' });
    await store.append({ month: '2026-10', text: 'Octobre.', sizeBand: '50-249' });
    await store.append({ month: '2026-11', text: 'Novembre, le second.' });
    const service = serviceAt(dataDir, '2026-11-20T10:00:00.000Z');
    expect(await service.list()).toEqual([
      { text: 'Novembre, le second.', at: '2026-11-01T00:00:00.000Z' },
      { text: 'Novembre, le premier.', trade: 'maçon', sizeBand: '0 salarié', at: '2026-11-01T00:00:00.000Z' },
      { text: 'Octobre.', sizeBand: '50 à 249 salariés', at: '2026-10-01T00:00:00.000Z' },
      { text: 'Septembre.', at: '2026-09-01T00:00:00.000Z' },
    ]);
    // A period from the 20th still holds the month's testimonies: nothing finer than the month is kept.
    expect((await service.list({ from: '2026-10-20', to: '2026-11-05' })).map((testimony) => testimony.text)).toEqual(['Novembre, le second.', 'Novembre, le premier.', 'Octobre.']);
    expect(await service.list({ to: '2026-08-31' })).toEqual([]);
    // The digest's own reading of the month finds the same ones.
    expect(testimoniesOfMonth(await service.testimonies(), '2026-11').map((testimony) => testimony.text)).toEqual(['Novembre, le second.', 'Novembre, le premier.']);
  });

  it('deletes the testimonies past the retention, a month going whole', async () => {
    const store = new TestimonyStore(dataDir);
    for (const month of ['2024-10', '2024-11', '2024-12', '2026-11']) await store.append({ month, text: `Témoignage de ${month}.` });
    const logged: string[] = [];
    const logger = { info: (details: Record<string, unknown>) => logged.push(String(details.event)), warn: (details: Record<string, unknown>) => logged.push(String(details.event)) };
    const service = serviceAt(dataDir, '2026-11-15T10:00:00.000Z', logger);
    await service.purgeExpired();
    expect((await service.list()).map((testimony) => testimony.at.slice(0, 7))).toEqual(['2026-11', '2024-12']);
    expect(logged).toEqual(['testimonies_purged']);
  });

  it('says so when the disk refuses a testimony, and logs it without its text', async () => {
    // A folder where the file should be: every append fails.
    mkdirSync(path.join(dataDir, TESTIMONIES_FILE), { recursive: true });
    writeFileSync(path.join(dataDir, TESTIMONIES_FILE, 'x'), '');
    const warnings: Record<string, unknown>[] = [];
    const service = serviceAt(dataDir, '2026-11-15T10:00:00.000Z', { info: () => undefined, warn: (details) => warnings.push(details) });
    expect(await service.record({ text: 'La plateforme a planté le jour du dépôt.' })).toBe(false);
    expect(warnings.map((details) => details.event)).toEqual(['testimony_not_saved']);
    expect(JSON.stringify(warnings)).not.toContain('plateforme');
  });
});
