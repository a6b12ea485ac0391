import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AlertSender, AlertService, type SendOutcome } from '../../src/alerts/AlertService';
import { SUBSCRIPTIONS_FILE, SubscriptionStore } from '../../src/alerts/SubscriptionStore';
import type { AlertBatch, StoredReference, Subscription } from '../../src/alerts/types';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { importBoamp, openCatalogue } from '../../src/tenders';
import { SPORTS_GROUNDS, tennisNotice } from './support';

const NOW = new Date('2026-09-01T08:00:00Z');
const logger = createLogger('silent');

/** Records what would be sent, and answers what the test says the channel answers. */
class RecordingSender implements AlertSender {
  readonly sent: { subscription: string; ids: string[] }[] = [];
  answer: SendOutcome = 'sent';
  async send(subscription: Subscription, batch: AlertBatch): Promise<SendOutcome> {
    if (this.answer === 'sent') this.sent.push({ subscription: subscription.id, ids: batch.items.map((item) => item.id) });
    return this.answer;
  }
}

function reference(id: string): StoredReference {
  return { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id }, bot: { id: '28:bot' }, user: { id: '29:user' } };
}

describe('AlertService', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-alerts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function service(options: { now?: Date; pollSeconds?: number; retentionDays?: number } = {}) {
    const catalogue = await openCatalogue(dir);
    const sender = new RecordingSender();
    const alerts = new AlertService(await SubscriptionStore.open(dir), catalogue, sender, { threshold: 0.2, pollSeconds: options.pollSeconds ?? 0, retentionDays: options.retentionDays ?? 180, logger, now: () => options.now ?? NOW });
    await alerts.start();
    return { alerts, sender, catalogue };
  }

  it('notices an import made by another catalogue instance (another process) when it checks the file', async () => {
    const { alerts, sender } = await service();
    await alerts.subscribe(reference('a:1'), 'botframework', SPORTS_GROUNDS);
    expect(await alerts.checkCatalogue()).toMatchObject({ batches: 0 });
    const other = await openCatalogue(dir);
    await importBoamp(other, [tennisNotice()], { now: NOW });
    expect(await alerts.checkCatalogue()).toMatchObject({ sent: 1, tenders: 1 });
    expect(sender.sent).toEqual([{ subscription: 'msteams|a:1', ids: ['boamp:26-81510'] }]);
    // The file did not change since: nothing to do.
    expect(await alerts.checkCatalogue()).toMatchObject({ batches: 0 });
    await alerts.stop();
  });

  it('runs concurrent triggers one after the other: a tender is sent once even when the poll and notifyImported race', async () => {
    const { alerts, sender } = await service();
    await alerts.subscribe(reference('a:2'), 'botframework', SPORTS_GROUNDS);
    const other = await openCatalogue(dir);
    const report = await importBoamp(other, [tennisNotice()], { now: NOW });
    await Promise.all([alerts.checkCatalogue(), alerts.notifyImported(report.changedIds), alerts.notifyImported(report.changedIds)]);
    expect(sender.sent).toHaveLength(1);
    await alerts.stop();
  });

  it('re-subscribing refreshes the profile and keeps what was sent; unsubscribing deletes it all from the file', async () => {
    const { alerts, sender } = await service();
    expect(await alerts.subscribe(reference('a:3'), 'botframework', SPORTS_GROUNDS)).toBe('created');
    const report = await importBoamp(await openCatalogue(dir), [tennisNotice()], { now: NOW });
    await alerts.notifyImported(report.changedIds);
    expect(await alerts.subscribe(reference('a:3'), 'botframework', { ...SPORTS_GROUNDS, employees: 14 })).toBe('updated');
    expect(await alerts.notifyImported(report.changedIds)).toMatchObject({ batches: 0 });
    expect(sender.sent).toHaveLength(1);
    await alerts.stop();
    const onDisk = () => JSON.parse(readFileSync(path.join(dir, SUBSCRIPTIONS_FILE), 'utf8')) as { subscriptions: Subscription[] };
    expect(onDisk().subscriptions[0]).toMatchObject({ profile: { employees: 14 }, sentIds: ['boamp:26-81510'] });
    const again = await service();
    expect(await again.alerts.unsubscribe('msteams|a:3')).toBe(true);
    expect(await again.alerts.unsubscribe('msteams|a:3')).toBe(false);
    await again.alerts.stop();
    expect(onDisk().subscriptions).toEqual([]);
  });

  it('forgets, at start, subscriptions not renewed within the retention and those of the local Direct Line', async () => {
    const first = await service({ now: new Date('2026-01-10T10:00:00Z') });
    await first.alerts.subscribe(reference('a:old'), 'botframework', SPORTS_GROUNDS);
    await first.alerts.subscribe({ ...reference('local-1'), channelId: 'webchat' }, 'local', SPORTS_GROUNDS);
    await first.alerts.stop();
    const recent = await service({ now: new Date('2026-06-01T10:00:00Z'), retentionDays: 180 });
    await recent.alerts.subscribe(reference('a:new'), 'botframework', SPORTS_GROUNDS);
    await recent.alerts.stop();
    const later = await service({ now: new Date('2026-07-15T10:00:00Z'), retentionDays: 180 });
    expect(later.alerts.isSubscribed('msteams|a:old')).toBe(false);
    expect(later.alerts.isSubscribed('webchat|local-1')).toBe(false);
    expect(later.alerts.isSubscribed('msteams|a:new')).toBe(true);
    await later.alerts.stop();
  });

  it('a subscription whose conversation is gone is deleted', async () => {
    const { alerts, sender } = await service();
    await alerts.subscribe(reference('a:4'), 'botframework', SPORTS_GROUNDS);
    sender.answer = 'gone';
    const report = await importBoamp(await openCatalogue(dir), [tennisNotice()], { now: NOW });
    expect(await alerts.notifyImported(report.changedIds)).toMatchObject({ gone: 1 });
    expect(alerts.isSubscribed('msteams|a:4')).toBe(false);
    await alerts.stop();
  });

  it('stops cleanly: the poll ends and later triggers do nothing', async () => {
    const { alerts, sender } = await service({ pollSeconds: 1 });
    await alerts.subscribe(reference('a:5'), 'botframework', SPORTS_GROUNDS);
    await alerts.stop();
    await importBoamp(await openCatalogue(dir), [tennisNotice()], { now: NOW });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(await alerts.checkCatalogue()).toMatchObject({ batches: 0 });
    expect(sender.sent).toEqual([]);
  });
});

describe('alerts configuration', () => {
  it('polls every 60 s, alerts from a score of 35 % and keeps a subscription 180 days by default', () => {
    expect(loadConfig({}, '/tmp').alerts).toEqual({ pollSeconds: 60, minScore: 0.35, retentionDays: 180 });
    expect(loadConfig({ ALERTS_POLL_SECONDS: '0', ALERTS_MIN_SCORE: '50', ALERTS_RETENTION_DAYS: '30' }, '/tmp').alerts).toEqual({ pollSeconds: 0, minScore: 0.5, retentionDays: 30 });
  });

  it('refuses bad values in French, naming the key', () => {
    expect(() => loadConfig({ ALERTS_POLL_SECONDS: 'souvent' }, '/tmp')).toThrow(/ALERTS_POLL_SECONDS="souvent" doit être un entier/);
    expect(() => loadConfig({ ALERTS_MIN_SCORE: '0' }, '/tmp')).toThrow(/ALERTS_MIN_SCORE/);
    expect(() => loadConfig({ ALERTS_RETENTION_DAYS: '-3' }, '/tmp')).toThrow(/ALERTS_RETENTION_DAYS/);
  });
});
