import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAppError } from '../../src/errors';
import { CatalogueBusyError, CatalogueCorruptError, ExportShapeError, importApproch, importBoamp, importFile, isOpenAt, openCatalogue } from '../../src/tenders';
import { notice, real } from './support/records';

const KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
const NOW = new Date('2026-09-01T08:00:00Z');

describe('the tender catalogue', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-tenders-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the examples while nothing real is imported, then only real tenders', async () => {
    const catalogue = await openCatalogue(dir, { knowledgeDir: KNOWLEDGE });
    expect(catalogue.activeSet).toBe('example');
    expect(catalogue.all().length).toBeGreaterThanOrEqual(20);
    expect(catalogue.all().every((tender) => tender.source === 'example' && catalogue.isExample(tender))).toBe(true);
    const example = catalogue.all()[0]!;
    expect(catalogue.get(example.id)).toBe(example);
    // Examples cover the club's buyers and several trades, with deadlines to come.
    const buyers = new Set(catalogue.all().map((tender) => tender.buyer.name));
    expect(buyers).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...buyers]).toEqual(expect.arrayContaining(['Conseil départemental du Gard', 'Nîmes Métropole', 'CHU de Nîmes', 'Habitat du Gard', 'SITOM Sud Gard']));
    expect(new Set(catalogue.all().flatMap((tender) => tender.cpv.map((code) => code.slice(0, 2)))).size).toBeGreaterThanOrEqual(10);
    expect(catalogue.all().filter((tender) => tender.status === 'PUBLISHED').every((tender) => isOpenAt(tender, new Date('2026-12-01T12:00:00Z')))).toBe(true);

    await importBoamp(catalogue, real.allBoamp(), { now: NOW });
    expect(catalogue.activeSet).toBe('real');
    expect(catalogue.all().some((tender) => tender.source === 'example')).toBe(false);
    expect(catalogue.get(example.id)).toBeUndefined();
    expect(catalogue.get('boamp:26-81510')?.title).toMatch(/TENNIS/);
    // A fresh process reading the same DATA_DIR sees the same.
    const again = await openCatalogue(dir, { knowledgeDir: KNOWLEDGE });
    expect(again.activeSet).toBe('real');
    expect(again.all().map((tender) => tender.id).sort()).toEqual(catalogue.all().map((tender) => tender.id).sort());
  });

  it('imports the real records: tenders created, the award linked, the partial award skipped, each with its reason', async () => {
    const catalogue = await openCatalogue(dir);
    const report = await importBoamp(catalogue, { total_count: 5, results: real.allBoamp() }, { now: NOW });
    expect(report).toMatchObject({ source: 'boamp', read: 5, created: 3, linked: 1, skipped: 1, rejected: 0, written: true });
    expect(report.records.map((record) => [record.sourceId, record.outcome])).toEqual([
      ['26-81222', 'created'],
      ['26-81510', 'created'],
      ['26-81306', 'linked'],
      ['26-79114', 'created'],
      ['26-81117', 'skipped'],
    ]);
    expect(report.records[2]!.reason).toMatch(/26-55241.*attribué/);
    expect(report.changedIds.sort()).toEqual(['boamp:26-79114', 'boamp:26-81222', 'boamp:26-81510']);
    // The award itself is never a tender.
    expect(catalogue.get('boamp:26-81306')).toBeUndefined();
    expect(catalogue.imports.at(-1)).toMatchObject({ source: 'boamp', created: 3 });
  });

  it('is idempotent: the same export twice is one record each, and the file is not rewritten', async () => {
    const catalogue = await openCatalogue(dir);
    await importBoamp(catalogue, real.allBoamp(), { now: NOW });
    const bytes = readFileSync(catalogue.file);
    const second = await importBoamp(catalogue, [...real.allBoamp(), real.fnsimple()], { now: new Date('2026-09-02T08:00:00Z') });
    expect(second).toMatchObject({ created: 0, updated: 0, linked: 0, unchanged: 5, skipped: 1, written: false, changedIds: [] });
    expect(readFileSync(catalogue.file).equals(bytes)).toBe(true);
    expect(catalogue.all().filter((tender) => tender.sourceId === '26-81510')).toHaveLength(1);

    await importApproch(catalogue, [real.approch()], { now: NOW });
    const approchAgain = await importApproch(catalogue, [real.approch()], { now: new Date('2026-10-01T08:00:00Z') });
    expect(approchAgain).toMatchObject({ unchanged: 1, written: false });
    expect(catalogue.get('approch:64516')?.updatedAt).toBe('2026-09-01');
  });

  it('replaces a notice by a newer version, keeps the newer one against an older copy', async () => {
    const catalogue = await openCatalogue(dir);
    await importBoamp(catalogue, [real.fnsimple()], { now: NOW });
    const newer = { ...real.fnsimple(), dateparution: '2026-08-25', objet: 'x', nomacheteur: 'Commune de Sanary-sur-Mer' };
    expect((await importBoamp(catalogue, [newer], { now: NOW })).records[0]).toMatchObject({ outcome: 'updated', id: 'boamp:26-81510' });
    expect(catalogue.get('boamp:26-81510')?.buyer.name).toBe('Commune de Sanary-sur-Mer');
    const older = await importBoamp(catalogue, [real.fnsimple()], { now: NOW });
    expect(older.records[0]).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/plus ancienne/) });
    expect(catalogue.get('boamp:26-81510')?.buyer.name).toBe('Commune de Sanary-sur-Mer');
  });

  it('applies rectificatifs and annulations through annonce_lie, whichever arrives first', async () => {
    const catalogue = await openCatalogue(dir);
    // The rectificatif arrives before the notice it corrects (two exports, two days).
    const rectified = await importBoamp(catalogue, [notice('RECTIFICATIF', '26-90010', '26-81510', '2026-09-01', '2026-10-06T12:00:00')], { now: NOW });
    expect(rectified.records[0]).toMatchObject({ outcome: 'linked', reason: expect.stringMatching(/pas encore dans le catalogue/) });
    await importBoamp(catalogue, [real.fnsimple(), real.eforms()], { now: NOW });
    expect(catalogue.get('boamp:26-81510')).toMatchObject({ deadlineAt: '2026-10-06T12:00:00+02:00', relatedSourceIds: ['26-90010'], updatedAt: '2026-09-01', lifecycle: 'ACTIVE' });
    expect(isOpenAt(catalogue.get('boamp:26-81510')!, new Date('2026-09-30T12:00:00Z'))).toBe(true);

    const cancelled = await importBoamp(catalogue, [notice('ANNULATION', '26-90011', '26-81222', '2026-09-03')], { now: NOW });
    expect(cancelled).toMatchObject({ linked: 1, changedIds: ['boamp:26-81222'] });
    expect(catalogue.get('boamp:26-81222')?.lifecycle).toBe('CANCELLED');
    expect(isOpenAt(catalogue.get('boamp:26-81222')!, NOW)).toBe(false);

    // Re-importing the original notice (a newer export) does not resurrect it.
    await importBoamp(catalogue, [{ ...real.eforms(), dateparution: '2026-08-20' }], { now: NOW });
    expect(catalogue.get('boamp:26-81222')?.lifecycle).toBe('CANCELLED');
    const reopened = await openCatalogue(dir);
    expect(reopened.get('boamp:26-81222')?.lifecycle).toBe('CANCELLED');
    expect(reopened.get('boamp:26-81510')?.deadlineAt).toBe('2026-10-06T12:00:00+02:00');
  });

  it('closes a notice when its award is imported, in either order', async () => {
    const catalogue = await openCatalogue(dir);
    const original = { ...real.eforms(), idweb: '26-55241', id: '26_55241', contractfolderid: '0db82227-53a5-4155-b171-491b8b04b006' };
    await importBoamp(catalogue, [real.award(), original], { now: NOW });
    expect(catalogue.get('boamp:26-55241')).toMatchObject({ lifecycle: 'AWARDED', relatedSourceIds: ['26-81306'] });
    expect(isOpenAt(catalogue.get('boamp:26-55241')!, NOW)).toBe(false);
  });

  it('imports the rest of a malformed or truncated file, with one error per broken record', async () => {
    const records = real.allBoamp().map((record) => JSON.stringify(record));
    const absurd = JSON.stringify({ ...real.fnsimple(), idweb: '26-77777', datelimitereponse: '7017-09-22T16:00:00+00:00', gestion: null, donnees: null });
    const file = path.join(dir, 'export.json');
    // Record 2 is broken JSON, record 4 has an absurd deadline, the file stops inside record 7.
    writeFileSync(file, `{"total_count": 9, "results": [${records[0]}, {"idweb": "26-1", "objet": tru}, ${records[1]}, ${absurd}, ${records[3]}, 42, ${records[4]!.slice(0, 60)}`);
    const catalogue = await openCatalogue(dir);
    const report = await importFile(catalogue, 'boamp', file, { now: NOW });
    expect(report.truncated).toBe(true);
    expect(report.records.map((record) => [record.index, record.outcome])).toEqual([
      [1, 'created'],
      [2, 'rejected'],
      [3, 'created'],
      [4, 'rejected'],
      [5, 'created'],
      [6, 'rejected'],
      [7, 'rejected'],
    ]);
    expect(report.records[1]!.reason).toMatch(/illisible/);
    expect(report.records[3]).toMatchObject({ sourceId: '26-77777', reason: expect.stringMatching(/invraisemblable/) });
    expect(report.records[5]!.reason).toMatch(/objet JSON/);
    expect(report.records[6]!.reason).toMatch(/tronqué/);
    expect(catalogue.all().map((tender) => tender.sourceId).sort()).toEqual(['26-79114', '26-81222', '26-81510']);
  });

  it('refuses a file that is no export at all, and writes nothing', async () => {
    const catalogue = await openCatalogue(dir);
    for (const [name, content] of [
      ['notes.txt', 'idweb;objet\n26-1;Travaux'],
      ['record.json', JSON.stringify(real.fnsimple())],
      ['empty.json', ''],
    ]) {
      writeFileSync(path.join(dir, name!), content!);
      await expect(importFile(catalogue, 'boamp', path.join(dir, name!))).rejects.toBeInstanceOf(ExportShapeError);
    }
    await expect(importBoamp(catalogue, { total: 1 } as never)).rejects.toBeInstanceOf(ExportShapeError);
    expect(catalogue.realCount).toBe(0);
  });

  it('lets the bot see what the CLI imported, without reloading when nothing changed', async () => {
    const bot = await openCatalogue(dir, { knowledgeDir: KNOWLEDGE });
    const cli = await openCatalogue(dir);
    expect(await bot.reloadIfChanged()).toBe(false);
    await importBoamp(cli, [real.fnsimple()], { now: NOW });
    expect(await bot.reloadIfChanged()).toBe(true);
    expect(bot.activeSet).toBe('real');
    expect(bot.get('boamp:26-81510')).toBeDefined();
    expect(await bot.reloadIfChanged()).toBe(false);
  });

  it('refuses a second import while one runs, and takes over the lock of a dead one', async () => {
    const catalogue = await openCatalogue(dir);
    mkdirSync(path.dirname(catalogue.file), { recursive: true });
    writeFileSync(`${catalogue.file}.lock`, String(process.ppid));
    await expect(importBoamp(catalogue, [real.fnsimple()])).rejects.toBeInstanceOf(CatalogueBusyError);
    writeFileSync(`${catalogue.file}.lock`, '999999999');
    expect((await importBoamp(catalogue, [real.fnsimple()], { now: NOW })).created).toBe(1);
  });

  it('does not guess when the catalogue file is damaged: it says which line', async () => {
    const catalogue = await openCatalogue(dir);
    await importBoamp(catalogue, real.allBoamp(), { now: NOW });
    const lines = readFileSync(catalogue.file, 'utf8').split('\n');
    writeFileSync(catalogue.file, [lines[0], lines[1], '{"id": "boamp:'].join('\n'));
    await expect(openCatalogue(dir)).rejects.toThrow(CatalogueCorruptError);
    await expect(openCatalogue(dir)).rejects.toThrow(/ligne 3/);
    writeFileSync(catalogue.file, lines.slice(0, 2).join('\n'));
    await expect(openCatalogue(dir)).rejects.toThrow(/incomplet/);
  });
});

