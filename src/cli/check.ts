import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { type BidContext, checkDossier, collectPaths, ContextError, DEFAULT_LIMITS, formatTextReport, parseContext, PathError } from '../bidcheck';
import { loadConfig, loadDotEnv } from '../config';
import { isAppError } from '../errors';
import { Messages } from '../knowledge/Messages';
import { loadKnowledge } from '../loadKnowledge';

// stdout carries the report only (cli-contract.md): anything a library prints goes to stderr.
console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.info = console.log;
console.warn = console.log;

class UsageError extends Error {}

const USAGE = 'Usage : npm run --silent check -- [--json] [--context contexte.json] [--date AAAA-MM-JJ] FICHIER_OU_DOSSIER...';

/** A French line for what commander refused (its messages are English), followed by the usage. */
function usageMessage(error: CommanderError): string {
  const reason: Record<string, string> = {
    'commander.missingArgument': 'Indiquez au moins un fichier ou un dossier à vérifier.',
    'commander.unknownOption': `Option inconnue : ${/'([^']+)'/.exec(error.message)?.[1] ?? ''}.`,
    'commander.optionMissingArgument': `Valeur manquante pour l'option ${/'([^']+)'/.exec(error.message)?.[1]?.split(/[ ,]/)[0] ?? ''}.`,
  };
  return `${reason[error.code] ?? 'Arguments inutilisables.'}\n${USAGE}`;
}

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('check')
    .description('Vérifie un dossier de candidature (PDF, DOCX, XLSX, ODT, images, ZIP ou dossiers).')
    .argument('<paths...>', 'fichiers ou dossiers à vérifier')
    .option('--json', 'sortie JSON (contrat cli-contract.md §1)')
    .option('--context <file>', 'contexte de la consultation (JSON)')
    .option('--date <YYYY-MM-DD>', 'date de référence de la vérification')
    .helpOption('-h, --help', 'affiche cette aide')
    .exitOverride()
    // commander's own error lines are English: they are replaced by French ones below.
    .configureOutput({ writeOut: (text) => process.stderr.write(text), writeErr: () => undefined });
  program.helpInformation = () =>
    [
      USAGE,
      '',
      'Vérifie un dossier de candidature (PDF, DOCX, XLSX, ODT, images, ZIP ou dossiers) et rend un rapport par gravité.',
      '',
      'Options :',
      '  --json                 sortie JSON (contrat cli-contract.md §1) au lieu du rapport lisible',
      '  --context <fichier>    contexte de la consultation (JSON : stade, date limite, exigences du règlement…)',
      '  --date <AAAA-MM-JJ>    date à laquelle les pièces sont jugées (par défaut : aujourd’hui, heure de Paris)',
      '  -h, --help             affiche cette aide',
      '',
      'Codes de sortie : 0 la vérification a tourné, 2 arguments inutilisables, 1 erreur interne.',
      '',
    ].join('\n');
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      throw new UsageError(usageMessage(error));
    }
    throw error;
  }
  const options = program.opts<{ json?: boolean; context?: string; date?: string }>();
  if (options.date && !isCalendarDate(options.date)) throw new UsageError(`Date invalide « ${options.date} » : une date réelle au format AAAA-MM-JJ est attendue (par exemple 2026-12-01).`);
  const collected = collectPaths(program.args);
  let context: BidContext = collected.contextJson ? parseContext(collected.contextJson.text, collected.contextJson.source) : {};
  if (options.context) {
    let text: string;
    try {
      text = readFileSync(options.context, 'utf8');
    } catch {
      throw new UsageError(`Fichier de contexte introuvable : ${options.context}`);
    }
    context = parseContext(text, options.context);
  }
  loadDotEnv();
  const knowledge = loadKnowledge(loadConfig().knowledgeDir);
  const messages = new Messages(knowledge.messages);
  const report = await checkDossier(collected.files, context, knowledge, {
    referenceDate: options.date,
    limits: DEFAULT_LIMITS,
    onProgress: options.json ? undefined : (name) => void process.stderr.write(`Lecture de ${name}…\n`),
  });
  if (options.json) {
    const { partial, ...contract } = report;
    process.stdout.write(`${JSON.stringify(partial ? { ...contract, partial } : contract, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTextReport(report, knowledge.checkSettings.documentLabels, messages)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof PathError || error instanceof ContextError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`Erreur interne : ${isAppError(error) ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
