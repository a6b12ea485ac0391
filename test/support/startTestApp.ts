import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningApp, startApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

export interface TestApp extends RunningApp {
  config: Config;
  cleanup(): Promise<void>;
}

/** Starts the real application on a free port with its own data folder. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'ha30-test-'));
  const shared = process.env.FAQ_CACHE_DIR ? { FAQ_CACHE_DIR: process.env.FAQ_CACHE_DIR } : {};
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ...shared, ...env });
  const app = await startApp(config, createLogger('silent'));
  return {
    ...app,
    config,
    cleanup: async () => {
      await app.stop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts an activity to /api/messages with expectReplies and returns the bot's replies. */
export async function expectReplies(url: string, activity: Record<string, unknown>): Promise<{ status: number; replies: Record<string, unknown>[] }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: 'conv-1' },
      from: { id: 'user-1' },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
      ...activity,
    }),
  });
  const body = response.status === 200 ? ((await response.json()) as { activities?: Record<string, unknown>[] }) : {};
  return { status: response.status, replies: body.activities ?? [] };
}

/** Runs `test` against a real app started with `env`, and stops it whatever happens. */
export async function withApp(env: Record<string, string>, test: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await startTestApp(env);
  try {
    await test(app);
  } finally {
    await app.cleanup();
  }
}
