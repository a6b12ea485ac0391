import { rmSync } from 'node:fs';
import { importBoamp, openCatalogue } from '../../src/tenders';
import { directLineUserId, SPORTS_GROUNDS, seedProfile, tennisNotice } from '../alerts/support';
import { editJson, knowledgeCopy } from '../knowledge/support/liveFolder';
import { freezeDate } from '../support/clock';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { waitFor } from '../support/waitFor';

jest.setTimeout(180_000);

// The real notice's deadline is in September 2026: the test lives before it.
freezeDate('2026-09-01T08:00:00Z');

/** Generous: the machine is shared; the contract's 5 s is what a person sees on an idle server. */
const RELOAD_WAIT = { timeoutMs: 60_000, everyMs: 100 };

describe('alerts read the knowledge in service, as the chat does', () => {
  let app: TestApp;
  let dir: string;
  const before = process.env.KNOWLEDGE_DIR;

  beforeAll(async () => {
    dir = knowledgeCopy();
    // As in production, where KNOWLEDGE_DIR is the process's environment.
    process.env.KNOWLEDGE_DIR = dir;
    app = await startTestApp({ KNOWLEDGE_DIR: dir, ALERTS_POLL_SECONDS: '0', ALERTS_MIN_SCORE: '20' });
  });
  afterAll(async () => {
    await app?.cleanup();
    if (before === undefined) delete process.env.KNOWLEDGE_DIR;
    else process.env.KNOWLEDGE_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('an alert sent after an edit of messages.json uses the edited texts, and a later refused edit of the folder does not stop the alerts', async () => {
    const client = await DirectLineClient.start(app.url);
    await seedProfile(app.database, 'webchat', await directLineUserId(app.url, client.conversationId, client.token), SPORTS_GROUNDS);
    await client.say('M’alerter');
    await client.botSays(/je vous enverrai ici les nouveaux marchés/);

    // A valid edit: in service a moment later, without a restart.
    const start = app.knowledge.status().version;
    editJson(dir, 'messages.json', (data) => {
      data.messages['alerts.intro'] = '{count, plural, one {Un marché tout frais pour vous (texte modifié en direct).} other {# marchés tout frais pour vous (texte modifié en direct).}}';
      data.messages['alerts.card.buyer'] = 'Pour le compte de : {name}';
    });
    await waitFor('the edited texts to be in service', () => app.knowledge.status().version !== start, { ...RELOAD_WAIT, context: () => JSON.stringify(app.knowledge.status()) });

    // Then a mistake in a text the tender search uses: refused, the edited version stays in service.
    editJson(dir, 'messages.json', (data) => {
      data.messages['tenders.reason.deadline'] = 'Il reste {joursRestants} jours.';
    });
    await waitFor('the mistake to be refused', () => app.knowledge.status().refusals.length >= 1, { ...RELOAD_WAIT, context: () => JSON.stringify(app.knowledge.status()) });

    const cli = await openCatalogue(app.config.dataDir);
    const report = await importBoamp(cli, [tennisNotice()], { now: new Date() });
    expect(report.changedIds).toEqual(['boamp:26-81510']);
    expect(await app.alerts.notifyImported(report.changedIds)).toMatchObject({ batches: 1, sent: 1 });
    const alert = (await client.botSays(/tout frais pour vous/)).join('\n');
    expect(alert).toContain('texte modifié en direct');
    expect(alert).toMatch(/Pour le compte de : .*Sanary/i);
    expect(alert).toContain('TRAVAUX DE RÉFECTION DE TROIS COURTS DE TENNIS');
  });
});
