import { readable } from '../support/replies';
import { expectReplies, startTestApp, type TestApp } from '../support/startTestApp';

describe('POST /api/messages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.cleanup());

  it('answers "bonjour" with the French welcome (expectReplies)', async () => {
    const { status, replies } = await expectReplies(app.url, { type: 'message', text: 'bonjour' });
    expect(status).toBe(200);
    const text = replies.map((reply) => readable(reply)).join('\n');
    expect(text).toContain("Bienvenue sur l'assistant HA30");
    expect(text).toContain('Vérifier mon dossier de candidature');
  });

  it('refuses malformed JSON and activities without a type with 400, and keeps serving', async () => {
    const bad = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    expect(bad.status).toBe(400);
    const untyped = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"bonjour"}' });
    expect(untyped.status).toBe(400);
    const array = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(array.status).toBe(400);
    const health = await fetch(`${app.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('ignores activity types it does not know', async () => {
    const { status, replies } = await expectReplies(app.url, { type: 'somethingNew' });
    expect(status).toBe(200);
    expect(replies).toEqual([]);
  });
});

describe('POST /api/messages with an App ID configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The SDK prints each refused request with console.error; the assertion is the status code.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' });
  });
  afterAll(async () => app.cleanup());

  it('rejects a request without a Bot Framework token with 401', async () => {
    const { status } = await expectReplies(app.url, { type: 'message', text: 'bonjour' });
    expect(status).toBe(401);
  });

  it('rejects a forged token with 401', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
      body: JSON.stringify({ type: 'message', text: 'bonjour', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }),
    });
    expect(response.status).toBe(401);
  });
});
