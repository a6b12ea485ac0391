import net from 'node:net';
import { wellFormed } from '../../src/server/directline/userActivity';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp, withApp } from '../support/startTestApp';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function activities(url: string, chat: { conversationId: string; token: string }): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${url}/v3/directline/conversations/${chat.conversationId}/activities?watermark=0`, { headers: auth(chat.token) });
  return ((await response.json()) as { activities: Record<string, unknown>[] }).activities;
}

async function uploadedFileUrl(url: string, chat: DirectLineClient): Promise<string> {
  const list = await activities(url, chat);
  const withFile = list.find((activity) => Array.isArray(activity.attachments) && (activity.attachments as { contentUrl?: string }[])[0]?.contentUrl);
  return (withFile!.attachments as { contentUrl: string }[])[0]!.contentUrl;
}

// The local Direct Line is a public door: anonymous SMEs chat through it. What a stranger can do with it.
describe('local Direct Line as a public door', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_CONVERSATIONS_PER_MINUTE: '100', RATE_MESSAGES_PER_MINUTE: '100' });
  });
  afterAll(async () => app.cleanup());

  it('refuses forged, altered and foreign tokens with 401 on every route', async () => {
    const mine = await DirectLineClient.start(app.url);
    const other = await DirectLineClient.start(app.url);
    const [payload, signature] = mine.token.split('.');
    const altered = `${Buffer.from(JSON.stringify({ c: other.conversationId, e: Date.now() + 60_000 })).toString('base64url')}.${signature}`;
    const base = `${app.url}/v3/directline`;
    for (const token of ['local', 'x.y', altered, `${payload}.${signature}x`, other.token]) {
      const calls = [
        fetch(`${base}/conversations/${mine.conversationId}`, { headers: auth(token) }),
        fetch(`${base}/conversations/${mine.conversationId}/activities?watermark=0`, { headers: auth(token) }),
        fetch(`${base}/conversations/${mine.conversationId}/activities`, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: '{"type":"message","text":"x"}' }),
        fetch(`${base}/conversations/${mine.conversationId}/upload`, { method: 'POST', headers: auth(token), body: new FormData() }),
      ];
      for (const response of await Promise.all(calls)) expect(response.status).toBe(401);
    }
    for (const token of ['local', altered]) expect((await fetch(`${base}/tokens/refresh`, { method: 'POST', headers: auth(token) })).status).toBe(401);
    expect((await fetch(`${base}/conversations/${mine.conversationId}/activities?watermark=0`)).status).toBe(401);
  });

  it('refuses a deeply nested activity, so that the conversation log keeps serialising', async () => {
    const chat = await DirectLineClient.start(app.url);
    const deep = `{"type":"message","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const posted = await fetch(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities`, { method: 'POST', headers: { ...auth(chat.token), 'content-type': 'application/json' }, body: deep });
    expect(posted.status).toBe(400);
    expect((await fetch(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities?watermark=0`, { headers: auth(chat.token) })).status).toBe(200);
  });

  it('renews a valid token on refresh, and the new one works', async () => {
    const chat = await DirectLineClient.start(app.url);
    const refreshed = await fetch(`${app.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth(chat.token) });
    expect(refreshed.status).toBe(200);
    const { token } = (await refreshed.json()) as { token: string };
    expect((await fetch(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities?watermark=0`, { headers: auth(token) })).status).toBe(200);
  });

  it('lets no other conversation read or reference an uploaded file', async () => {
    const owner = await DirectLineClient.start(app.url);
    await owner.botSays(/Bienvenue/);
    await owner.upload([{ name: 'kbis-societe.pdf', bytes: Buffer.from('%PDF-1.4 SIRET 732 829 320 00074 contact@exemple.fr') }]);
    await owner.botSays(/kbis-societe\.pdf/);
    const fileUrl = await uploadedFileUrl(app.url, owner);
    const intruder = await DirectLineClient.start(app.url);
    expect((await fetch(fileUrl)).status).toBe(401);
    expect((await fetch(fileUrl, { headers: auth(intruder.token) })).status).toBe(404);
    const reference = await intruder.say('', { attachments: [{ contentType: 'application/pdf', contentUrl: fileUrl, name: 'vol.pdf' }] });
    expect(reference.status).toBe(400);
    const teams = await intruder.say('', { attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'x.pdf', content: { downloadUrl: `${app.url}/healthz` } }] });
    expect(teams.status).toBe(400);
  });

  it('serves the bot-reply route only to the bot itself, not to any loopback caller', async () => {
    const chat = await DirectLineClient.start(app.url);
    await chat.botSays(/Bienvenue/);
    const before = (await activities(app.url, chat)).length;
    const fake = JSON.stringify({ type: 'message', text: 'Votre dossier est parfait, signé : le bot' });
    const headers = { 'content-type': 'application/json' };
    expect((await fetch(`${app.url}/v3/conversations/${chat.conversationId}/activities`, { method: 'POST', headers, body: fake })).status).toBe(404);
    expect((await fetch(`${app.url}/_bot/guess/v3/conversations/${chat.conversationId}/activities`, { method: 'POST', headers, body: fake })).status).toBe(403);
    const after = await activities(app.url, chat);
    expect(after).toHaveLength(before);
    // The bot's own route key never reaches a client.
    expect(JSON.stringify(after)).not.toContain('/_bot/');
  });
});

describe('local Direct Line limits', () => {
  it('answers 429 past the messages of a minute, and says so in the chat', async () => {
    await withApp({ RATE_MESSAGES_PER_MINUTE: '3' }, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await chat.say(`aide ${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      await chat.botSays(/Vous envoyez beaucoup de messages en peu de temps/);
    });
  });

  it('answers 429 past the conversations a client may open in a minute, and 503 when the server is full', async () => {
    const open = (url: string) => fetch(`${url}/v3/directline/conversations`, { method: 'POST' });
    await withApp({ RATE_CONVERSATIONS_PER_MINUTE: '2' }, async (app) => {
      expect([(await open(app.url)).status, (await open(app.url)).status]).toEqual([201, 201]);
      const third = await open(app.url);
      expect(third.status).toBe(429);
      expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/patientez une minute/);
    });
    await withApp({ DIRECTLINE_MAX_CONVERSATIONS: '1' }, async (full) => {
      expect((await open(full.url)).status).toBe(201);
      expect((await open(full.url)).status).toBe(503);
    });
  });

  it('caps the length of a conversation', async () => {
    await withApp({ DIRECTLINE_MAX_ACTIVITIES: '20', RATE_MESSAGES_PER_MINUTE: '1000' }, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      let status = 200;
      for (let i = 0; i < 30 && status === 200; i++) {
        status = (await chat.say('bonjour')).status;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(status).toBe(429);
      await chat.botSays(/longueur maximale/);
    });
  });

  it('is off with DIRECTLINE_ENABLED=false', async () => {
    await withApp({ DIRECTLINE_ENABLED: 'false' }, async (app) => {
      expect((await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(app.url)).status).toBe(404);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });
  });
});

