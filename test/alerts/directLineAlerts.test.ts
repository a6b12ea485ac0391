import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBSCRIPTIONS_FILE } from '../../src/alerts/SubscriptionStore';
import { importBoamp, openCatalogue } from '../../src/tenders';
import { freezeDate } from '../support/clock';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { directLineUserId, SPORTS_GROUNDS, seedProfile, tennisNotice } from './support';

// The real notices' deadlines are in September 2026: the test lives before them.
freezeDate('2026-09-01T08:00:00Z');

const ALERT = /Nouveau marché pour votre profil|nouveaux marchés pour votre profil/;

function subscriptionsOnDisk(app: TestApp): unknown[] {
  const file = path.join(app.config.dataDir, SUBSCRIPTIONS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { subscriptions: unknown[] }).subscriptions : [];
}

describe('alerts through the local Direct Line', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ALERTS_POLL_SECONDS: '1', ALERTS_MIN_SCORE: '20' });
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('without a profile, says so in French and points to "Trouver des marchés"', async () => {
    const client = await DirectLineClient.start(app.url);
    await client.say("m'alerter");
    const said = await client.botSays(/besoin de connaître votre activité/);
    expect(said.join('\n')).toContain('Trouver des marchés');
    expect(subscriptionsOnDisk(app)).toEqual([]);
  });

  it('subscribes, alerts once on an import made by another catalogue (the CLI), and stops on "ne plus m\'alerter"', async () => {
    const client = await DirectLineClient.start(app.url);
    await seedProfile(app.database, 'webchat', await directLineUserId(app.url, client.conversationId, client.token), SPORTS_GROUNDS);
    await client.say('M’alerter');
    await client.botSays(/je vous enverrai ici les nouveaux marchés/);

    // Stored: the conversation's address and the profile snapshot, never what the user wrote.
    const stored = subscriptionsOnDisk(app) as { reference: Record<string, unknown>; profile: unknown; sentIds: string[] }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.profile).toEqual(SPORTS_GROUNDS);
    expect(JSON.stringify(stored[0])).not.toMatch(/alerter/i);
    expect(Object.keys(stored[0]!.reference).sort()).toEqual(['bot', 'channelId', 'conversation', 'serviceUrl', 'user']);

    // Another process's import: the bot notices it by polling the catalogue file.
    const cli = await openCatalogue(app.config.dataDir);
    const report = await importBoamp(cli, [tennisNotice()], { now: new Date() });
    expect(report.changedIds).toEqual(['boamp:26-81510']);
    const alert = (await client.botSays(ALERT)).join('\n');
    expect(alert).toContain('TRAVAUX DE RÉFECTION DE TROIS COURTS DE TENNIS');
    expect(alert).toMatch(/Acheteur : .*Sanary/i);
    expect(alert).toMatch(/Date limite : .*septembre 2026/);
    expect(alert).toContain('Arrêter les alertes');

    // The same import again (and an in-process notification of it): nothing more is sent.
    const again = await importBoamp(cli, [tennisNotice()], { now: new Date() });
    expect(again.written).toBe(false);
    expect((await app.alerts.notifyImported(report.changedIds)).batches).toBe(0);
    await expect(client.botSays(ALERT, 2_500)).rejects.toThrow(/never said/);

    // The card's button posts "ne plus m'alerter": the subscription and all it held are deleted.
    await client.say("ne plus m'alerter");
    await client.botSays(/vous ne recevrez plus d'alertes/);
    const later = await importBoamp(cli, [tennisNotice('26-81599')], { now: new Date() });
    expect(later.changedIds).toEqual(['boamp:26-81599']);
    expect(await app.alerts.notifyImported(later.changedIds)).toMatchObject({ batches: 0, sent: 0 });
    await expect(client.botSays(ALERT, 2_500)).rejects.toThrow(/never said/);
    expect(app.alerts.isSubscribed(`webchat|${client.conversationId}`)).toBe(false);
  });

  it('the web chat card button (a value, no text) stops the alerts too', async () => {
    const client = await DirectLineClient.start(app.url);
    await seedProfile(app.database, 'webchat', await directLineUserId(app.url, client.conversationId, client.token), SPORTS_GROUNDS);
    await client.say('je veux des alertes');
    await client.botSays(/je vous enverrai ici/);
    expect(app.alerts.isSubscribed(`webchat|${client.conversationId}`)).toBe(true);
    await client.say('', { value: { ha30Alerts: 'unsubscribe' } });
    await client.botSays(/vous ne recevrez plus d'alertes/);
    expect(app.alerts.isSubscribed(`webchat|${client.conversationId}`)).toBe(false);
  });

  it('a stranger\'s forged address (serviceUrl inside, another conversation, another channel) is never what alerts are sent to', async () => {
    const client = await DirectLineClient.start(app.url);
    await seedProfile(app.database, 'webchat', await directLineUserId(app.url, client.conversationId, client.token), SPORTS_GROUNDS);
    const forged = { serviceUrl: 'http://169.254.169.254/latest/', channelId: 'msteams', conversation: { id: 'someone-else' }, recipient: { id: 'other-bot' } };
    await client.say("m'alerter", forged);
    await client.botSays(/je vous enverrai ici/);
    const stored = (subscriptionsOnDisk(app) as { reference: { serviceUrl: string; channelId: string; conversation: { id: string } } }[]).find(
      (entry) => entry.reference.conversation.id === client.conversationId,
    );
    expect(stored).toBeDefined();
    expect(stored!.reference.channelId).toBe('webchat');
    expect(stored!.reference.serviceUrl).toMatch(/^http:\/\/(127\.0\.0\.1|localhost)/);
    expect(JSON.stringify(subscriptionsOnDisk(app))).not.toMatch(/169\.254|someone-else|other-bot/);
  });
});
