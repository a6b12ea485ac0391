import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openFaqLogs } from '../../src/faq/openFaqLogs';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

// `npm run gaps`, run on the compiled command as the script does (dist/ is built once by the jest global setup).
describe('npm run gaps', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-gaps-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('node', [path.join(ROOT, 'dist/src/cli/gaps.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  /** Gaps recorded by the bot's own code, months ago and now. */
  async function seed(dataDir: string): Promise<void> {
    const monthsAgo = (months: number) => new Date(Date.now() - months * 31 * 86_400_000);
    let now = monthsAgo(14);
    const logs = openFaqLogs(dataDir, { retentionMonths: 12, now: () => now });
    await logs.gaps.record({ kind: 'UNANSWERED', question: 'très vieille question, Mme Durand 06 12 34 56 78', channel: 'webchat', topicGuess: null, confidence: 0.05 });
    await logs.feedback.record({ topic: 'FAQ_WHAT_IS_DUME', helpful: false, channel: 'msteams' });
    now = monthsAgo(2);
    await logs.gaps.record({ kind: 'LOW_CONFIDENCE', question: 'c quoi un marché de conception-réalisation ?', channel: 'msteams', topicGuess: 'FAQ_MAPA_VS_FORMALISEE', confidence: 0.41 });
    now = new Date();
    await logs.gaps.record({ kind: 'UNANSWERED', question: 'tu connais un bon garagiste à Uzès ?', channel: 'cli', topicGuess: null, confidence: 0 });
    await logs.feedback.record({ topic: 'FAQ_WHAT_IS_DUME', helpful: true, channel: 'webchat' });
    await logs.feedback.record({ topic: 'FAQ_DEADLINE', helpful: false, channel: 'webchat' });
    await logs.close();
  }

  it('lists the gaps, readable in French or as JSON, scrubbed', async () => {
    const dataDir = path.join(dir, 'list');
    await seed(dataDir);
    const text = await cli(['list'], dataDir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Questions sans bonne réponse\u00a0: 3 \(.*gaps\.jsonl\), heure de Paris\n/);
    expect(text.stdout).toMatch(/\d\d\/\d\d\/\d{4} \d\d h · sans réponse · webchat · aucun sujet pressenti · «\u202ftrès vieille question, Mme \[nom\] \[téléphone\]\u202f»/);
    expect(text.stdout).toContain('réponse peu sûre · msteams · sujet pressenti\u00a0: FAQ_MAPA_VS_FORMALISEE (41 %)');
    const json = await cli(['list', '--json'], dataDir);
    expect(json.code).toBe(0);
    const records = JSON.parse(json.stdout);
    expect(records).toHaveLength(3);
    expect(records[2]).toEqual({ at: expect.stringMatching(/T\d\d:00:00\.000Z$/), kind: 'UNANSWERED', question: 'tu connais un bon garagiste à Uzès ?', channel: 'cli', topicGuess: null, confidence: 0 });
    const feedback = await cli(['list', '--feedback'], dataDir);
    expect(feedback.stdout).toMatch(/^Avis «\u202fCette réponse vous a aidé\u202f\?\u202f»\u00a0: 3 /);
    expect(feedback.stdout).toContain('FAQ_WHAT_IS_DUME\u00a0: 1 oui, 1 non');
    expect(JSON.parse((await cli(['list', '--feedback', '--json'], dataDir)).stdout)).toHaveLength(3);
  });

  it('purges what is older than GAP_RETENTION_MONTHS, then anything older than --older-than-months', async () => {
    const dataDir = path.join(dir, 'purge');
    await seed(dataDir);
    const first = await cli(['purge'], dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\(12 mois\)/);
    expect(first.stdout).toContain('Questions sans bonne réponse\u00a0: 1 supprimée, 2 conservées');
    expect(first.stdout).toMatch(/Avis .* 1 supprimé, 2 conservés/);
    expect(readFileSync(path.join(dataDir, 'faq', 'gaps.jsonl'), 'utf8')).not.toContain('très vieille');

    const shorter = await cli(['purge', '--older-than-months', '1', '--json'], dataDir, { GAP_RETENTION_MONTHS: '24' });
    expect(shorter.code).toBe(0);
    expect(JSON.parse(shorter.stdout)).toMatchObject({ olderThanMonths: 1, gaps: { removed: 1, kept: 1 }, feedback: { removed: 0, kept: 2 } });
    const all = await cli(['purge', '--older-than-months', '0', '--json'], dataDir);
    expect(JSON.parse(all.stdout)).toMatchObject({ olderThanMonths: 0, gaps: { removed: 1, kept: 0 }, feedback: { removed: 2, kept: 0 } });
    expect((await cli(['list'], dataDir)).stdout).toMatch(/^Aucune question dans le journal/);
  });

  it('runs while the bot appends: the purge loses none of its records', async () => {
    const dataDir = path.join(dir, 'concurrent');
    await seed(dataDir);
    const count = 300;
    const child = spawn(process.execPath, [path.join(ROOT, 'test/store/gapAppenderChild.cjs'), dataDir, String(count), 'bot'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let purges = 0;
    while (!output.includes('done') && purges < 50) {
      // Each purge has an old record to remove, so each one rewrites the file.
      writeFileSync(path.join(dataDir, 'faq', 'gaps.jsonl'), `${JSON.stringify({ at: '2020-01-01T00:00:00.000Z', kind: 'UNANSWERED', question: 'vieille', channel: 'webchat', topicGuess: null, confidence: 0 })}\n`, { flag: 'a' });
      expect((await cli(['purge', '--json'], dataDir)).code).toBe(0);
      purges++;
    }
    expect(await exited).toBe(0);
    expect(output).toContain(`done ${count} 0`);
    expect(purges).toBeGreaterThan(1);
    const records = JSON.parse((await cli(['list', '--json'], dataDir)).stdout) as { question: string }[];
    const fromBot = records.map((record) => record.question).filter((question) => question.startsWith('bot '));
    expect(new Set(fromBot).size).toBe(count);
    expect(fromBot).toHaveLength(count);
  }, 120_000);

  it.each([
    [['purge', '--older-than-months', 'douze'], /--older-than-months attend un nombre entier de mois/],
    [['purge', '--older-than-months', '-3'], /--older-than-months attend un nombre entier de mois|Option inconnue/],
    [['purge', '--older-than-months'], /Valeur manquante pour l'option --older-than-months/],
    [['list', '--csv'], /Option inconnue : --csv/],
    [['effacer'], /Sous-commande inconnue/],
    [[], /Indiquez une sous-commande : purge ou list/],
  ])('exits 2 with a French message on unusable arguments: %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args, path.join(dir, 'usage'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage :');
    expect(stderr).not.toMatch(/error:|unknown option/);
  });

  it('exits 1 with the French reason on a bad GAP_RETENTION_MONTHS, and speaks French in its help', async () => {
    expect(await cli(['purge'], path.join(dir, 'config'), { GAP_RETENTION_MONTHS: '0' })).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('GAP_RETENTION_MONTHS="0" doit être un entier entre 1 et 120') });
    expect(await cli(['list'], path.join(dir, 'config'), { GAP_RETENTION_MONTHS: 'un an' })).toMatchObject({ code: 1, stderr: expect.stringContaining('GAP_RETENTION_MONTHS') });
    const help = await cli(['--help'], path.join(dir, 'config'));
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('Codes de sortie : 0 la commande a tourné, 2 arguments inutilisables');
  });

  it('exits 1 saying the file is busy when another live process holds the lock too long', async () => {
    const dataDir = path.join(dir, 'busy');
    await seed(dataDir);
    // Held by this (live) test process, and fresh: the command waits, then gives up.
    writeFileSync(path.join(dataDir, 'faq', 'gaps.jsonl.lock'), `${process.pid}:test`);
    const busy = await cli(['purge'], dataDir);
    expect(busy).toMatchObject({ code: 1, stdout: '' });
    expect(busy.stderr).toMatch(/gaps\.jsonl est occupé par un autre processus .* réessayez/);
    // A lock whose holder is gone (a crash) is taken over at once.
    writeFileSync(path.join(dataDir, 'faq', 'gaps.jsonl.lock'), '999999999:gone');
    expect((await cli(['purge'], dataDir)).code).toBe(0);
  }, 30_000);

  it('prints a hand-edited log line as inert text: no terminal escape, no bidirectional override reaches the screen', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'escapes-'));
    mkdirSync(path.join(dataDir, 'faq'), { recursive: true });
    const question = 'le DC4 \u001b]0;piraté\u0007\u001b[2J\u009b31m est-il \u202eeuqitamotua\u202c obligatoire ?';
    const line = { at: new Date().toISOString(), kind: 'UNANSWERED', question, channel: 'web\u001b[8mchat', topicGuess: null, confidence: 0 };
    writeFileSync(path.join(dataDir, 'faq', 'gaps.jsonl'), `${JSON.stringify(line)}\n`);
    const { code, stdout } = await cli(['list'], dataDir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/le DC4 .*est-il .*obligatoire/);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
