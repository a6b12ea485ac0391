import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BROKEN_CASES, brokenFolder, editJson, SHIPPED } from '../fixtures/knowledge-broken/cases';

const ROOT = path.resolve(__dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled command (dist/ is built by the jest global setup), as `npm run knowledge` runs it. */
function knowledge(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/cli/knowledge.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lineOf = (name: string) => BROKEN_CASES.find((c) => c.name.startsWith(name))!;

// web-contract.md §5.
describe('npm run knowledge', () => {
  const cleanup: string[] = [];
  afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const broken = (...names: string[]) => {
    const dir = brokenFolder((d) => names.forEach((name) => lineOf(name).edit(d)));
    cleanup.push(dir);
    return dir;
  };

  it('is the "knowledge" script of package.json', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.knowledge).toMatch(/build && node dist\/src\/cli\/knowledge\.js$/);
  });

  it('validate: a valid folder → exit 0 and a count of zero; KNOWLEDGE_DIR is the default', async () => {
    const run = await knowledge(['validate'], { KNOWLEDGE_DIR: SHIPPED });
    expect(run).toMatchObject({ code: 0, stdout: `0 problème : les connaissances de ${SHIPPED} sont valides.\n` });
  });

  it('validate: one French line per problem, `file: JSON path: what — fix`, then the count; exit 1', async () => {
    const dir = broken('HTML in a rule text', 'a tender buyer', 'an upcoming purchase dated in the past');
    const run = await knowledge(['validate', dir]);
    expect(run.code).toBe(1);
    // The upcoming purchase of November 2026 is past whatever day the test runs on (after 2026-12-01).
    expect(run.stdout).toBe(`${[lineOf('HTML in a rule text').line, lineOf('a tender buyer').line, lineOf('an upcoming purchase dated in the past').line].sort().join('\n')}\n3 problèmes dans 3 fichiers.\n`);
    for (const line of run.stdout.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^[^:]+\.json: \/[^:]*: .+ — .+\.$/);
    const fromEnv = await knowledge(['validate'], { KNOWLEDGE_DIR: dir });
    expect(fromEnv.code).toBe(1);
  });

  it('validate --json gives the problems as data; --today sets the clock of upcoming purchases', async () => {
    const dir = broken('an upcoming purchase dated in the past');
    const json = await knowledge(['validate', dir, '--json', '--today', '2026-11-15']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ dir, valid: true, problems: [] });
    const late = JSON.parse((await knowledge(['validate', dir, '--json', '--today', '2027-01-01'])).stdout);
    expect(late.problems).toEqual([{ file: 'tenders/upcoming.json', path: '/tenders/0/expectedPublicationDate', what: expect.stringContaining('est déjà passé'), fix: expect.any(String) }]);
  });

  it.each([
    [['validate', '/nulle/part'], /Dossier de connaissances introuvable : \/nulle\/part/],
    [['validate', '--verbeux'], /Option inconnue : --verbeux/],
    [['validate', 'a', 'b'], /Argument\(s\) en trop/],
    [['valider'], /Sous-commande inconnue : valider/],
    [[], /Indiquez une sous-commande/],
    [['validate', SHIPPED, '--today', '2026-02-30'], /--today attend une date réelle/],
    [['export'], /Argument manquant/],
    [['import', '/nulle/part.zip', SHIPPED], /Paquet introuvable/],
  ])('unusable arguments %j → exit 2 with a French message', async (args, message) => {
    const run = await knowledge(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('export then import: the folder replaced whole, the old one kept; a refused bundle changes nothing (exit 1)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ha30-knowledge-cli-'));
    cleanup.push(root);
    const target = path.join(root, 'knowledge');
    cpSync(SHIPPED, target, { recursive: true });
    const edited = brokenFolder((dir) => editJson(dir, 'rules/settings.json', (data) => (data.kbisMaxAgeMonths = 4)));
    cleanup.push(edited);
    const exported = await knowledge(['export', path.join(root, 'paquet.zip'), edited]);
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Paquet écrit : .*paquet\.zip \(\d+ fichiers\)\.\n$/) });
    expect((await knowledge(['export', path.join(root, 'paquet.zip'), edited])).code).toBe(2);
    expect((await knowledge(['export', path.join(edited, 'dedans.zip'), edited])).stderr).toMatch(/hors du dossier de connaissances/);

    const imported = await knowledge(['import', path.join(root, 'paquet.zip')], { KNOWLEDGE_DIR: target });
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Connaissances importées dans .*knowledge \(\d+ fichiers, tous vérifiés\)\. Le dossier précédent est gardé : .*knowledge\.sauvegarde-/) });
    expect(JSON.parse(readFileSync(path.join(target, 'rules/settings.json'), 'utf8')).kbisMaxAgeMonths).toBe(4);

    const bad = broken('a placeholder the code never fills');
    expect((await knowledge(['export', path.join(root, 'casse.zip'), bad])).stdout).toMatch(/Attention : ce dossier a 1 problème dans 1 fichier/);
    const before = readdirSync(root).sort();
    const refused = await knowledge(['import', path.join(root, 'casse.zip'), target]);
    expect(refused).toMatchObject({ code: 1, stdout: `${lineOf('a placeholder the code never fills').line}\n1 problème dans 1 fichier.\nPaquet refusé : rien n’a changé dans ${target}.\n` });
    expect(readdirSync(root).sort()).toEqual(before);
    expect(JSON.parse(readFileSync(path.join(target, 'rules/settings.json'), 'utf8')).kbisMaxAgeMonths).toBe(4);
    expect(existsSync(path.join(target, 'messages.json'))).toBe(true);
  }, 60_000);
});
