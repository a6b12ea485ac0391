import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBSCRIPTIONS_FILE } from '../../src/alerts/SubscriptionStore';
import { importBoamp, openCatalogue } from '../../src/tenders';
import type { SmeProfile } from '../../src/tenders/match/profile';
import { freezeDate } from '../support/clock';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER } from '../accounts/support';
import { call, signedIn } from '../server/web/support';
import { directLineUserId, SPORTS_GROUNDS, seedProfile, tennisNotice } from './support';

// The real notice's deadline is in September 2026: the test lives before it.
freezeDate('2026-09-01T08:00:00Z');

const TENNIS = 'boamp:26-81510';
const NUDGE = /L'acheteur de ce marché signale au club HA30/;
const PLUMBER: SmeProfile = { activity: 'plomberie chauffage sanitaire', departments: ['30'], natures: ['TRAVAUX'], employees: 6 };

async function subscribed(app: TestApp, profile: SmeProfile): Promise<DirectLineClient> {
  const client = await DirectLineClient.start(app.url);
  await seedProfile(app.database, 'webchat', await directLineUserId(app.url, client.conversationId, client.token), profile);
  await client.say("m'alerter");
  await client.botSays(/je vous enverrai ici/);
  return client;
}

describe('a flagged tender nudges the subscribers it fits, through the local Direct Line', () => {
  let app: TestApp;
  beforeAll(async () => {
    // No polling: nothing but the flag may send a message in this test.
    app = await startTestApp({ ALERTS_POLL_SECONDS: '0', ALERTS_MIN_SCORE: '20' });
    await addAccounts(app.config.dataDir, [BUYER]);
    // Imported by another process before anyone subscribed: no alert went out for it. Its buyer is
    // taken for the test buyer's organisation, so that she may flag it.
    const report = await importBoamp(await openCatalogue(app.config.dataDir), [tennisNotice()], { now: new Date(), resolveOrganisation: () => BUYER.orgId });
    expect(report.changedIds).toEqual([TENNIS]);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
  });

  it('reaches the matching SME once, with the tender card and why; never the one it does not fit', async () => {
    const sports = await subscribed(app, SPORTS_GROUNDS);
    const plumber = await subscribed(app, PLUMBER);

    // The buyer flags it on the dashboard; the nudges go once the answer is sent.
    const browser = await signedIn(app.url, BUYER.login, BUYER.password);
    const flagged = await call(`${app.url}/api/insights/tenders/${encodeURIComponent(TENNIS)}/flag`, { method: 'POST', headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf } });
    expect(flagged.status).toBe(200);
    await app.nudges.settled();
    const nudge = (await sports.botSays(NUDGE)).join('\n');
    expect(nudge).toMatch(/peu ou pas de réponses d'entreprises du territoire/);
    expect(nudge).toMatch(/correspond à votre profil[\s\S]*Pourquoi ce marché : votre activité : .*courts/);
    expect(nudge).toMatch(/abonné aux alertes, et une seule fois pour ce marché/);
    expect(nudge).toContain('TRAVAUX DE RÉFECTION DE TROIS COURTS DE TENNIS');
    expect(nudge).toMatch(/Date limite : .*2026/);
    expect(nudge).toContain('Voir le détail et l\'avis');
    await expect(plumber.botSays(NUDGE, 1_500)).rejects.toThrow(/never said/);

    // Flagged again (by the CCI on the buyer's behalf, or after an unflag): nobody is told twice.
    await app.tenderFlags.unflag(TENNIS, BUYER.orgId);
    await app.tenderFlags.flag(TENNIS, BUYER.orgId);
    expect(await app.nudges.onTenderFlagged(TENNIS)).toMatchObject({ targets: 0, sent: 0 });
    await app.nudges.settled();
    await expect(sports.botSays(NUDGE, 1_500)).rejects.toThrow(/never said/);
    const onDisk = JSON.parse(readFileSync(path.join(app.config.dataDir, SUBSCRIPTIONS_FILE), 'utf8')) as { subscriptions: { reference: { conversation: { id: string } }; nudgedIds?: string[] }[] };
    expect(onDisk.subscriptions.find((entry) => entry.reference.conversation.id === sports.conversationId)?.nudgedIds).toEqual([TENNIS]);

    // The card's buttons reach the bot as a result card's do: the detail counts the SME among those who opened it.
    await sports.say('', { value: { ha30Detail: TENNIS } });
    await sports.botSays(/Ouvrir l'avis officiel|Procédure|Acheteur/);
    expect((await app.tenderInterest.counts()).get(TENNIS)).toMatchObject({ opened: 1 });
  });

  it('re-subscribing keeps what was nudged; a conversation that subscribes later is nudged at the next flag only', async () => {
    const late = await subscribed(app, SPORTS_GROUNDS);
    await expect(late.botSays(NUDGE, 1_000)).rejects.toThrow(/never said/);
    expect(await app.nudges.onTenderFlagged(TENNIS)).toMatchObject({ targets: 1, sent: 1 });
    await late.botSays(NUDGE);
    await late.say("m'alerter");
    await late.botSays(/déjà active/);
    expect(await app.nudges.onTenderFlagged(TENNIS)).toMatchObject({ targets: 0 });
  });

  it('never nudges about a closed tender, nor one the catalogue does not hold', async () => {
    // A subscriber the tender fits and who was never told about it…
    const fresh = await subscribed(app, SPORTS_GROUNDS);
    // …once the deadline (September 2026) has passed.
    jest.setSystemTime(new Date('2026-10-01T08:00:00Z'));
    expect(await app.nudges.onTenderFlagged(TENNIS)).toMatchObject({ targets: 0, sent: 0 });
    expect(await app.nudges.onTenderFlagged('boamp:00-00000')).toMatchObject({ targets: 0, sent: 0 });
    // (The Direct Line conversation itself has expired a month later: what was recorded tells.)
    await app.nudges.settled();
    const onDisk = JSON.parse(readFileSync(path.join(app.config.dataDir, SUBSCRIPTIONS_FILE), 'utf8')) as { subscriptions: { reference: { conversation: { id: string } }; nudgedIds?: string[] }[] };
    expect(onDisk.subscriptions.find((entry) => entry.reference.conversation.id === fresh.conversationId)).toBeDefined();
    expect(onDisk.subscriptions.find((entry) => entry.reference.conversation.id === fresh.conversationId)?.nudgedIds).toBeUndefined();
  });
});
