import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { openFaqLogs } from '../../src/faq/openFaqLogs';
import { InsightsService, ruleTitles, type TenderForInterest } from '../../src/insights';
import { type DigestSources, renderDigest, type Testimony } from '../../src/insights/digest';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { CheckStatsStore } from '../../src/store/CheckStatsStore';
import { Database } from '../../src/store/database';
import { TenderInterestStore } from '../../src/store/TenderInterestStore';
import { SEEDED_MONTH, seedMonth } from './support/digestSeed';

const ROOT = path.resolve(__dirname, '../..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');
/** The rendered pages are kept here for a person to look at (git-ignored). */
const OUTPUT = path.join(ROOT, 'test-output', 'digest');
const knowledge = loadKnowledge(KNOWLEDGE);
const messages = new Messages(knowledge.messages);
const topics = readdirSync(path.join(KNOWLEDGE, 'faq/topics')).map((file) => JSON.parse(readFileSync(path.join(KNOWLEDGE, 'faq/topics', file), 'utf8')) as { id: string; title: string; phrasings: string[] });
const topicTitles = new Map(topics.map((topic) => [topic.id, topic.title]));

const TENDER: TenderForInterest = {
  id: 'boamp:26-90001',
  title: 'Réfection de la toiture de l’école Jean-Jaurès',
  buyer: { name: 'Ville d’Alès', organisationId: 'ville-ales' },
  deadlineAt: '2026-12-18T12:00:00+01:00',
  publishedAt: '2026-11-02T08:00:00Z',
  status: 'PUBLISHED',
  lifecycle: 'ACTIVE',
};

const TESTIMONIES: Testimony[] = [
  { text: 'On a été écartés pour une attestation Urssaf périmée de deux jours ; une relance de l’acheteur aurait suffi.', trade: 'Couverture', sizeBand: '1 à 9 salariés', at: '2026-11-14T10:00:00Z' },
  { text: 'Témoignage d’octobre, qui ne doit pas paraître en novembre.', at: '2026-10-30T10:00:00Z' },
];

/** The sources as the app builds them, on the real stores of a DATA_DIR. */
async function sourcesOf(dataDir: string, testimonies?: readonly Testimony[]): Promise<{ sources: DigestSources; close: () => Promise<void> }> {
  const logs = openFaqLogs(dataDir, { retentionMonths: 1200 });
  const database = await Database.open(dataDir);
  const checkStats = new CheckStatsStore(database);
  const interest = await TenderInterestStore.open(dataDir, { now: () => new Date('2026-12-03T08:00:00Z') });
  const insights = new InsightsService({ gaps: () => logs.listGaps(), feedback: () => logs.listFeedback(), checkStats: () => checkStats.all(), tenderInterest: interest }, () => ({
    messages,
    ruleTitles: ruleTitles(knowledge.rules),
    topicTitles,
    lexicon: {},
    phrasings: topics.flatMap((topic) => topic.phrasings),
  }));
  const sources: DigestSources = {
    insights,
    knowledge: () => ({ messages, rules: knowledge.rules, checkSettings: knowledge.checkSettings, topicTitles }),
    tender: (id) => (id === TENDER.id ? TENDER : undefined),
    ...(testimonies ? { testimonies: async () => testimonies } : {}),
  };
  return { sources, close: async () => void (await database.close()) };
}

/** The text in drawing order; pdftotext writes the no-break spaces as spaces, and `flat` joins the lines the layout cut. */
function pdfText(file: string): string {
  return flat(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

const flat = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/** The characters the embedded fonts draw, from their ToUnicode maps (what a reader's copy-paste gives). */
function drawnCharacters(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!text.includes('beginbfrange')) continue;
    for (const hex of text.matchAll(/<([0-9a-f]{4})>/gi)) chars.add(String.fromCodePoint(parseInt(hex[1]!, 16)));
  }
  return chars;
}

function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

