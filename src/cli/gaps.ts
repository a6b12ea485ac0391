import type { Command } from 'commander';
import { loadConfig, loadDotEnv } from '../config';
import { isAppError } from '../errors';
import { type FaqLogs, type FaqPurgeReport, openFaqLogs } from '../faq/openFaqLogs';
import type { GapKind, GapRecord } from '../faq/types';
import type { FeedbackRecord } from '../store/FeedbackStore';
import { LockBusyError } from '../store/fileLock';
import { frenchTypography } from '../text/frenchTypography';
import { frenchProgram, parseArguments, runCommand, UsageError, writeOut } from './runCommand';

const USAGE_PURGE = 'npm run --silent gaps -- purge [--older-than-months N] [--json]';
const USAGE_LIST = 'npm run --silent gaps -- list [--feedback] [--json]';
const USAGE = ['Usage :', `  ${USAGE_PURGE}`, `  ${USAGE_LIST}`].join('\n');
const MAX_MONTHS = 1200;

const REASONS = (quoted: string) => ({
  'commander.unknownCommand': `Sous-commande inconnue : ${quoted} (purge ou list).`,
  'commander.help': 'Indiquez une sous-commande : purge ou list.',
});

function logsOfConfig(): { logs: FaqLogs; retentionMonths: number } {
  loadDotEnv();
  const config = loadConfig();
  return { logs: openFaqLogs(config.dataDir, { retentionMonths: config.gapRetentionMonths }), retentionMonths: config.gapRetentionMonths };
}

function print(text: string): Promise<void> {
  return writeOut(`${text}\n`);
}

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
const HOUR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });

function when(iso: string): string {
  const date = new Date(iso);
  return `${DAY.format(date)} ${HOUR.format(date).replace(/\D/g, '')} h`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

// --- purge ------------------------------------------------------------------------------------

interface PurgeFlags {
  olderThanMonths?: string;
  json?: boolean;
}

function months(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value > MAX_MONTHS) throw new UsageError(`--older-than-months attend un nombre entier de mois, de 0 à ${MAX_MONTHS} : « ${raw} » ne convient pas.\nUsage : ${USAGE_PURGE}`);
  return value;
}

function formatPurge(report: FaqPurgeReport, olderThanMonths: number): string {
  return frenchTypography(
    [
      `Purge des journaux de la FAQ : effacé tout ce qui date d’avant le ${when(report.cutoff).replace(/ \d+ h$/, '')} (${plural(olderThanMonths, 'mois', 'mois')}).`,
      `Questions sans bonne réponse : ${plural(report.gaps.removed, 'supprimée', 'supprimées')}, ${plural(report.gaps.kept, 'conservée', 'conservées')} (${report.gaps.file}).`,
      `Avis « Cette réponse vous a aidé ? » : ${plural(report.feedback.removed, 'supprimé', 'supprimés')}, ${plural(report.feedback.kept, 'conservé', 'conservés')} (${report.feedback.file}).`,
    ].join('\n'),
  );
}

async function runPurge(flags: PurgeFlags): Promise<number> {
  const { logs, retentionMonths } = logsOfConfig();
  const olderThanMonths = months(flags.olderThanMonths, retentionMonths);
  const report = await logs.purge(olderThanMonths);
  await print(flags.json ? JSON.stringify({ olderThanMonths, ...report }, null, 2) : formatPurge(report, olderThanMonths));
  return 0;
}

// --- list -------------------------------------------------------------------------------------

interface ListFlags {
  feedback?: boolean;
  json?: boolean;
}

const KIND_LABELS: Record<GapKind, string> = { UNANSWERED: 'sans réponse', LOW_CONFIDENCE: 'réponse peu sûre', NOT_HELPFUL: 'réponse jugée inutile' };

