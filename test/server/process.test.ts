import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Database } from '../../src/store/database';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn('node', [path.join(ROOT, 'dist/src/index.js')], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env }, cwd: ROOT });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// The real entry point, as `npm start` runs it.
describe('the bot process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-process-'));
  beforeAll(async () => {
    await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs one JSON line per turn without personal data, and stops cleanly on SIGTERM with the store written', async () => {
    const bot = start({ PORT: '39781', DATA_DIR: dataDir });
    for (let i = 0; i < 100 && !bot.output().includes('"event":"started"'); i++) await new Promise((r) => setTimeout(r, 100));
    const response = await fetch('http://127.0.0.1:39781/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'je veux vérifier mon dossier Jean Dupont', deliveryMode: 'expectReplies', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c-proc' }, from: { id: 'u-proc' }, recipient: { id: 'b' } }),
    });
    expect(response.status).toBe(200);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const turn = bot.output().split('\n').find((line) => line.includes('"event":"turn"'));
    expect(JSON.parse(turn!)).toMatchObject({ event: 'turn', channel: 'test', type: 'message', latencyMs: expect.any(Number) });
    expect(bot.output()).not.toMatch(/Dupont|u-proc|c-proc/);
    const saved = await Database.open(dataDir);
    expect([...saved.stateByRecency()].some(([key]) => key.includes('c-proc'))).toBe(true);
  }, 30_000);

  it('refuses to start on an invalid knowledge folder, naming the reason', async () => {
    const bot = start({ PORT: '39782', DATA_DIR: dataDir, KNOWLEDGE_DIR: path.join(ROOT, 'test') });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/Démarrage impossible : .*(connaissances|knowledge)/);
  }, 30_000);

  it('refuses to start on a bad configuration value', async () => {
    const bot = start({ PORT: 'trois', DATA_DIR: dataDir });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('PORT="trois"');
  }, 30_000);
});
