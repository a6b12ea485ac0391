import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openCatalogue } from '../../src/tenders';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const STARTER = path.join(ROOT, 'knowledge/tenders/starter-boamp.json');

// The CLI contract (cli-contract.md §3), run on the compiled command as `npm run tenders` does.
describe('npm run tenders', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-tenders-cli-'));
  const dataDir = path.join(dir, 'data');

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('node', [path.join(ROOT, 'dist/src/cli/tenders.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a BOAMP export into DATA_DIR with a French report, then finds everything unchanged', async () => {
    const first = await cli(['import', '--boamp', STARTER]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Import BOAMP : starter-boamp\.json — 5 enregistrements lus\./);
    expect(first.stdout).toMatch(/ajoutés : 3 ; mis à jour : 0 ; inchangés : 0 ; appliqués à un autre avis : 1 ; écartés : 1 ; refusés : 0/);
    expect(first.stdout).toMatch(/26-81117 \(n° 5\) — écarté : avis d’attribution sans avis d’origine/);
    expect(first.stdout).toContain(path.join(dataDir, 'tenders', 'catalogue.jsonl'));
    const second = await cli(['import', '--boamp', STARTER]);
    expect(second.stdout).toMatch(/ajoutés : 0 ; mis à jour : 0 ; inchangés : 4/);
    expect(second.stdout).toMatch(/Catalogue inchangé/);
    // The bot opens the same catalogue.
    const catalogue = await openCatalogue(dataDir);
    expect(catalogue.get('boamp:26-81510')?.deadlineAt).toBe('2026-09-22T16:00:00+02:00');
  });

  it('prints the JSON report alone on stdout with --json', async () => {
    const { code, stdout } = await cli(['import', '--json', '--approch', path.join(ROOT, 'knowledge/tenders/starter-approch.json')]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.imports[0]).toMatchObject({ source: 'approch', read: 1, created: 1, records: [{ index: 1, sourceId: '64516', id: 'approch:64516', outcome: 'created' }] });
    expect(report.catalogue).toMatchObject({ activeSet: 'real', realCount: 4 });
  });

  it.each([
    [['import'], /Indiquez le fichier à importer/],
    [['import', '--boamp', '/nulle/part.json'], /Fichier introuvable pour --boamp/],
    [['import', '--boamp'], /Valeur manquante pour l'option --boamp/],
    [['import', '--csv', 'x.csv'], /Option inconnue : --csv/],
    [['importer'], /Sous-commande inconnue/],
    [[], /Indiquez une sous-commande/],
    [['search', '--json', '--profile', '/nulle/part.json'], /Fichier introuvable pour --profile/],
    [['search', '--json'], /Indiquez le profil/],
  ])('exits 2 with a French message for %p', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('searches the catalogue for a profile, exactly the contract fields, examples said to be examples', async () => {
    const fresh = path.join(dir, 'fresh');
    const profile = path.join(dir, 'plombier.json');
    writeFileSync(profile, JSON.stringify({ activity: 'plombier chauffagiste à Alès, entretien de chaudières', departments: ['30'], natures: ['TRAVAUX', 'SERVICES'], employees: 6, turnover: 450000 }));
    const { stdout } = await run('node', [path.join(ROOT, 'dist/src/cli/tenders.js'), 'search', '--json', '--profile', profile, '--date', '2026-12-01', '--limit', '5'], { cwd: ROOT, env: { ...process.env, DATA_DIR: fresh } });
    const results = JSON.parse(stdout) as { [key: string]: unknown; reasons: string[]; title: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(['buyer', 'contact', 'deadline', 'id', 'reasons', 'score', 'status', 'title', 'url']);
      expect(result.reasons[0]).toMatch(/exemple/);
    }
    expect(results[0]!.title).toMatch(/chaudi|chauff|plomb|sanitaire/i);
  });

  it('refuses an unusable profile with every problem in French (exit 2)', async () => {
    const profile = path.join(dir, 'vide.json');
    writeFileSync(profile, JSON.stringify({ activity: '', turnover: -5 }));
    const { code, stdout, stderr } = await cli(['search', '--json', '--profile', profile]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/activit/i);
    const notJson = path.join(dir, 'casse.json');
    writeFileSync(notJson, '{ activity: ');
    expect((await cli(['search', '--profile', notJson])).stderr).toMatch(/Profil illisible/);
  });

  it('exits 2 for a file that is no export, importing nothing', async () => {
    const file = path.join(dir, 'liste.csv');
    writeFileSync(file, 'idweb;objet\n26-1;Travaux\n');
    const { code, stderr } = await cli(['import', '--boamp', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Fichier inutilisable.*n’est pas un export JSON.*Rien n’a été importé/s);
  });

  it('writes a report of several hundred kilobytes whole into a pipe that reads slowly', async () => {
    // A pipe holds 64 KB: a command that exits right after writing loses the rest.
    const starter = JSON.parse(readFileSync(STARTER, 'utf8')) as { results: { idweb: string; id: string }[] };
    const [first] = starter.results;
    const results = Array.from({ length: 2500 }, (_, i) => ({ ...first!, idweb: `26-9${String(i).padStart(4, '0')}`, id: `26_9${String(i).padStart(4, '0')}` }));
    const big = path.join(dir, 'gros-export.json');
    writeFileSync(big, JSON.stringify({ ...starter, results }));
    const out = path.join(dir, 'rapport.json');
    const command = `node ${JSON.stringify(path.join(ROOT, 'dist/src/cli/tenders.js'))} import --json --boamp ${JSON.stringify(big)} | (sleep 1; cat > ${JSON.stringify(out)})`;
    await run('bash', ['-c', `set -o pipefail; ${command}`], { cwd: ROOT, env: { ...process.env, DATA_DIR: path.join(dir, 'big-data') } });
    const written = readFileSync(out, 'utf8');
    expect(written.length).toBeGreaterThan(200_000);
    const report = JSON.parse(written) as { imports: { records: unknown[] }[] };
    expect(report.imports[0]!.records).toHaveLength(2500);
  }, 60_000);
});
