import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importBoamp, openCatalogue } from '../../src/tenders';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { waitFor } from '../support/waitFor';
import { SPORTS_GROUNDS, seedProfile, tennisNotice } from './support';

freezeDate('2026-09-01T08:00:00Z');

interface Recorded {
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/**
 * A local Bot Connector: records every activity the bot posts (replies and proactive messages),
 * and answers 403 for conversations it is told the bot was removed from. No Azure involved.
 */
class ConnectorStub {
  readonly calls: Recorded[] = [];
  readonly removed = new Set<string>();
  /** Posts still to refuse with a 502 per conversation (the connector down for a while). */
  readonly failing = new Map<string, number>();
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return closed;
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404);
      res.end();
      return;
    }
    const conversation = decodeURIComponent(match[1]!);
    const failures = this.failing.get(conversation) ?? 0;
    if (failures > 0) {
      this.failing.set(conversation, failures - 1);
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'down' } }));
      return;
    }
    if (this.removed.has(conversation)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'removed' } }));
      return;
    }
    this.calls.push({ path: req.url!, authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `act-${this.calls.length}` }));
  }
}

function teamsMessage(serviceUrl: string, conversationId: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Math.random().toString(16).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: { id: '29:1teams-user', name: 'Claire Exemple', aadObjectId: '00000000-0000-0000-0000-00000000abcd' },
    recipient: { id: '28:ha30-bot', name: 'Assistant HA30' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-test' },
    channelData: { tenant: { id: 'tenant-test' } },
    locale: 'fr-FR',
  };
}

async function post(app: TestApp, activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return response.status;
}