describe('upcoming purchases entered by buyers (knowledge/tenders/upcoming.json)', () => {
  let knowledge: string;
  const entry = { slug: 'cd30-college-uzes-chauffage', title: 'Remplacement de la chaufferie du collège d’Uzès', buyer: { name: 'Conseil départemental du Gard' }, nature: 'TRAVAUX', cpv: ['45331000'], departments: ['30'], expectedPublicationDate: '2027-05' };
  const write = (tenders: unknown[], extra: Record<string, unknown> = {}) =>
    writeFileSync(path.join(knowledge, 'tenders/upcoming.json'), JSON.stringify({ $schema: '../schemas/tender-entries.schema.json', kind: 'upcoming', updatedAt: '2026-12-01', tenders, ...extra }));
  beforeEach(() => {
    knowledge = mkdtempSync(path.join(tmpdir(), 'ha30-knowledge-'));
    mkdirSync(path.join(knowledge, 'tenders'));
    mkdirSync(path.join(knowledge, 'schemas'));
    writeFileSync(path.join(knowledge, 'schemas/tender-entries.schema.json'), readFileSync(path.join(KNOWLEDGE, 'schemas/tender-entries.schema.json')));
  });
  afterEach(() => rmSync(knowledge, { recursive: true, force: true }));

  it('are real tenders: they replace the examples, and vanish once their BOAMP notice is imported', async () => {
    write([entry, { ...entry, slug: 'sanary-tennis', title: 'Réfection des courts de tennis', publishedAs: '26-81510' }]);
    const data = mkdtempSync(path.join(tmpdir(), 'ha30-tenders-'));
    try {
      const catalogue = await openCatalogue(data, { knowledgeDir: knowledge });
      expect(catalogue.activeSet).toBe('real');
      expect(catalogue.get('manual:cd30-college-uzes-chauffage')).toMatchObject({ source: 'manual', status: 'UPCOMING', noticeType: 'projet_achat', expectedPublicationDate: '2027-05-01', updatedAt: '2026-12-01' });
      expect(catalogue.get('manual:sanary-tennis')).toBeDefined();
      await importBoamp(catalogue, [real.fnsimple()], { now: NOW });
      expect(catalogue.get('manual:sanary-tennis')).toBeUndefined();
      expect(catalogue.get('manual:cd30-college-uzes-chauffage')).toBeDefined();
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it.each([
    ['a CPV code of 6 digits', [{ ...entry, cpv: ['453310'] }], /\/tenders\/0\/cpv\/0/],
    ['an unknown field', [{ ...entry, contactEmail: 'x@y.fr' }], /\/tenders\/0.*contactEmail/],
    ['a month that does not exist', [{ ...entry, expectedPublicationDate: '2027-13' }], /\/tenders\/0\/expectedPublicationDate/],
    ['no expected date', [{ ...entry, expectedPublicationDate: undefined }], /\/tenders\/0\/expectedPublicationDate/],
    ['a published status', [{ ...entry, status: 'PUBLISHED' }], /\/tenders\/0\/status/],
    ['a duplicate slug', [entry, entry], /\/tenders\/1\/slug.*double/],
  ])('are refused at load with the file and the JSON path: %s', async (_case, tenders, where) => {
    write(tenders);
    const error = await openCatalogue(dir(), { knowledgeDir: knowledge }).catch((e: unknown) => e);
    expect(isAppError(error, 'KNOWLEDGE_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/tenders\/upcoming\.json/);
    expect((error as Error).message).toMatch(where);
  });

  function dir(): string {
    return path.join(knowledge, 'data');
  }
});
