import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeFile, folderFiles } from '../../src/knowledge/bundle/format';
import { formatProblem } from '../../src/knowledge/problems';
import { BUNDLE_LIMITS, exportKnowledge, type ImportOutcome, importKnowledge } from '../../src/knowledgeBundle';
import { BROKEN_CASES, brokenFolder, editJson, SHIPPED } from '../fixtures/knowledge-broken/cases';
import { bundleEntries, renameEntry, zipOf } from '../fixtures/knowledge-broken/zips';

/** Every file of a folder with its sha256: two folders are the same when these are equal. */
function state(dir: string): Record<string, string> {
  return Object.fromEntries(folderFiles(dir).files.map((file) => [file, describeFile(dir, file).sha256]));
}

describe('knowledge bundles: export, then import validated whole before anything changes', () => {
  let root: string;
  let target: string;
  let before: Record<string, string>;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-bundle-'));
    target = path.join(root, 'knowledge');
    cpSync(SHIPPED, target, { recursive: true });
    before = state(target);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (name: string, bytes: Buffer) => {
    const file = path.join(root, name);
    writeFileSync(file, bytes);
    return file;
  };

  /** A refused import: nothing changed in the folder, nothing left beside it. */
  async function refused(file: string, limits = BUNDLE_LIMITS): Promise<string[]> {
    const siblings = readdirSync(root).sort();
    const outcome: ImportOutcome = await importKnowledge(file, target, { limits });
    expect(outcome.installed).toBe(false);
    expect(state(target)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(siblings);
    return outcome.installed ? [] : outcome.problems.map(formatProblem);
  }

  it('exports the folder with a manifest, and imports it back: same files, the previous folder kept as a backup', async () => {
    const edited = brokenFolder((dir) => editJson(dir, 'rules/settings.json', (data) => (data.kbisMaxAgeMonths = 6)));
    try {
      const exported = await exportKnowledge(edited, path.join(root, 'paquet.zip'), { now: new Date('2026-12-02T09:00:00Z') });
      expect(exported.problems).toEqual([]);
      expect(exported.manifest).toMatchObject({ format: 'ha30-knowledge-bundle', version: 1, createdAt: '2026-12-02T09:00:00.000Z', valid: true, problems: 0 });
      expect(exported.manifest.files.find((f) => f.path === 'rules/settings.json')).toEqual(describeFile(edited, 'rules/settings.json'));
      const outcome = await importKnowledge(exported.file, target, { now: new Date('2026-12-02T10:15:03Z') });
      expect(outcome).toEqual({ installed: true, files: Object.keys(before).length, backup: path.join(root, 'knowledge.sauvegarde-2026-12-02T10-15-03') });
      expect(state(target)).toEqual(state(edited));
      expect(JSON.parse(readFileSync(path.join(target, 'rules/settings.json'), 'utf8')).kbisMaxAgeMonths).toBe(6);
      expect(state(path.join(root, 'knowledge.sauvegarde-2026-12-02T10-15-03'))).toEqual(before);
      expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('refuses a bundle whose knowledge has problems, with the same lines as validate', async () => {
    const broken = BROKEN_CASES.find((c) => c.name.startsWith('a rule whose params'))!;
    const dir = brokenFolder(broken.edit);
    try {
      const exported = await exportKnowledge(dir, path.join(root, 'casse.zip'));
      expect(exported.manifest).toMatchObject({ valid: false, problems: 1 });
      expect(await refused(exported.file)).toEqual([broken.line]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses zip slip: "..", an absolute path, a symbolic link — and writes nothing outside', async () => {
    const entries = bundleEntries(target);
    const dots = write('slip.zip', renameEntry(await zipOf([...entries, { name: 'knowledge/xx/evil.json', data: Buffer.from('{}') }]), 'knowledge/xx/evil.json', 'knowledge/../evil.json'));
    expect(await refused(dots)).toEqual([expect.stringMatching(/^slip\.zip: knowledge\/\.\.\/evil\.json: remonte hors du dossier/)]);
    const absolute = write('absolu.zip', renameEntry(await zipOf([...entries, { name: 'tmpx/evil.json', data: Buffer.from('{}') }]), 'tmpx/evil.json', '/tmp/evil.json'));
    expect(await refused(absolute)).toEqual([expect.stringMatching(/^absolu\.zip: \/tmp\/evil\.json: est un chemin absolu/)]);
    const link = write('lien.zip', await zipOf([...entries, { name: 'knowledge/lien.json', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]));
    expect(await refused(link)).toEqual([expect.stringMatching(/^lien\.zip: knowledge\/lien\.json: est un lien symbolique/)]);
    expect(existsSync(path.join(root, 'evil.json'))).toBe(false);
  });

  it('refuses a huge entry before inflating it, a compression bomb, and too many entries', async () => {
    const entries = bundleEntries(target);
    const big = write('gros.zip', await zipOf([...entries, { name: 'knowledge/gros.json', data: randomBytes(300_000) }]));
    expect(await refused(big, { ...BUNDLE_LIMITS, maxFileBytes: 200_000 })).toEqual([expect.stringMatching(/^gros\.zip: knowledge\/gros\.json: est trop gros une fois décompressé \(300000 octets annoncés/)]);
    const bomb = write('bombe.zip', await zipOf([...entries, { name: 'knowledge/zeros.json', data: Buffer.alloc(20 * 1024 * 1024) }]));
    expect(await refused(bomb)).toEqual([expect.stringMatching(/^bombe\.zip: knowledge\/zeros\.json: est trop gros une fois décompressé .*taux \d{3,}\) : refusé comme une bombe ZIP/)]);
    const many = write('nombreux.zip', await zipOf([...entries, ...Array.from({ length: BUNDLE_LIMITS.maxEntries }, (_, i) => ({ name: `knowledge/x/${i}.txt`, data: Buffer.from('x') }))]));
    expect(await refused(many)).toEqual([expect.stringMatching(/^nombreux\.zip: \/: contient \d+ entrées, plus que les 2000 admises/)]);
  }, 120_000); // builds a 20 MB bomb and a 2,000-entry archive: slow on a loaded 2-core machine, not a speed test

  it('refuses an entry that inflates beyond what it declared', async () => {
    const payload = randomBytes(50_000);
    const zip = await zipOf([...bundleEntries(target), { name: 'knowledge/ment.txt', data: payload }]);
    // Declare 5 000 bytes where 50 000 follow, in the central directory and in the local header.
    const patched = Buffer.from(zip);
    for (let i = 0; i < patched.length - 4; i++) {
      const signature = patched.readUInt32LE(i);
      if (signature === 0x04034b50 && patched.readUInt32LE(i + 22) === 50_000) patched.writeUInt32LE(5_000, i + 22);
      if (signature === 0x02014b50 && patched.readUInt32LE(i + 24) === 50_000) patched.writeUInt32LE(5_000, i + 24);
    }
    const lines = await refused(write('ment.zip', patched));
    expect(lines).toEqual([expect.stringMatching(/^ment\.zip: knowledge\/ment\.txt: (n’a pas pu être décompressé|dépasse la taille admise)/)]);
  });

  it('refuses a bundle changed after its export, one without a manifest, and a file that is no ZIP', async () => {
    const tampered = write('retouche.zip', await zipOf(bundleEntries(target, { file: 'messages.json', bytes: (b) => Buffer.from(b.toString().replace('Bienvenue', 'Salut')) })));
    expect(await refused(tampered)).toEqual([expect.stringMatching(/^retouche\.zip: knowledge\/messages\.json: ne correspond pas à son empreinte du manifeste/)]);
    const bare = write('nu.zip', await zipOf(bundleEntries(target).slice(1)));
    expect(await refused(bare)).toEqual([expect.stringMatching(/^nu\.zip: manifest\.json: n’a pas de manifest\.json : ce n’est pas un paquet exporté par l’assistant/)]);
    expect(await refused(write('texte.zip', Buffer.from('pas une archive')))).toEqual([expect.stringMatching(/^texte\.zip: \/: n’est pas une archive ZIP lisible/)]);
  });

  it('installs into a place where no folder was yet (a new instance), with no backup', async () => {
    const exported = await exportKnowledge(target, path.join(root, 'paquet.zip'));
    const fresh = path.join(root, 'neuf');
    expect(await importKnowledge(exported.file, fresh)).toEqual({ installed: true, files: Object.keys(before).length });
    expect(state(fresh)).toEqual(before);
  });

  it('refuses a second import while one runs', async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, '.knowledge.import.lock'), String(process.ppid));
    const exported = await exportKnowledge(target, path.join(root, 'paquet.zip'));
    await expect(importKnowledge(exported.file, target)).rejects.toThrow(/une autre importation est en cours/);
    expect(state(target)).toEqual(before);
  });
});
