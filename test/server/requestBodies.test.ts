import { gzipSync, deflateSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/startTestApp';

const json = { 'content-type': 'application/json' };
const activity = { type: 'message', text: 'bonjour', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c-bodies' }, from: { id: 'u' }, recipient: { id: 'b' }, deliveryMode: 'expectReplies' };

async function post(url: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; message: string }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    // not JSON
  }
  return { status: response.status, message };
}

// Attacks on the way request bodies are read, before any authentication (issue: doors that hold).
describe('request bodies', () => {
  let app: TestApp;
  let messages: string;
  beforeAll(async () => {
    app = await startTestApp();
    messages = `${app.url}/api/messages`;
  });
  afterAll(async () => app.cleanup());

  const stillServing = async () => expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

  it('answers a body that claims gzip but is not with 400, and keeps serving', async () => {
    const bad = await post(messages, 'x', { ...json, 'content-encoding': 'gzip' });
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/compressé illisible/);
    const truncated = await post(messages, gzipSync(JSON.stringify(activity)).subarray(0, 20), { ...json, 'content-encoding': 'gzip' });
    expect(truncated.status).toBe(400);
    await stillServing();
  });

  it('refuses the same garbage on the Direct Line routes without a crash', async () => {
    const bad = await post(`${app.url}/v3/directline/conversations/whatever/activities`, 'x', { ...json, 'content-encoding': 'gzip' });
    expect(bad.status).toBe(401);
    await stillServing();
  });

  it('reads gzip, deflate and br bodies that are valid', async () => {
    for (const coding of ['gzip', 'deflate'] as const) {
      // A new conversation each time: the welcome card is shown once per conversation.
      const fresh = JSON.stringify({ ...activity, conversation: { id: `c-bodies-${coding}` } });
      const response = await fetch(messages, { method: 'POST', headers: { ...json, 'content-encoding': coding }, body: coding === 'gzip' ? gzipSync(fresh) : deflateSync(fresh) });
      expect(response.status).toBe(200);
      expect(JSON.stringify(await response.json())).toContain('Bienvenue');
    }
  });

  it('stops a gzip bomb at the inflated size limit with 413', async () => {
    // 64 MB of JSON whitespace compresses to about 64 KB: the limit counts what it inflates to.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('"}')]), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await post(messages, bomb, { ...json, 'content-encoding': 'gzip' });
    expect(refused.status).toBe(413);
    expect(refused.message).toMatch(/trop volumineuse/);
    await stillServing();
  });

  it('refuses a declared length over the limit before reading, and unknown encodings with 415', async () => {
    expect((await post(messages, Buffer.alloc(2 * 1024 * 1024, 0x20), json)).status).toBe(413);
    const unknown = await post(messages, JSON.stringify(activity), { ...json, 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
    expect(unknown.message).toMatch(/Encodage de contenu non pris en charge/);
  });

  it('refuses multipart and other non-JSON bodies on JSON routes with 415', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 SIRET 123 456 789 00012')]), 'kbis.pdf');
    const multipart = await fetch(messages, { method: 'POST', body: form });
    expect(multipart.status).toBe(415);
    expect((await post(messages, 'type=message', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('refuses JSON nested deeper than the limit', async () => {
    const deep = `{"type":"message","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const refused = await post(messages, deep, json);
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/trop imbriqué/);
    await stillServing();
  });

  it('puts the security headers on pages, APIs and unknown routes', async () => {
    for (const route of ['/', '/healthz', '/nowhere']) {
      const response = await fetch(`${app.url}${route}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'self'");
    }
  });
});

describe('frame-ancestors for embedding the widget', () => {
  it('follows FRAME_ANCESTORS', async () => {
    const app = await startTestApp({ FRAME_ANCESTORS: "'self' https://www.gard.cci.fr" });
    try {
      const csp = (await fetch(app.url)).headers.get('content-security-policy');
      expect(csp).toContain("frame-ancestors 'self' https://www.gard.cci.fr");
    } finally {
      await app.cleanup();
    }
  });
});
