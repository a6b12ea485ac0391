import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCheckKnowledge } from '../bidcheck';
import type { Command } from 'commander';
import { loadConfig, loadDotEnv } from '../config';
import { isAppError } from '../errors';
import { FaqService, loadFaq } from '../faq';
import { openFaqLogs } from '../faq/openFaqLogs';
import { InsightsService, type InsightsKnowledge, monthLabel, monthOfDay, parisDay, ruleTitles } from '../insights';
import { type DigestSources, isDigestMonth, renderDigest } from '../insights/digest';
import { type KnowledgeFiles, loadConversationKnowledge, readKnowledgeFiles } from '../knowledge/loadKnowledge';
import { Messages } from '../knowledge/Messages';
import { CheckStatsStore } from '../store/CheckStatsStore';
import { Database } from '../store/database';
import { TenderInterestStore } from '../store/TenderInterestStore';
import { openCatalogue } from '../tenders';
import { sizeBandLabels, TestimonyService } from '../testimonies';
import { frenchTypography } from '../text/frenchTypography';
import { frenchProgram, parseArguments, runCommand, UsageError, writeOut } from './runCommand';

const USAGE = 'Usage : npm run --silent digest -- --month AAAA-MM [--out fichier.pdf]';

interface Flags {
  month?: string;
  out?: string;
}

function checkedMonth(month: string | undefined): string {
  if (month === undefined) throw new UsageError(`Indiquez le mois de la synthèse : --month AAAA-MM (par exemple --month 2026-11).\n${USAGE}`);
  if (!isDigestMonth(month)) throw new UsageError(`--month attend un mois au format AAAA-MM, de 01 à 12 (par exemple 2026-11) : « ${month} » ne convient pas.\n${USAGE}`);
  // As GET /api/insights/digest.pdf: a month to come would give an empty bulletin that reads « nothing happened ».
  if (month > monthOfDay(parisDay(new Date())!)) throw new UsageError(`Le mois ${month} n’a pas encore commencé : le bulletin d’un mois se prépare à partir de son premier jour.\n${USAGE}`);
  return month;
}

function checkedOut(out: string | undefined, month: string): string {
  if (out === '-') return out;
  // npm runs scripts from the project's folder: a relative path is the caller's, where npm was typed (INIT_CWD).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), out ?? `synthese-ha30-${month}.pdf`);
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Dossier introuvable pour --out : ${dir}\n${USAGE}`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--out attend un fichier, pas un dossier : ${file}\n${USAGE}`);
  return file;
}

/** The FAQ topics of the knowledge folder: titles for the digest, phrasings and lexicon for the clustering. */
function faqOf(files: KnowledgeFiles): Pick<InsightsKnowledge, 'topicTitles' | 'lexicon' | 'phrasings'> {
  const topics = files
    .names()
    .filter((name) => name.startsWith('faq/topics/'))
    .map((name) => files.get(name) as { id: string; title: string; phrasings?: string[] });
  const settings = files.names().includes('faq/settings.json') ? (files.get('faq/settings.json') as { lexicon?: Record<string, string> }) : {};
  return { topicTitles: new Map(topics.map((topic) => [topic.id, topic.title])), lexicon: settings.lexicon ?? {}, phrasings: topics.flatMap((topic) => topic.phrasings ?? []) };
}

/** The digest's sources on the files the bot uses (DATA_DIR, KNOWLEDGE_DIR); the stores are only read. */
async function openSources(): Promise<{ sources: DigestSources; close: () => Promise<unknown> }> {
  loadDotEnv();
  const config = loadConfig();
  const files = readKnowledgeFiles(config.knowledgeDir);
  const check = loadCheckKnowledge(files);
  const messages = new Messages(loadConversationKnowledge(files).messages);
  const faq = faqOf(files);
  // Trained as the chat is (a few seconds): the clusters of questions it now answers are shown apart.
  const trained = new FaqService(loadFaq(files), messages);
  const logs = openFaqLogs(config.dataDir, { retentionMonths: config.gapRetentionMonths });
  const testimonies = TestimonyService.open(config.dataDir, { retentionMonths: config.testimonyRetentionMonths, sizeLabel: sizeBandLabels(messages) });
  const database = await Database.open(config.dataDir);
  const checkStats = new CheckStatsStore(database);
  const [interest, catalogue] = await Promise.all([TenderInterestStore.open(config.dataDir), openCatalogue(config.dataDir, { knowledgeDir: config.knowledgeDir })]);
  const insights = new InsightsService({ gaps: () => logs.listGaps(), feedback: () => logs.listFeedback(), checkStats: () => checkStats.all(), tenderInterest: interest }, () => ({ messages, ruleTitles: ruleTitles(check.rules), ...faq }));
  const sources: DigestSources = {
    insights,
    knowledge: () => ({ messages, rules: check.rules, checkSettings: check.checkSettings, topicTitles: faq.topicTitles, faq: trained }),
    tender: (id) => catalogue.get(id),
    testimonies: testimonies.testimonies,
  };
  return { sources, close: () => Promise.all([interest.flush(), database.close()]) };
}

async function run(flags: Flags): Promise<number> {
  const month = checkedMonth(flags.month);
  const out = checkedOut(flags.out, month);
  const { sources, close } = await openSources();
  try {
    const pdf = await renderDigest(sources, month);
    if (out === '-') {
      await writeOut(pdf);
      return 0;
    }
    writeFileSync(out, pdf);
    await writeOut(`${frenchTypography(`Synthèse de ${monthLabel(month)} écrite dans ${out} (${Math.max(1, Math.round(pdf.length / 1024))} Ko).`)}\n`);
    return 0;
  } finally {
    await close();
  }
}

function program(result: { flags?: Flags }): Command {
  const root = frenchProgram('digest')
    .option('--month <AAAA-MM>', 'mois de la synthèse')
    .option('--out <fichier>', 'fichier PDF à écrire (- : sortie standard)')
    .action((flags: Flags) => {
      result.flags = flags;
    });
  root.helpInformation = () =>
    [
      USAGE,
      '',
      'La synthèse mensuelle du club HA30 en PDF, pour sa réunion et ses sous-groupes : chiffres du mois,',
      'questions restées sans bonne réponse (regroupées), causes de rejet et ce que la CCI propose,',
      'marchés signalés « peu ou pas de réponses locales », quelques témoignages de PME. Lue dans DATA_DIR et KNOWLEDGE_DIR, comme l’assistant.',
      '',
      'Options :',
      '  --month AAAA-MM     le mois (obligatoire)',
      '  --out fichier.pdf   où écrire le PDF (par défaut synthese-ha30-AAAA-MM.pdf ici ; - : sortie standard)',
      '',
      'Codes de sortie : 0 PDF écrit, 2 arguments inutilisables, 1 erreur (connaissances, fichiers, interne).',
      '',
    ].join('\n');
  return root;
}

async function main(argv: readonly string[]): Promise<number> {
  const result: { flags?: Flags } = {};
  if (!parseArguments(program(result), argv, USAGE)) return 0;
  return run(result.flags ?? {});
}

// Typeset like the PDF: the messages of this command carry « » and colons.
runCommand(main, {
  failure: (error) => {
    if (error instanceof UsageError) return { exitCode: 2, message: frenchTypography(error.message) };
    if (isAppError(error)) return { exitCode: 1, message: frenchTypography(error.message) };
    return undefined;
  },
});
