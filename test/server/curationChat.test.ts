import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freezeDate } from '../support/clock';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { purchase } from '../proposals/support';
import { type Answer, type Browser, call, signedIn } from './web/support';

freezeDate('2026-12-02T10:00:00Z');

const REPO_KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
const QUESTION = 'est ce que la cci organise des petits dejeuners pour les artisans du batiment ?';

interface Cluster {
  representative: string;
  examples: string[];
  answeredBy: { topicId: string; title: string } | null;
}

// Issue 11 items 5 and 6 end to end: what the CCI does on the dashboard is what the next SME gets in the chat.
describe('gap answers and approved proposals reach the chat without a restart', () => {
  let app: TestApp;
  let root: string;
  let buyer: Browser;
  let cci: Browser;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-curation-chat-'));
    const knowledgeDir = path.join(root, 'knowledge');
    cpSync(REPO_KNOWLEDGE, knowledgeDir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: knowledgeDir, ALERTS_POLL_SECONDS: '0' });
    await addAccounts(app.config.dataDir, [BUYER, CCI]);
    buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    cci = await signedIn(app.url, CCI.login, CCI.password);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const as = (who: Browser, route: string, body?: unknown): Promise<Answer> =>
    call(`${app.url}${route}`, body === undefined ? { headers: { cookie: who.cookie } } : { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const clusters = async () => ((await as(buyer, '/api/insights/gaps')).json as { clusters: Cluster[] }).clusters;

  it('a gap cluster added to a topic: the same question is then answered in a real chat turn, and the cluster shows as answered', async () => {
    const before = await DirectLineClient.start(app.url);
    await before.botSays(/./);
    await before.say(QUESTION);
    await before.botSays(/Je ne connais pas encore la réponse/);
    const cluster = (await clusters()).find((entry) => entry.representative === QUESTION)!;
    expect(cluster.answeredBy).toBeNull();

    const answer = await as(cci, '/api/knowledge/gaps/answer', { questions: [cluster.representative, ...cluster.examples, 'la cci fait des petits dejeuners pour les artisans ?'], topicId: 'FAQ_WHERE_FIND_TENDERS' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ topicId: 'FAQ_WHERE_FIND_TENDERS', change: { action: 'gap.answer', collection: 'faqTopics', who: CCI.login, reloaded: true } });
    expect((answer.json!.answered as { question: string; answered: unknown }[])[0]).toEqual({ question: QUESTION, answered: true, by: { topicId: 'FAQ_WHERE_FIND_TENDERS', title: expect.any(String) } });

    const after = await DirectLineClient.start(app.url);
    await after.botSays(/./);
    await after.say(QUESTION);
    const title = (answer.json!.answered as { by: { title: string } }[])[0]!.by.title;
    const said = await after.botSays(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(said.join('\n')).not.toMatch(/Je ne connais pas encore la réponse/);
    expect((await clusters()).find((entry) => entry.representative === QUESTION)!.answeredBy).toEqual({ topicId: 'FAQ_WHERE_FIND_TENDERS', title });
  }, 60_000);

  it('an approved proposal is found by a tender search in a real chat turn', async () => {
    const proposed = await as(buyer, '/api/insights/proposals', purchase({ title: 'Réfection de la couverture du gymnase Jean-Bouin', keywords: ['couverture', 'toiture', 'zinguerie'] }));
    expect(proposed.status).toBe(201);
    const approved = await as(cci, `/api/knowledge/proposals/${String(proposed.json!.id)}/approve`, {});
    expect(approved.status).toBe(200);

    const sme = await DirectLineClient.start(app.url);
    await sme.botSays(/./);
    await sme.say('je suis couvreur à Nîmes, quels marchés pour moi ?');
    const said: string[] = [];
    // Answer the profile questions the bot asks, whatever their order, until results come.
    for (let turn = 0; turn < 8 && !said.some((text) => /Jean-Bouin/.test(text)); turn++) {
      const replies = await sme.botSays(/\?|Jean-Bouin|Que souhaitez-vous faire/, 15_000);
      said.push(...replies);
      const last = replies.at(-1) ?? '';
      if (/Jean-Bouin/.test(replies.join('\n')) || /Que souhaitez-vous faire/.test(last)) break;
      if (/garder ces domaines/.test(last)) await sme.say('oui');
      else if (/salariés/.test(last)) await sme.say('4 salariés, CA 300 k€');
      else if (/qualifications|certifications/.test(last)) await sme.say('Qualibat');
      else if (/travaux, des fournitures ou des services/.test(last)) await sme.say('Travaux');
      else await sme.say('je ne sais pas');
    }
    expect(said.join('\n')).toMatch(/Réfection de la couverture du gymnase Jean-Bouin/);
  }, 90_000);
});
