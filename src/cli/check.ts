import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { checkDossier } from '../bidcheck/checkDossier';
import { collectPaths, PathError } from '../bidcheck/intake/collectPaths';
import { DEFAULT_LIMITS } from '../bidcheck/intake/limits';
import { ContextError, parseContext } from '../bidcheck/parseContext';
import { formatTextReport } from '../bidcheck/report/formatTextReport';
import type { BidContext } from '../bidcheck/types';
import { loadConfig, loadDotEnv } from '../config';
import { isAppError } from '../errors';
import { loadKnowledge } from '../knowledge/loadKnowledge';

// stdout carries the report only (cli-contract.md): anything a library prints goes to stderr.
console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.info = console.log;
console.warn = console.log;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('check')
    .description('Vérifie un dossier de candidature (PDF, DOCX, XLSX, ODT, images, ZIP ou dossiers).')
    .argument('<paths...>', 'fichiers ou dossiers à vérifier')
    .option('--json', 'sortie JSON (contrat cli-contract.md §1)')
    .option('--context <file>', 'contexte de la consultation (JSON)')
    .option('--date <YYYY-MM-DD>', 'date de référence de la vérification')
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stderr.write(text), writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const options = program.opts<{ json?: boolean; context?: string; date?: string }>();
  if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError(`Date invalide « ${options.date} » : format attendu AAAA-MM-JJ.`);
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
  const report = await checkDossier(collected.files, context, knowledge, {
    referenceDate: options.date,
    limits: DEFAULT_LIMITS,
    onProgress: options.json ? undefined : (name) => void process.stderr.write(`Lecture de ${name}…\n`),
  });
  if (options.json) {
    const { partial, ...contract } = report;
    process.stdout.write(`${JSON.stringify(partial ? { ...contract, partial } : contract, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTextReport(report, knowledge.checkSettings.documentLabels)}\n`);
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
