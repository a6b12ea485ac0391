import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tenderInterest } from '../../src/insights';
import { INTEREST_DIR } from '../../src/store/TenderInterestStore';
import { loadKnowledgeTenders } from '../../src/tenders';
import { directLineUserId } from '../alerts/support';
import { freezeDate } from '../support/clock';
import { KNOWLEDGE_DIR } from '../support/services';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';

// The example tenders' deadlines are in early 2027: the test lives before them.
freezeDate('2026-12-01T10:00:00+01:00');

type Action = { id?: string; title?: string; data?: Record<string, unknown> };
type Activity = { from?: { role?: string }; attachments?: { content?: { actions?: Action[]; body?: { text?: string; size?: string }[] } }[] };

/** The result cards of the last carousel the bot sent in this conversation: each card's title and buttons. */
async function lastResults(app: TestApp, client: DirectLineClient): Promise<{ title: string; actions: Action[] }[]> {
  const response = await fetch(`${app.url}/v3/directline/conversations/${client.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${client.token}` } });
  const { activities } = (await response.json()) as { activities: Activity[] };
  const carousel = activities.filter((activity) => activity.from?.role === 'bot' && (activity.attachments?.length ?? 0) > 1).at(-1);
  if (!carousel) throw new Error('no results were sent');
  return carousel
    .attachments!.map((attachment) => attachment.content!)
    .filter((card) => card.actions?.some((action) => action.id === 'tenderDetail'))
    .map((card) => ({ title: card.body!.find((block) => block.size === 'Medium')!.text!, actions: card.actions! }));
}

/** An SME introducing itself as the newcomer of the tenders' transcript does, in real turns. */
async function plumberSearches(client: DirectLineClient): Promise<void> {
  await client.botSays(/./);
  await client.say('je suis plombier à Alès, quels marchés pour moi ?');
  await client.botSays(/Oui, garder ces domaines/);
  await client.say('oui');
  await client.botSays(/Combien de salariés/);
  await client.say('6 salariés, CA 450 k€');
  await client.botSays(/qualifications ou certifications/);
  await client.say('Qualibat');
  await client.botSays(/travaux, des fournitures ou des services/);
  await client.say('Travaux');
  await client.botSays(/Que souhaitez-vous faire maintenant/);
}

function press(client: DirectLineClient, action: Action | undefined): Promise<Response> {
  if (!action?.data) throw new Error('no such button');
  return client.say('', { value: action.data });
}

describe('tender interest counted from real chat turns', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ALERTS_POLL_SECONDS: '0' });
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('two SMEs see a tender, one opens its detail, the other starts a check: 2 / 1 / 1, shown as « moins de 3 »', async () => {
    const first = await DirectLineClient.start(app.url);
    const second = await DirectLineClient.start(app.url);
    await plumberSearches(first);
    await plumberSearches(second);
    const [shown, ...others] = await lastResults(app, first);
    expect(shown!.title).toMatch(/Rénovation des sanitaires/);
    const tenderId = shown!.actions.find((action) => action.id === 'tenderDetail')!.data!.ha30Detail as string;

    // « Voir le détail et l'avis »: a card with what the result could not hold, and the notice link.
    await press(first, shown!.actions.find((action) => action.id === 'tenderDetail'));
    const detail = (await first.botSays(/Rénovation des sanitaires/)).join('\n');
    expect(detail).toMatch(/Acheteur : Conseil départemental du Gard/);
    expect(detail).toMatch(/Date limite : 18\/01\/2027/);
    expect(detail).toContain('Vérifier mon dossier pour ce marché');

    // The second SME presses « Vérifier mon dossier pour ce marché » on its own card of the same tender.
    const mine = (await lastResults(app, second)).find((card) => card.title === shown!.title)!;
    await press(second, mine.actions.find((action) => action.id === 'checkThisTender'));
    await second.botSays(/Vérifions votre dossier pour « Rénovation des sanitaires/);

    // The first SME searches again: still one SME among those who saw it.
    await first.say('quels marchés pour moi ?');
    await first.botSays(/Que souhaitez-vous faire maintenant/);

    const counts = await app.tenderInterest.counts();
    expect(counts.get(tenderId)).toEqual({ seen: 2, opened: 1, checkStarted: 1, engaged: 2 });
    // The other results of the page were seen by both, opened by nobody.
    for (const card of others) {
      const id = card.actions.find((action) => action.id === 'tenderDetail')!.data!.ha30Detail as string;
      expect(counts.get(id)).toMatchObject({ seen: 2, opened: 0, checkStarted: 0 });
    }

    // The buyers see these counts through the insights' small-number rule: none of them is a 1 or a 2.
    const tender = loadKnowledgeTenders(KNOWLEDGE_DIR).examples.find((candidate) => candidate.id === tenderId)!;
    const [row] = tenderInterest([tender], counts, [], { now: new Date() });
    expect(row).toMatchObject({ tenderId, seen: { lessThan: 3 }, opened: { lessThan: 3 }, checkStarted: { lessThan: 3 } });

    // « Contacter l'acheteur » is taking the tender up too: the second SME now counts as one who opened it.
    await press(second, mine.actions.find((action) => action.id === 'contactBuyer'));
    await second.botSays(/l'acheteur est/);
    expect((await app.tenderInterest.counts()).get(tenderId)).toEqual({ seen: 2, opened: 2, checkStarted: 1, engaged: 2 });

    // What is written holds neither user nor conversation ids, nor the channel's name beside them.
    await app.tenderInterest.flush();
    const ids = [await directLineUserId(app.url, first.conversationId, first.token), await directLineUserId(app.url, second.conversationId, second.token), first.conversationId, second.conversationId];
    const dir = path.join(app.config.dataDir, INTEREST_DIR);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toMatch(/webchat|dl_/);
    }
    expect(readFileSync(path.join(dir, 'tender-interest.json'), 'utf8')).toContain(tenderId);
  });

  it('a detail click for a tender no longer in the catalogue says so, and counts nothing', async () => {
    const client = await DirectLineClient.start(app.url);
    await client.botSays(/./);
    await client.say('', { value: { ha30Detail: 'example:nexiste-pas' } });
    await client.botSays(/n'est plus dans le catalogue/);
    expect((await app.tenderInterest.counts()).has('example:nexiste-pas')).toBe(false);
  });
});
