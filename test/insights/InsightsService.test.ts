import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFaqLogs } from '../../src/faq/openFaqLogs';
import { InsightsService, ruleTitles } from '../../src/insights';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { CheckStatsStore } from '../../src/store/CheckStatsStore';
import { Database } from '../../src/store/database';
import { TenderInterestStore } from '../../src/store/TenderInterestStore';

const KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
const knowledge = loadKnowledge(KNOWLEDGE);
const messages = new Messages(knowledge.messages);
const topics = readdirSync(path.join(KNOWLEDGE, 'faq/topics')).map((file) => JSON.parse(readFileSync(path.join(KNOWLEDGE, 'faq/topics', file), 'utf8')) as { id: string; title: string; phrasings: string[] });

/** The real FAQ logs, written through the recorders the chat uses (scrubbing, hour only), at chosen times. */
async function faqLogs(dataDir: string) {
  let now = new Date();
  const logs = openFaqLogs(dataDir, { retentionMonths: 120, now: () => now });
  const at = (day: string) => (now = new Date(`${day}T09:20:00Z`));
  const gaps: [string, string][] = [
    ['visite de site obligatoire j ai pas pu y aller', '2026-03-03'],
    ['Visite obligatoire ratée : mon offre est-elle éliminée ?', '2026-03-10'],
    ['la visite du site est obligatoire ? appelez moi au 06 12 34 56 78', '2026-03-17'],
    ['=HYPERLINK("http://pirate") carte btp', '2026-03-18'],
  ];
  for (const [question, day] of gaps) {
    at(day);
    await logs.gaps.record({ kind: 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0.05 });
  }
  for (const [helpful, day] of [[false, '2026-03-04'], [true, '2026-03-05']] as const) {
    at(day);
    await logs.feedback.record({ topic: 'FAQ_KBIS_AGE', helpful, channel: 'webchat' });
  }
  return logs;
}

async function service() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-insights-'));
  const database = await Database.open(dataDir, { shards: 2 });
  const checkStats = new CheckStatsStore(database);
  const interest = await TenderInterestStore.open(dataDir);
  const logs = await faqLogs(dataDir);
  const insights = new InsightsService({ gaps: () => logs.listGaps(), feedback: () => logs.listFeedback(), checkStats: () => checkStats.all(), tenderInterest: interest }, () => ({
    messages,
    ruleTitles: ruleTitles(knowledge.rules),
    topicTitles: new Map(topics.map((topic) => [topic.id, topic.title])),
    lexicon: {},
    phrasings: topics.flatMap((topic) => topic.phrasings),
  }));
  return { insights, checkStats, interest, database };
}

describe('the insights as the dashboard and the digest call them', () => {
  it('answers the gaps of a month as JSON and as a CSV a French Excel opens, formulas neutralised', async () => {
    const { insights, database } = await service();
    const march = { from: '2026-03-01', to: '2026-03-31' };
    const report = await insights.gaps(march);
    expect(report.clusters.map((cluster) => cluster.size)).toEqual([3, 1]);
    const csv = await insights.gapsCsv(march);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFQuestion représentative;Autres formulations;Nombre de questions;Première fois;Dernière fois;Motifs;Sujets de la FAQ les plus proches;Par semaine');
    expect(csv).toContain('Visite obligatoire ratée : mon offre est-elle éliminée ?');
    expect(csv).toContain(';3;03/03/2026;17/03/2026;Sans réponse\u00a0: 3;Aucun sujet de la FAQ proche\u00a0: 3;');
    expect(csv).toContain(`"'=HYPERLINK(""http://pirate"") carte btp";;1;mars 2026;mars 2026;`);
    // Scrubbed by the gap log before it was stored: the export cannot leak what was never kept.
    expect(csv).not.toMatch(/06 ?12 ?34/);
    await database.close();
  });

  it('gives the rejection causes of the month from real bid-check statistics, in words', async () => {
    const { insights, checkStats, database } = await service();
    await checkStats.record({ at: '2026-03-02T09:00:00Z', documentTypes: ['URSSAF_VIGILANCE'], findings: [{ rule: 'URSSAF_ATTESTATION_TOO_OLD', severity: 'REGULARISABLE' }] });
    for (const day of ['03', '04', '05']) await checkStats.record({ at: `2026-03-${day}T09:00:00Z`, documentTypes: ['DC1'], findings: [] });
    const figures = await insights.month('2026-03');
    expect(figures.rejections.causes[0]!.sentence).toBe('1 dossier sur 4 a ce problème\u00a0: attestation de vigilance trop ancienne');
    const csv = await insights.rejectionsCsv({ from: '2026-03-01', to: '2026-03-31' });
    expect(csv.split('\r\n')[1]).toBe('mars 2026;URSSAF_ATTESTATION_TOO_OLD;Attestation de vigilance trop ancienne;À régulariser;1;4;25,0;1 dossier sur 4 a ce problème\u00a0: attestation de vigilance trop ancienne');
    expect(figures.satisfaction.topics).toEqual([{ topic: 'FAQ_KBIS_AGE', helpful: 1, notHelpful: 1, total: 2, helpfulShare: 0.5 }]);
    await database.close();
  });

  it('counts tender interest recorded through the recorder interface, with the buyer flags', async () => {
    const { insights, interest, database } = await service();
    const tender = { id: 'boamp:26-1', title: 'Réfection de la toiture de l’école', buyer: { name: 'Ville d’Alès', organisationId: 'ville-ales' }, deadlineAt: '2026-04-10T12:00:00+02:00', publishedAt: '2026-03-01T08:00:00Z', status: 'PUBLISHED', lifecycle: 'ACTIVE' } as const;
    for (const userKey of ['a', 'b', 'c', 'd']) await interest.record({ tenderId: tender.id, kind: 'SEEN', userKey, deadlineAt: tender.deadlineAt });
    await interest.flag(tender.id, 'ville-ales');
    const now = new Date('2026-03-25T10:00:00Z');
    const [row] = await insights.tenderInterest([tender], now);
    expect(row).toMatchObject({ seen: 4, opened: 0, signal: 'NO_LOCAL_INTEREST', flags: [{ organisationId: 'ville-ales' }] });
    const csv = await insights.tenderInterestCsv([tender], now);
    expect(csv.split('\r\n')[1]).toMatch(/^Réfection de la toiture de l’école;boamp:26-1;Ville d’Alès;10\/04\/2026 12:00;4;0;0;Aucune PME locale intéressée;\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await database.close();
  });

  it('shows « moins de 3 » in the CSV where a short period would show a 1 or a 2', async () => {
    const { insights, database } = await service();
    const csv = await insights.satisfactionCsv({ from: '2026-03-01', to: '2026-03-15' });
    const title = topics.find((topic) => topic.id === 'FAQ_KBIS_AGE')!.title;
    // One « Oui » and one « Non » in two weeks: merged, and their total is under 3.
    expect(csv.split('\r\n')[1]).toBe(`FAQ_KBIS_AGE;${title};;;moins de 3;`);
    await database.close();
  });
});
