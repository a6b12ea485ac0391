import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTestimonyRecord, TestimonyStore } from '../../src/store/TestimonyStore';

describe('the testimony store (DATA_DIR/testimonies/testimonies.jsonl)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-testimony-store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('appends one JSON line per testimony and reads them back after a restart, in order', async () => {
    const store = new TestimonyStore(dataDir);
    await store.append({ month: '2025-01', text: 'Premier témoignage, trop de pièces.' });
    await Promise.all([store.append({ month: '2026-10', text: 'Deuxième, le délai était trop court.', trade: 'maçon', sizeBand: '1-9' }), store.append({ month: '2026-11', text: 'Troisième, plateforme en panne.', sizeBand: '0' })]);
    expect(store.file).toBe(path.join(dataDir, 'testimonies', 'testimonies.jsonl'));
    expect(readFileSync(store.file, 'utf8').trimEnd().split('\n')).toHaveLength(3);
    const reopened = new TestimonyStore(dataDir);
    expect(await reopened.all()).toEqual([
      { month: '2025-01', text: 'Premier témoignage, trop de pièces.' },
      { month: '2026-10', text: 'Deuxième, le délai était trop court.', trade: 'maçon', sizeBand: '1-9' },
      { month: '2026-11', text: 'Troisième, plateforme en panne.', sizeBand: '0' },
    ]);
  });

  it('reads only the known fields of a line, and skips a line that is no testimony', async () => {
    const store = new TestimonyStore(dataDir);
    await store.append({ month: '2026-11', text: 'Bon.' });
    appendFileSync(store.file, `${JSON.stringify({ month: '2026-11', text: 'Avec un champ de trop.', conversationId: 'abc', user: 'Jean' })}\n`);
    appendFileSync(store.file, `${JSON.stringify({ month: '2026-13', text: 'Mois impossible.' })}\n${JSON.stringify({ month: '2026-11', text: 'Taille inconnue.', sizeBand: '250+' })}\n{"month":"2026-11","te`);
    expect(await store.all()).toEqual([
      { month: '2026-11', text: 'Bon.' },
      { month: '2026-11', text: 'Avec un champ de trop.' },
    ]);
    expect(parseTestimonyRecord({ month: '2026-11-14', text: 'Un jour, pas un mois.' })).toBeUndefined();
    expect(parseTestimonyRecord({ month: '2026-11', text: '   ' })).toBeUndefined();
  });

  it('purges the months that began before the cutoff, and the unreadable lines, keeping the rest in order', async () => {
    const store = new TestimonyStore(dataDir);
    for (const month of ['2024-09', '2024-10', '2024-11', '2025-06', '2026-11']) await store.append({ month, text: `Témoignage de ${month}.` });
    appendFileSync(store.file, 'pas du JSON\n');
    const result = await store.purgeOlderThan(new Date('2024-11-01T00:00:00.000Z'));
    expect(result).toEqual({ removed: 2, kept: 3, unreadable: 1 });
    expect((await new TestimonyStore(dataDir).all()).map((record) => record.month)).toEqual(['2024-11', '2025-06', '2026-11']);
    await store.append({ month: '2026-12', text: 'Après la purge.' });
    expect((await store.all()).map((record) => record.month)).toEqual(['2024-11', '2025-06', '2026-11', '2026-12']);
  });
});
