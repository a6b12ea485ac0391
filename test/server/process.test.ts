import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../../src/store/database';
import { spawnBot, startBot } from '../support/botProcess';

const ROOT = path.resolve(__dirname, '../..');

// The real entry point, as `npm start` runs it (dist/ is built once by the jest global setup).
describe('the bot process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs one JSON line per turn without personal data, and stops cleanly on SIGTERM with the store written', async () => {
    const bot = await startBot({ DATA_DIR: dataDir });
    const response = await fetch(`${bot.url}/api/messages`, {
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
  }, 90_000);

  it('refuses to start on an invalid knowledge folder, naming the reason', async () => {
    const bot = spawnBot({ DATA_DIR: dataDir, KNOWLEDGE_DIR: path.join(ROOT, 'test') });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/Démarrage impossible : .*(connaissances|knowledge)/);
  }, 90_000);

  it('refuses to start on a bad configuration value', async () => {
    const bot = spawnBot({ PORT: 'trois', DATA_DIR: dataDir });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('PORT="trois"');
  }, 90_000);
});
