import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningBot, startBot } from '../support/botProcess';
import { waitFor } from '../support/waitFor';

const MARKER = 'SIRET-MARQUEUR-7328293200007';

/** Every file under `dir` (recursively) that contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesContaining(full, needle));
    else if (statSync(full).size < 200 * 1024 * 1024 && readFileSync(full).includes(needle)) found.push(full);
  }
  return found;
}

function multipart(marker: string): FormData {
  const form = new FormData();
  form.append('activity', new Blob([JSON.stringify({ type: 'message' })], { type: 'application/vnd.microsoft.activity' }));
  form.append('file', new Blob([`Extrait Kbis ${marker} contact@entreprise.fr`], { type: 'text/plain' }), 'kbis.txt');
  return form;
}

/** Sends the start of an upload and cuts the connection in the middle of the file. */
function abortedUpload(url: string, route: string, token: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const boundary = 'ha30boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="coupe.txt"\r\nContent-Type: text/plain\r\n\r\n${MARKER} `;
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`POST ${route} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 10000000\r\n\r\n${head}${'x'.repeat(50_000)}`);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 300);
    });
    socket.on('error', () => resolve());
  });
}

// The real process, as `npm start` runs it (dist/ built once by the jest global setup): attacks that used to kill it, leave files on disk or leak tokens in logs.
describe('the bot process under attack', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-attack-data-'));
  const tempDir = mkdtempSync(path.join(tmpdir(), 'ha30-attack-tmp-'));
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ DATA_DIR: dataDir, TMPDIR: tempDir });
  }, 120_000);
  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(tempDir, { recursive: true, force: true });
  });

  const alive = async () => expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

  it('survives a body that claims gzip but is not, before any authentication', async () => {
    for (const route of ['/api/messages', '/v3/directline/conversations/any/activities']) {
      const response = await fetch(`${bot.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'x' });
      expect([400, 401]).toContain(response.status);
    }
    await alive();
  });

  it('leaves no byte of an accepted, refused or aborted upload on disk', async () => {
    const opened = (await (await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).json()) as { conversationId: string; token: string };
    const base = `${bot.url}/v3/directline/conversations/${opened.conversationId}`;
    const auth = { authorization: `Bearer ${opened.token}` };
    expect((await fetch(`${base}/upload`, { method: 'POST', headers: auth, body: multipart(MARKER) })).status).toBe(200);
    expect((await fetch(`${bot.url}/api/messages`, { method: 'POST', body: multipart(MARKER) })).status).toBe(415);
    expect((await fetch(`${base}/activities`, { method: 'POST', headers: auth, body: multipart(MARKER) })).status).toBe(415);
    expect((await fetch(`${base}/activities`, { method: 'POST', body: multipart(MARKER) })).status).toBe(401);
    expect((await fetch(`${base}/upload`, { method: 'POST', body: multipart(MARKER) })).status).toBe(401);
    await abortedUpload(bot.url, `/v3/directline/conversations/${opened.conversationId}/upload`, opened.token);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await alive();
    expect(readdirSync(tempDir)).toEqual([]);
    expect(filesContaining(dataDir, MARKER)).toEqual([]);
  }, 30_000);

  it('writes no token, conversation id or authorization header in any log line', async () => {
    const opened = (await (await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).json()) as { conversationId: string; token: string };
    const base = `${bot.url}/v3/directline/conversations/${opened.conversationId}`;
    const auth = { authorization: `Bearer ${opened.token}`, 'content-type': 'application/json' };
    await fetch(`${base}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'bonjour' }) });
    await fetch(`${base}/activities`, { method: 'POST', headers: auth, body: `{"type":"message","value":${'['.repeat(50_000)}${']'.repeat(50_000)}}` });
    await fetch(`${base}/activities`, { method: 'POST', headers: auth, body: '{"type":' });
    await fetch(`${base}/activities?watermark=0`, { headers: { authorization: `Bearer ${opened.token}x` } });
    await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer forged.jwt.token-secret-value', cookie: 'session=cookie-secret-value' }, body: JSON.stringify({ type: 'message', text: 'x', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'conv-secret-id' }, from: { id: 'u' }, recipient: { id: 'b' } }) });
    await waitFor('the turns to be logged', () => (bot.output().match(/"event":"turn"/g) ?? []).length >= 2, { context: bot.output });
    const logs = bot.output();
    for (const secret of [opened.token, opened.conversationId, 'token-secret-value', 'cookie-secret-value', 'conv-secret-id']) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/authorization|Bearer [A-Za-z0-9]/i);
  }, 30_000);
});
