import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

// The CLI contract (cli-contract.md §2), run on the compiled command as `npm run ask` does
// (dist/ is built once by the jest global setup).
describe('npm run ask', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-ask-'));
  const dataDir = path.join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('node', [path.join(ROOT, 'dist/src/cli/ask.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env }, maxBuffer: 16 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  it('answers one question with exactly the contract’s fields, and only JSON on stdout', async () => {
    const { code, stdout } = await cli(['--json', 'c koi la diff entre dc1 et dume']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['question', 'faq', 'confidence', 'answer', 'gap']);
    expect(result).toMatchObject({ question: 'c koi la diff entre dc1 et dume', gap: false });
    expect(['FAQ_WHAT_IS_DUME', 'FAQ_DC1_DC2_DC4']).toContain(result.faq);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.answer).toMatch(/DUME/);
    expect(result.answer).not.toMatch(/\{fig:/);
  });

  it('answers a file of questions in one process, in order, blank lines skipped, gaps flagged', async () => {
    const file = path.join(dir, 'questions.txt');
    const lines = ['c koi la diff entre dc1 et dume', '', '   ', 'tu connais un bon garagiste à Uzès ?', "c'est quoi un marché de conception-réalisation ?", 'decenale obligatoire pr repondre ?', '😀😀', '<script>alert(1)</script>', `${'blabla '.repeat(1500)}`];
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    const { code, stdout } = await cli(['--json', '--file', file]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { question: string; faq: string | null; gap: boolean; answer: string }[];
    expect(results.map((r) => r.question)).toEqual(lines.filter((line) => line.trim()));
    expect(results.map((r) => r.faq)).toEqual([expect.stringMatching(/^FAQ_(WHAT_IS_DUME|DC1_DC2_DC4)$/), null, null, 'FAQ_INSURANCE', null, null, null]);
    expect(results.map((r) => r.gap)).toEqual([false, true, true, false, false, false, expect.any(Boolean)]);
    expect(results[1]!.answer).toMatch(/^Je ne sais pas encore/);
    expect(results[4]!.answer).toMatch(/^Je n’ai pas compris/);
    expect(existsSync(path.join(dataDir, 'faq'))).toBe(false);
  });

  it('writes a long batch whole before exiting (stdout is a pipe)', async () => {
    const file = path.join(dir, 'many.txt');
    const questions = Array.from({ length: 400 }, (_, i) => (i % 2 ? `decenale obligatoire ${i} ?` : `c koi le dume ${i}`));
    writeFileSync(file, questions.join('\n'));
    const { code, stdout } = await cli(['--json', '--file', file]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { question: string }[];
    expect(results.map((r) => r.question)).toEqual(questions);
  });

  it('with --log, stores the unanswered questions scrubbed in the gap log, and not the answered ones', async () => {
    const file = path.join(dir, 'to-log.txt');
    writeFileSync(file, ['c koi le dume ?', 'tu connais un bon garagiste à Uzès ? écrivez-moi à jean.dupont@example.fr', "c'est quoi un marché de conception-réalisation ?"].join('\n'));
    const { code, stdout } = await cli(['--json', '--log', '--file', file]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { gap: boolean; answer: string }[];
    expect(results.map((r) => r.gap)).toEqual([false, true, true]);
    expect(results[1]!.answer).toContain('je la transmets');
    const logged = readFileSync(path.join(dataDir, 'faq/gaps.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(logged).toHaveLength(2);
    expect(logged.map((g) => [g.kind, g.channel])).toEqual([['UNANSWERED', 'cli'], ['UNANSWERED', 'cli']]);
    expect(logged[0].question).toContain('garagiste');
    expect(logged[0].question).not.toContain('jean.dupont@example.fr');
    expect(logged[1].question).toContain('conception-réalisation');
    expect(JSON.stringify(logged)).not.toMatch(/dume/i);
  });

  it('prints a readable French answer without --json', async () => {
    const { code, stdout } = await cli(['decenale obligatoire pr repondre ?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Question\u00a0: decenale obligatoire pr repondre \?\n/);
    expect(stdout).toMatch(/Sujet\u00a0: .+ \(FAQ_INSURANCE, confiance \d+\u00a0%\)/);
    expect(stdout).toContain('Pour aller plus loin');
    expect(stdout).not.toMatch(/\{fig:|undefined|null/);
  });

  it('exits 2 with a French message and an empty stdout on unusable arguments', async () => {
    expect(await cli(['--json'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^Indiquez une question \(entre guillemets\) ou --file questions\.txt\.\nUsage : npm run/) });
    expect(await cli(['--json', '--file', path.join(dir, 'nowhere.txt')])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Fichier de questions introuvable') });
    expect(await cli(['--json', '--file', dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('pas un dossier') });
    expect(await cli(['--json', '--file', path.join(dir, 'questions.txt'), 'et une question'])).toMatchObject({ code: 2, stderr: expect.stringContaining('pas les deux') });
    const unknown = await cli(['--jsn', 'question']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Option inconnue : --jsn.') });
    expect(unknown.stderr).not.toMatch(/error:|unknown option/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('Codes de sortie : 0 les questions ont été traitées');
  });
});
