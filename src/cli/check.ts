import { readFileSync } from 'node:fs';
import { type BidContext, checkDossier, collectPaths, ContextError, DEFAULT_LIMITS, formatTextReport, parseContext, PathError } from '../bidcheck';
import { loadConfig, loadDotEnv } from '../config';
import { Messages } from '../knowledge/Messages';
import { loadKnowledge } from '../loadKnowledge';
import { frenchProgram, parseArguments, runCommand, UsageError, writeOut } from './runCommand';

const USAGE = 'Usage : npm run --silent check -- [--json] [--context contexte.json] [--date AAAA-MM-JJ] FICHIER_OU_DOSSIER...';

const REASONS = () => ({ 'commander.missingArgument': 'Indiquez au moins un fichier ou un dossier à vérifier.' });

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

async function main(argv: readonly string[]): Promise<number> {
  const program = frenchProgram('check')
    .description('Vérifie un dossier de candidature (PDF, DOCX, XLSX, ODT, images, ZIP ou dossiers).')
    .argument('<paths...>', 'fichiers ou dossiers à vérifier')
    .option('--json', 'sortie JSON (contrat cli-contract.md §1)')
    .option('--context <file>', 'contexte de la consultation (JSON)')
    .option('--date <YYYY-MM-DD>', 'date de référence de la vérification');
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
  if (!parseArguments(program, argv, USAGE, REASONS)) return 0;
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
    await writeOut(`${JSON.stringify(partial ? { ...contract, partial } : contract, null, 2)}\n`);
  } else {
    await writeOut(`${formatTextReport(report, knowledge.checkSettings.documentLabels, messages)}\n`);
  }
  return 0;
}

runCommand(main, {
  failure: (error) => (error instanceof PathError || error instanceof ContextError ? { exitCode: 2, message: error.message } : undefined),
});
