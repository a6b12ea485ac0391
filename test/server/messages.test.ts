import { readable } from '../support/replies';
import { expectReplies, startTestApp, type TestApp } from '../support/startTestApp';
import { waitFor } from '../support/waitFor';

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

  it('answers forged tokens on the expectReplies and invoke paths with 401 and a French line, never 500 or internal text', async () => {
    for (const extra of [{ type: 'message', deliveryMode: 'expectReplies' }, { type: 'invoke', name: 'adaptiveCard/action' }]) {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln' },
        body: JSON.stringify({ text: 'bonjour', channelId: 'test', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' }, ...extra }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/^Authentification Bot Framework refusée/);
      expect(JSON.stringify(body)).not.toMatch(/Unauthorized\.|Signing Key|stack|at /);
    }
  });
});

describe('POST /api/messages without expectReplies (how Teams and the Bot Service call)', () => {
  let app: TestApp;
  let connector: import('node:http').Server;
  const received: Record<string, unknown>[] = [];
  let connectorUrl = '';
  beforeAll(async () => {
    const http = await import('node:http');
    connector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (body) received.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: String(received.length) }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    connectorUrl = `http://127.0.0.1:${(connector.address() as import('node:net').AddressInfo).port}`;
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.cleanup();
    await new Promise((resolve) => connector.close(resolve));
  });

  it('acknowledges at once with 202, then replies through the connector', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'bonjour', channelId: 'msteams', serviceUrl: connectorUrl, conversation: { id: 'a:teams-1', conversationType: 'personal' }, from: { id: '29:user' }, recipient: { id: '28:bot' }, id: 'act-1' }),
    });
    expect(response.status).toBe(202);
    await waitFor('a reply through the connector', () => received.length > 0);
    expect(readable(received[0]!)).toContain("Bienvenue sur l'assistant HA30");
  });

  it('runs two quick messages of one conversation in order, without racing on its state', async () => {
    received.length = 0;
    const post = (id: string, text: string) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, channelId: 'msteams', serviceUrl: connectorUrl, conversation: { id: 'a:teams-order', conversationType: 'personal' }, from: { id: '29:user' }, recipient: { id: '28:bot' }, id }),
      });
    expect((await Promise.all([post('o-1', 'je veux vérifier mon dossier'), post('o-2', 'je prépare mon dépôt')])).map((r) => r.status)).toEqual([202, 202]);
    await waitFor('the reply to the second message', () => received.some((a) => /date limite/.test(readable(a))), { context: () => received.map((activity) => readable(activity)).join('\n---\n') });
    const said = received.map((activity) => readable(activity)).join('\n---\n');
    expect(said).toMatch(/Où en êtes-vous[\s\S]*date limite de remise/);
    expect(said).not.toMatch(/problème technique|erreur/i);
  });
});