/**
 * The bot writes the log already cleaned, but a line edited by hand or left by an older version
 * could hold terminal escapes or bidirectional overrides: they are dropped, never sent to the screen.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}]/gu;
function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

function formatGaps(records: readonly GapRecord[], file: string): string {
  if (records.length === 0) return `Aucune question dans le journal des questions sans bonne réponse (${file}).`;
  const lines = records.map((record) => {
    const guess = record.topicGuess ? `sujet pressenti : ${printable(record.topicGuess)} (${Math.round(record.confidence * 100)} %)` : 'aucun sujet pressenti';
    return `${when(record.at)} · ${KIND_LABELS[record.kind]} · ${printable(record.channel)} · ${guess} · « ${printable(record.question)} »`;
  });
  return frenchTypography([`Questions sans bonne réponse : ${records.length} (${file}), heure de Paris`, ...lines].join('\n'));
}

function formatFeedback(records: readonly FeedbackRecord[], file: string): string {
  if (records.length === 0) return `Aucun avis « Cette réponse vous a aidé ? » enregistré (${file}).`;
  const byTopic = new Map<string, { yes: number; no: number }>();
  for (const record of records) {
    const counts = byTopic.get(record.topic) ?? { yes: 0, no: 0 };
    if (record.helpful) counts.yes++;
    else counts.no++;
    byTopic.set(record.topic, counts);
  }
  const lines = [...byTopic].sort((a, b) => b[1].yes + b[1].no - (a[1].yes + a[1].no)).map(([topic, counts]) => `${printable(topic)} : ${counts.yes} oui, ${counts.no} non`);
  return frenchTypography([`Avis « Cette réponse vous a aidé ? » : ${records.length} (${file}), du ${when(records[0]!.at)} au ${when(records.at(-1)!.at)}`, ...lines].join('\n'));
}

async function runList(flags: ListFlags): Promise<number> {
  const { logs } = logsOfConfig();
  if (flags.feedback) {
    const records = await logs.listFeedback();
    await print(flags.json ? JSON.stringify(records, null, 2) : formatFeedback(records, logs.feedbackFile));
  } else {
    const records = await logs.listGaps();
    await print(flags.json ? JSON.stringify(records, null, 2) : formatGaps(records, logs.gapsFile));
  }
  return 0;
}

// --- program ----------------------------------------------------------------------------------

function program(result: { run?: () => Promise<number> }): Command {
  const root = frenchProgram('gaps');
  root.helpInformation = () =>
    [
      USAGE,
      '',
      'Journaux anonymes de la FAQ, sous DATA_DIR/faq/ : questions sans bonne réponse (gaps.jsonl, expurgées',
      'des données personnelles) et avis « Cette réponse vous a aidé ? » (feedback.jsonl).',
      '',
      'Sous-commandes :',
      '  purge   efface les entrées plus anciennes que GAP_RETENTION_MONTHS mois (ou --older-than-months N ; 0 = tout) ;',
      '          sans risque pendant que l’assistant tourne : il attend la fin de la purge pour écrire',
      '  list    affiche les questions sans bonne réponse (--feedback : les avis par sujet)',
      '',
      'Codes de sortie : 0 la commande a tourné, 2 arguments inutilisables, 1 erreur (fichier occupé, configuration, interne).',
      '',
    ].join('\n');

  root
    .command('purge')
    .option('--older-than-months <n>', 'âge en mois')
    .option('--json', 'rapport JSON sur la sortie standard')
    .helpOption('-h, --help', 'affiche cette aide')
    .action((flags: PurgeFlags) => {
      result.run = () => runPurge(flags);
    });
  root
    .command('list')
    .option('--feedback', 'les avis au lieu des questions')
    .option('--json', 'sortie JSON')
    .helpOption('-h, --help', 'affiche cette aide')
    .action((flags: ListFlags) => {
      result.run = () => runList(flags);
    });
  return root;
}

async function main(argv: readonly string[]): Promise<number> {
  const result: { run?: () => Promise<number> } = {};
  if (!parseArguments(program(result), argv, USAGE, REASONS)) return 0;
  if (!result.run) throw new UsageError(`Indiquez une sous-commande : purge ou list.\n${USAGE}`);
  return result.run();
}

runCommand(main, {
  failure: (error) => (error instanceof LockBusyError || isAppError(error, 'CONFIG_INVALID') ? { exitCode: 1, message: error.message } : undefined),
});
