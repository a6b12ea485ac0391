import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LINES, pdf, zip } from '../fixtures/documents';
import { cleanDossier } from '../bidcheck/support';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [path.join(ROOT, 'dist/src/cli/check.js'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

// The CLI contract (cli-contract.md §1), run on the compiled command as `npm run check` does
// (dist/ is built once by the jest global setup).
describe('npm run check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-cli-'));
  beforeAll(async () => {
    const dossier = path.join(dir, 'dossier');
    mkdirSync(dossier);
    const files = await cleanDossier();
    writeFileSync(path.join(dossier, 'pli.zip'), await zip(Object.fromEntries(files.filter((f) => !f.name.startsWith('Kbis') && f.name !== 'memoire.pdf').map((f) => [f.name, f.bytes]))));
    writeFileSync(path.join(dossier, 'kbis.pdf'), await pdf(LINES.kbis('2 juin 2026')));
    writeFileSync(path.join(dossier, 'context.json'), JSON.stringify({ deadline: '2026-12-01T12:00:00+01:00', nature: 'TRAVAUX', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } }));
    writeFileSync(path.join(dir, 'bad-context.json'), '{"stage": "PLUS_TARD"}');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the contract JSON for a folder, reading its context.json', async () => {
    const { code, stdout } = await cli(['--json', '--date', '2026-11-20', path.join(dir, 'dossier')]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.referenceDate).toBe('2026-11-20');
    expect(report.documents).toContainEqual(expect.objectContaining({ file: 'pli.zip/DC1.pdf', type: 'DC1', signed: false }));
    expect(report.documents).toContainEqual(expect.objectContaining({ file: 'kbis.pdf', type: 'KBIS', siren: '552081317', dates: { upToDate: '2026-06-02' } }));
    expect(report.documents.map((d: { file: string }) => d.file)).not.toContain('context.json');
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'KBIS_TOO_OLD', severity: 'ADVICE', file: 'kbis.pdf' }));
    const missing = report.findings.find((f: { rule: string }) => f.rule === 'MEMOIRE_TECHNIQUE_MISSING');
    expect(missing).toMatchObject({ severity: 'ELIMINATORY' });
    expect(missing).not.toHaveProperty('file');
    for (const finding of report.findings) expect(Object.keys(finding).sort()).toEqual(expect.arrayContaining(['legal', 'message', 'remedy', 'rule', 'severity']));
  });

  it('lets --context override the folder context', async () => {
    writeFileSync(path.join(dir, 'late.json'), JSON.stringify({ deadline: '2026-12-01T12:00:00+01:00', submittedAt: '2026-12-01T12:00:29+01:00' }));
    const { stdout } = await cli(['--json', '--context', path.join(dir, 'late.json'), '--date', '2026-11-20', path.join(dir, 'dossier')]);
    expect(JSON.parse(stdout).findings[0]).toMatchObject({ rule: 'OFFER_LATE', severity: 'ELIMINATORY' });
  });

  it('prints a readable French report without --json', async () => {
    const { code, stdout } = await cli(['--date', '2026-11-20', path.join(dir, 'dossier')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Vérification du dossier au 20\/11\/2026 — \d+ point/);
    // French typography: a non-breaking space before the colon.
    expect(stdout).toMatch(/CONSEIL \(\d+\)[\s\S]*Que faire\u00a0:[\s\S]*Pourquoi\u00a0:/);
    expect(stdout).not.toMatch(/ [:;?!»]|« |\w\(s\)|UNKNOWN/);
  });

  it('exits 2 with a French message on unusable arguments', async () => {
    expect(await cli(['--json', path.join(dir, 'nowhere')])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Chemin introuvable') });
    expect(await cli(['--json', '--date', '20/11/2026', dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('AAAA-MM-JJ') });
    expect(await cli(['--json', '--context', path.join(dir, 'bad-context.json'), dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('/stage') });
    expect(await cli(['--json'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Indiquez au moins un fichier ou un dossier à vérifier\.\nUsage : npm run/) });
  });

  it('refuses a day that does not exist, and speaks French for unknown options and in its help', async () => {
    expect(await cli(['--json', '--date', '2026-02-30', dir])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Date invalide « 2026-02-30 » : une date réelle') });
    const unknown = await cli(['--jsn', dir]);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Option inconnue : --jsn.') });
    expect(unknown.stderr).not.toMatch(/error:|unknown option/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('Codes de sortie : 0 la vérification a tourné');
    expect(help.stderr).not.toMatch(/^Usage:|Options:\n/m);
  });
});

describe('PDF extraction on worker threads (compiled build)', () => {
  it('reads text in a worker, and abandons a file past the time budget without hanging', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PdfTextPool, PdfTimeoutError } = require(path.join(ROOT, 'dist/src/bidcheck/extract/PdfTextPool.js'));
    const pool = new PdfTextPool();
    expect(pool.parallel).toBe(true);
    const bytes = await pdf(LINES.kbis('6 novembre 2026'));
    const text = await pool.extract(bytes, 30_000);
    expect(text.pages.join('\n')).toContain('Extrait Kbis');
    await expect(pool.extract(bytes, 1)).rejects.toBeInstanceOf(PdfTimeoutError);
    expect((await pool.extract(bytes, 30_000)).pages.length).toBe(1);
    await pool.close();
  }, 60_000);
});