const cardOf = (call: Recorded) => ((call.body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;

describe('alerts through the Bot Framework proactive path (Teams), against a local connector stub', () => {
  const stub = new ConnectorStub();
  let serviceUrl: string;
  let app: TestApp;

  beforeAll(async () => {
    serviceUrl = await stub.start();
    // Auth disabled (no MicrosoftAppId): the adapter posts to the stub without fetching a token.
    app = await startTestApp({ ALERTS_POLL_SECONDS: '0', ALERTS_MIN_SCORE: '20' });
  });
  afterAll(async () => {
    await app.cleanup();
    await stub.stop();
  });

  it('subscribes a Teams chat, then posts the alert card with continueConversation to its conversation, once', async () => {
    const conversation = 'a:1teams-personal-chat';
    await seedProfile(app.database, 'msteams', '29:1teams-user', SPORTS_GROUNDS);
    expect(await post(app, teamsMessage(serviceUrl, conversation, "Alertez-moi s'il vous plaît"))).toBeLessThan(300);
    await waitFor('the subscription reply', () => stub.calls.some((call) => String(call.body.text).includes('je vous enverrai ici')), { context: () => stub.calls.map((call) => String(call.body.text)).join('\n') });
    // Only the alerts: the turn's own replies (the follow-up prompt) may still be arriving.
    const alertsPosted = () => stub.calls.filter((call) => call.path.includes(encodeURIComponent(conversation)) && /Nouveau marché pour votre profil/.test(String(call.body.text)));

    const catalogue = await openCatalogue(app.config.dataDir);
    const report = await importBoamp(catalogue, [tennisNotice()], { now: new Date() });
    expect(await app.alerts.notifyImported(report.changedIds)).toMatchObject({ batches: 1, sent: 1, tenders: 1 });

    const proactive = alertsPosted();
    expect(proactive).toHaveLength(1);
    // botbuilder sends a proactive message as a reply to the continuation activity: …/activities/{id}.
    expect(proactive[0]!.path.startsWith(`/v3/conversations/${encodeURIComponent(conversation)}/activities`)).toBe(true);
    // Only what continueConversation needs was kept: no user name, no Entra object id.
    expect(JSON.stringify(proactive[0]!.body)).not.toMatch(/Claire|aadObjectId/);
    expect(proactive[0]!.body).toMatchObject({ type: 'message', conversation: { id: conversation }, recipient: { id: '29:1teams-user' }, from: { id: '28:ha30-bot' } });
    expect(String(proactive[0]!.body.text)).toMatch(/Nouveau marché pour votre profil/);
    const card = cardOf(proactive[0]!)!;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const json = JSON.stringify(card);
    expect(json).toContain('COURTS DE TENNIS');
    expect(json).toContain('https://www.boamp.fr/pages/avis/?q=idweb:26-81510');
    expect((card.actions as { title: string; data: { msteams: { type: string; value: string } } }[])[0]).toMatchObject({ title: 'Arrêter les alertes', data: { msteams: { type: 'imBack', value: "ne plus m'alerter" } } });

    // Once per tender: the same changes again send nothing.
    expect((await app.alerts.notifyImported(report.changedIds)).batches).toBe(0);
    expect(alertsPosted()).toHaveLength(1);

    // The card's button in Teams posts the text.
    expect(await post(app, teamsMessage(serviceUrl, conversation, "ne plus m'alerter"))).toBeLessThan(300);
    await waitFor('the unsubscribe reply', () => stub.calls.some((call) => String(call.body.text).includes('vous ne recevrez plus')));
    expect(app.alerts.isSubscribed(`msteams|${conversation}`)).toBe(false);
  });

  it('forgets a subscription whose chat the bot was removed from (the connector answers 403)', async () => {
    const conversation = 'a:1teams-removed-chat';
    await seedProfile(app.database, 'msteams', '29:1teams-user', SPORTS_GROUNDS);
    expect(await post(app, teamsMessage(serviceUrl, conversation, "m'alerter"))).toBeLessThan(300);
    await waitFor('the subscription reply', () => stub.calls.some((call) => call.path.includes(encodeURIComponent(conversation)) && String(call.body.text).includes('je vous enverrai ici')));
    stub.removed.add(conversation);
    const catalogue = await openCatalogue(app.config.dataDir);
    const report = await importBoamp(catalogue, [tennisNotice('26-81598')], { now: new Date() });
    expect(await app.alerts.notifyImported(report.changedIds)).toMatchObject({ gone: 1 });
    expect(app.alerts.isSubscribed(`msteams|${conversation}`)).toBe(false);
  });

  it('keeps a batch the connector could not take and sends it at the next check', async () => {
    const conversation = 'a:1teams-flaky-chat';
    await seedProfile(app.database, 'msteams', '29:1teams-user', SPORTS_GROUNDS);
    expect(await post(app, teamsMessage(serviceUrl, conversation, "m'alerter"))).toBeLessThan(300);
    await waitFor('the subscription reply', () => stub.calls.some((call) => call.path.includes(encodeURIComponent(conversation)) && String(call.body.text).includes('je vous enverrai ici')));
    const toThisChat = () => stub.calls.filter((call) => call.path.includes(encodeURIComponent(conversation)) && /nouveaux? marchés? pour votre profil/i.test(String(call.body.text)));
    // More refusals than the connector client's own retries.
    stub.failing.set(conversation, 10);
    const catalogue = await openCatalogue(app.config.dataDir);
    const report = await importBoamp(catalogue, [tennisNotice('26-81597')], { now: new Date() });
    expect(await app.alerts.notifyImported(report.changedIds)).toMatchObject({ failed: 1 });
    expect(toThisChat()).toHaveLength(0);
    stub.failing.delete(conversation);
    expect(app.alerts.isSubscribed(`msteams|${conversation}`)).toBe(true);
    // Nothing new imported: the pending batch alone is retried, once.
    expect(await app.alerts.notifyImported([])).toMatchObject({ sent: 1 });
    expect(await app.alerts.notifyImported([])).toMatchObject({ batches: 0 });
    expect(toThisChat()).toHaveLength(1);
    expect(JSON.stringify(toThisChat()[0]!.body)).toContain('26-81597');
  });
});