describe('the club digest, rendered and read back', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-digest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(OUTPUT, { recursive: true });

  it('shows the month’s figures, the clusters with their questions, the causes with the CCI’s remedy, the flagged tender and a testimony', async () => {
    const dataDir = path.join(dir, 'november');
    const seeded = await seedMonth(dataDir, { flagTender: { id: TENDER.id, organisationId: 'ville-ales', deadlineAt: TENDER.deadlineAt! } });
    const { sources, close } = await sourcesOf(dataDir, TESTIMONIES);
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const clusters = await sources.insights.gaps(november);
    const pdf = await renderDigest(sources, SEEDED_MONTH, new Date('2026-12-03T08:00:00Z'));
    await close();
    const file = path.join(OUTPUT, 'synthese-2026-11.pdf');
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const text = pdfText(file);
    expect(text).toContain('Synthèse du club HA30 — novembre 2026');
    // The figures: 8 checks, 9 questions without a good answer (October's left out), 4 « Oui » out of 8.
    expect(seeded).toMatchObject({ checks: 8, gaps: 9 });
    expect(text).toMatch(/8 dossiers de candidature vérifiés/);
    expect(text).toMatch(/9 questions restées sans bonne réponse/);
    expect(text).toMatch(/50 % de « Oui » à « Cette réponse vous a aidé \? » \(4 oui, 4 non\)/);
    expect(text).toContain('1 marché signalé « peu ou pas de réponses locales »');
    // The largest cluster, as the insights made it: its representative question, its size and an example.
    const top = clusters.clusters[0]!;
    expect(seeded.visitQuestions.map((question) => question.slice(0, 20))).toContain(top.representative.slice(0, 20));
    expect(text).toContain(`1. « ${flat(top.representative)} »`);
    expect(text).toContain(`${top.size} questions posées`);
    expect(text).toContain(flat(top.examples[0]!));
    // Scrubbed when it was stored: the phone number never reaches the digest; October stays out.
    expect(text).not.toMatch(/06 ?12 ?34/);
    expect(text).not.toContain('octobre');
    // The causes in words, with the rule's remedy filled from the settings (6 months for Urssaf).
    expect(text).toContain("3 dossiers sur 8 ont ce problème : extrait d'immatriculation trop ancien");
    expect(text).toContain('2 dossiers sur 8 ont ce problème : attestation de vigilance trop ancienne');
    expect(text).toContain('Ce que propose la CCI : Votre attestation Urssaf a plus de 6 mois : téléchargez-en une nouvelle');
    expect(text).not.toMatch(/\{\w+\}/);
    // The tender its buyer flagged, with how many SMEs saw it.
    expect(text).toContain('Réfection de la toiture de l’école Jean-Jaurès');
    expect(text).toMatch(/Vu par 5 PME dans leurs résultats, ouvert par 0/);
    expect(text).toContain('une relance de l’acheteur aurait suffi');
    expect(text).toContain('Couverture, 1 à 9 salariés');
    expect(text).not.toContain('Témoignage d’octobre');
    // The charts' titles and labels are text in the PDF, beside the bars drawn as vectors.
    expect(text).toContain('Questions restées sans bonne réponse, par semaine');
    expect(text).toContain('Part des dossiers vérifiés où le problème apparaît');
    expect(text).toContain('38 %');

    // The font is embedded (a subset of DejaVu Sans), so every French glyph is drawn as written.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toContain('Helvetica');
    // French typography reached the page: narrow no-break spaces (« », ; ?) and no-break spaces (:) are drawn.
    const drawn = drawnCharacters(pdf);
    for (const char of ['\u202f', '\u00a0', '«', '»', '’', 'é', 'è', 'à', '—']) expect(drawn).toContain(char);

    // Page 1 as an image: a person can look at it in test-output/digest/.
    const prefix = path.join(OUTPUT, 'synthese-2026-11-page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
  });

  it('gives a short, honest PDF for a month without data', async () => {
    const { sources, close } = await sourcesOf(path.join(dir, 'empty'));
    const pdf = await renderDigest(sources, '2026-02', new Date('2026-12-03T08:00:00Z'));
    await close();
    const file = path.join(OUTPUT, 'synthese-vide.pdf');
    writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain('Synthèse du club HA30 — février 2026');
    expect(text).toContain('Aucune donnée ce mois-ci');
    expect(text).not.toContain('Les chiffres du mois');
    expect(pages(file)).toBe(1);
  });
});
