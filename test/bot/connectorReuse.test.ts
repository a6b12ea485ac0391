import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { waitFor } from '../support/waitFor';

/** A channel's connector: records "conversation reply-to-id" for every activity the bot posts to it. */
async function connector(): Promise<{ url: string; replies: string[]; server: Server }> {
  const replies: string[] = [];
  const server = createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/.exec(req.url ?? '');
    if (match) replies.push(`${decodeURIComponent(match[1]!)} ${decodeURIComponent(match[2]!)}`);
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: String(replies.length) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, replies, server };
}

// The bot keeps its connector clients between turns (ReusingAuthentication): a reused client must
// still be the one of the channel the message came from, turn after turn.
describe('replies through the connector, two channels taking turns', () => {
  let app: TestApp;
  const channels: Awaited<ReturnType<typeof connector>>[] = [];
  beforeAll(async () => {
    channels.push(await connector(), await connector());
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.cleanup();
    for (const { server } of channels) await new Promise((resolve) => server.close(resolve));
  });

  it('sends every reply to the service URL of its own conversation, never to the other channel', async () => {
    const post = (channel: number, id: string) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'bonjour', id, channelId: 'msteams', serviceUrl: channels[channel]!.url, conversation: { id: `a:conv-${channel}`, conversationType: 'personal' }, from: { id: `29:user-${channel}` }, recipient: { id: '28:bot' } }),
      });
    const turns = [0, 1, 0, 1, 0];
    for (const [turn, channel] of turns.entries()) {
      expect((await post(channel, `m-${turn}`)).status).toBe(202);
      await waitFor(`the reply to message ${turn}`, () => channels[channel]!.replies.includes(`a:conv-${channel} m-${turn}`), { context: () => JSON.stringify(channels.map((c) => c.replies)) });
    }
    const expected = (channel: number) => new Set(turns.flatMap((c, turn) => (c === channel ? [`a:conv-${channel} m-${turn}`] : [])));
    expect(new Set(channels[0]!.replies)).toEqual(expected(0));
    expect(new Set(channels[1]!.replies)).toEqual(expected(1));
  });
});
