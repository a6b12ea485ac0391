import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readable } from '../support/replies';
import { expectReplies, startTestApp, type TestApp } from '../support/startTestApp';

describe('POST /api/messages: attachment URLs cannot make the bot call internal addresses', () => {
  let app: TestApp;
  let internal: Server;
  let port = 0;
  const requests: string[] = [];
  let conversation = 0;

  beforeAll(async () => {
    internal = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end(Buffer.alloc(1234, 1));
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    port = (internal.address() as AddressInfo).port;
    app = await startTestApp(); // anonymous local mode: the most permissive policy there is
  });
  afterAll(async () => {
    await app.cleanup();
    await new Promise((resolve) => internal.close(resolve));
  });

  const send = async (attachment: Record<string, unknown>, channelId = 'msteams') => {
    const { status, replies } = await expectReplies(app.url, {
      type: 'message',
      channelId,
      conversation: { id: `ssrf-${++conversation}` },
      attachments: [attachment, { contentType: 'text/html', content: '<p>voici</p>' }],
    });
    expect(status).toBe(200);
    return replies.map((reply) => readable(reply)).join('\n');
  };

  const teamsFile = (downloadUrl: string) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name: 'devis.pdf',
    contentUrl: 'https://contoso.sharepoint.com/sites/x/devis.pdf',
    content: { downloadUrl, fileType: 'pdf', uniqueId: 'x' },
  });

  it.each([
    'http://127.0.0.1:PORT/x',
    'http://127.0.0.1:PORT/v3/attachments/a/views/original',
    'https://localhost:PORT/x',
    'http://2130706433:PORT/x',
    'http://[::ffff:127.0.0.1]:PORT/x',
  ])('refuses a Teams downloadUrl %s without contacting it or saying anything about it', async (template) => {
    const text = await send(teamsFile(template.replace('PORT', String(port))));
    expect(text).toContain('« devis.pdf » : adresse de fichier refusée');
    expect(text).not.toMatch(/J'ai bien reçu|1,2 Ko|1234|octet|HTTP|\b200\b/);
    expect(requests).toEqual([]);
  });

  it('refuses a contentUrl to the metadata service or to another loopback path', async () => {
    for (const contentUrl of ['http://169.254.169.254/latest/meta-data/iam/', `http://127.0.0.1:${port}/admin`]) {
      const text = await send({ contentType: 'application/pdf', name: 'piege.pdf', contentUrl }, 'emulator');
      expect(text).toContain('« piege.pdf » : adresse de fichier refusée');
    }
    expect(requests).toEqual([]);
  });

  it("still fetches the Emulator's own attachment route on loopback in the anonymous local mode", async () => {
    const text = await send({ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: `http://127.0.0.1:${port}/v3/attachments/abc/views/original` }, 'emulator');
    expect(text).toContain("J'ai bien reçu « kbis.pdf »");
    expect(requests).toEqual(['/v3/attachments/abc/views/original']);
  });
});