describe('upload budgets, named to the user', () => {
  const mb = (n: number) => Buffer.alloc(Math.round(n * 1024 * 1024), 0x41);

  it('names each file over the total of one upload, and keeps the others', async () => {
    await withApp({ UPLOAD_MAX_MB: '1', UPLOAD_BATCH_MAX_MB: '2' }, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      await chat.botSays(/Bienvenue/);
      const response = await chat.upload(['a', 'b', 'c', 'd'].map((name) => ({ name: `${name}.txt`, bytes: mb(0.9), type: 'text/plain' })));
      expect(response.status).toBe(200);
      const said = (await chat.botSays(/« d\.txt »/)).join('\n');
      expect(said).toMatch(/J'ai bien reçu « a\.txt »/);
      expect(said).toMatch(/J'ai bien reçu « b\.txt »/);
      expect(said).toMatch(/« c\.txt » n'a pas été enregistré : cet envoi dépasse 2 Mo au total/);
      expect(said).toMatch(/« d\.txt » n'a pas été enregistré/);
    });
  });

  it('refuses, by name, what the server memory cannot take, rather than dropping someone else’s files', async () => {
    await withApp({ UPLOAD_MAX_MB: '10', UPLOAD_BATCH_MAX_MB: '100', UPLOAD_MEMORY_MB: '32' }, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      await chat.botSays(/Bienvenue/);
      await chat.upload(['un', 'deux', 'trois'].map((name) => ({ name: `${name}.txt`, bytes: mb(7), type: 'text/plain' })));
      const said = (await chat.botSays(/« trois\.txt »/)).join('\n');
      expect(said).toMatch(/J'ai bien reçu « un\.txt »/);
      expect(said).toMatch(/J'ai bien reçu « deux\.txt »/);
      expect(said).toMatch(/« trois\.txt » n'a pas été enregistré : le serveur reçoit beaucoup de fichiers/);
    });
  });

  it('names the files past the number one upload may carry', async () => {
    await withApp({}, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      await chat.botSays(/Bienvenue/);
      await chat.upload(Array.from({ length: 52 }, (_, i) => ({ name: `piece-${i + 1}.txt`, bytes: Buffer.from(`piece ${i}`), type: 'text/plain' })));
      const said = (await chat.botSays(/« piece-52\.txt » n'a pas été enregistré/, 20_000)).join('\n');
      expect(said).toMatch(/« piece-51\.txt » n'a pas été enregistré : 50 fichiers au plus par envoi/);
      expect(said).toMatch(/J'ai bien reçu « piece-50\.txt »/);
    });
  });

  it('answers 429 past the upload bytes of a minute, and says so in the chat', async () => {
    await withApp({ RATE_UPLOAD_MB_PER_MINUTE: '1' }, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      await chat.botSays(/Bienvenue/);
      const response = await chat.upload([{ name: 'gros.pdf', bytes: mb(3) }]).catch(() => undefined);
      if (response) expect(response.status).toBe(429);
      await chat.botSays(/Trop de données envoyées en peu de temps/);
    });
  });
});

describe('what one client can hold', () => {
  it('refuses a posted activity heavier than 32 KB once cleaned, and names the limit', async () => {
    await withApp({}, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      const response = await chat.say('', { value: Array.from({ length: 60_000 }, () => ({})) });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/Message trop volumineux : 32 Ko au plus/);
    });
  });

  it('caps the live conversations and the messages of one client across its conversations', async () => {
    await withApp({ DIRECTLINE_MAX_CONVERSATIONS_PER_CLIENT: '2', RATE_CLIENT_MESSAGES_PER_MINUTE: '3', RATE_MESSAGES_PER_MINUTE: '100' }, async (app) => {
      const first = await DirectLineClient.start(app.url);
      const second = await DirectLineClient.start(app.url);
      const third = await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST' });
      expect(third.status).toBe(429);
      expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/Trop de conversations ouvertes depuis votre connexion/);
      const statuses = [(await first.say('aide')).status, (await second.say('aide')).status, (await first.say('aide')).status, (await second.say('aide')).status];
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });

  it('takes one upload at a time per conversation', async () => {
    await withApp({}, async (app) => {
      const chat = await DirectLineClient.start(app.url);
      const { port } = new URL(app.url);
      // An upload that has started and is still sending its file.
      const socket = net.connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`POST /v3/directline/conversations/${chat.conversationId}/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${chat.token}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="lent.pdf"\r\n\r\n%PDF`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await chat.upload([{ name: 'autre.pdf', bytes: Buffer.from('%PDF-1.4') }]);
      expect(second.status).toBe(429);
      socket.destroy();
    });
  });

  it('keeps file names that were cut inside an emoji readable', () => {
    expect(wellFormed(`${'a'.repeat(3)}\uD83D`)).toBe('aaa\uFFFD');
    expect(wellFormed('devis 😀.pdf')).toBe('devis 😀.pdf');
    expect(() => encodeURIComponent(wellFormed('\uDE00x'))).not.toThrow();
  });
});

describe('/api/messages without an App ID', () => {
  it('serves only this machine: a request relayed by a proxy is refused', async () => {
    await withApp({}, async (app) => {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ type: 'message', text: 'bonjour', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' }, deliveryMode: 'expectReplies' }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/n’accepte que les appels de cette machine/);
    });
  });
});
