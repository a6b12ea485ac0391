import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, loadDotEnv } from '../config';
import { isAppError } from '../errors';
import { BundleLimitError } from '../knowledge/bundle/exportBundle';
import { ImportBusyError } from '../knowledge/bundle/installFolder';
import { countLine, formatProblem, type KnowledgeProblem } from '../knowledge/problems';
import { exportKnowledge, importKnowledge } from '../knowledgeBundle';
import { validateKnowledge } from '../validateKnowledge';
import { frenchProgram, parseArguments, runCommand, UsageError } from './runCommand';

const USAGE = [
  'Usage :',
  '  npm run --silent knowledge -- validate [DOSSIER] [--json] [--today AAAA-MM-JJ]   # par défaut : KNOWLEDGE_DIR',
  '  npm run --silent knowledge -- export PAQUET.zip [DOSSIER]                        # sauvegarde du dossier, avec son manifeste',
  '  npm run --silent knowledge -- import PAQUET.zip [DOSSIER]                        # vérifié en entier avant de remplacer le dossier',
].join('\n');

const REASONS = (quoted: string) => ({
  'commander.unknownCommand': `Sous-commande inconnue : ${quoted} (validate, export ou import).`,
  'commander.missingArgument': `Argument manquant : ${quoted}.`,
  'commander.help': 'Indiquez une sous-commande : validate, export ou import.',
});

/** The folder named, else KNOWLEDGE_DIR (read from the environment and .env like the bot does). */
function knowledgeDir(dir: string | undefined, mustExist: boolean): string {
  let chosen: string;
  if (dir !== undefined) chosen = path.resolve(dir);
  else {
    loadDotEnv();
    chosen = loadConfig().knowledgeDir;
  }
  const exists = existsSync(chosen);
  if (exists && !statSync(chosen).isDirectory()) throw new UsageError(`${chosen} n’est pas un dossier : indiquez le dossier de connaissances.\n${USAGE}`);
  if (!exists && mustExist) throw new UsageError(`Dossier de connaissances introuvable : ${chosen}${dir === undefined ? ' (KNOWLEDGE_DIR)' : ''}.\n${USAGE}`);
  if (!exists && !existsSync(path.dirname(chosen))) throw new UsageError(`Le dossier qui doit contenir ${chosen} n’existe pas.\n${USAGE}`);
  return chosen;
}

function today(flag: string | undefined): Date {
  if (flag === undefined) return new Date();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(flag);
  const date = match ? new Date(`${flag}T12:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== flag) throw new UsageError(`--today attend une date réelle AAAA-MM-JJ (reçu « ${flag} »).\n${USAGE}`);
  return date;
}

function report(problems: readonly KnowledgeProblem[]): string {
  return `${problems.map(formatProblem).join('\n')}\n${countLine(problems)}\n`;
}

function runValidate(dir: string | undefined, flags: { json?: boolean; today?: string }): number {
  const folder = knowledgeDir(dir, true);
  const problems = validateKnowledge(folder, { now: today(flags.today) });
  if (flags.json) process.stdout.write(`${JSON.stringify({ dir: folder, valid: problems.length === 0, problems }, null, 2)}\n`);
  else if (problems.length === 0) process.stdout.write(`0 problème : les connaissances de ${folder} sont valides.\n`);
  else process.stdout.write(report(problems));
  return problems.length === 0 ? 0 : 1;
}

async function runExport(file: string, dir: string | undefined): Promise<number> {
  const folder = knowledgeDir(dir, true);
  const out = path.resolve(file);
  if (existsSync(out)) throw new UsageError(`${out} existe déjà : choisissez un autre nom (une sauvegarde n’en écrase jamais une autre).`);
  if (!existsSync(path.dirname(out))) throw new UsageError(`Le dossier de ${out} n’existe pas.`);
  if (`${out}${path.sep}`.startsWith(`${folder}${path.sep}`)) throw new UsageError(`Écrivez le paquet hors du dossier de connaissances (${folder}) : il s’y inclurait lui-même.`);
  const result = await exportKnowledge(folder, out);
  const warning = result.problems.length > 0 ? `\nAttention : ce dossier a ${countLine(result.problems).replace(/\.$/, '')} (npm run --silent knowledge -- validate) ; un import de ce paquet sera refusé tant qu’ils ne sont pas corrigés.` : '';
  const skipped = result.skipped.length > 0 ? `\nLaissés de côté (liens ou fichiers spéciaux) : ${result.skipped.join(', ')}.` : '';
  process.stdout.write(`Paquet écrit : ${result.file} (${result.manifest.files.length} fichiers).${warning}${skipped}\n`);
  return 0;
}

async function runImport(file: string, dir: string | undefined): Promise<number> {
  const target = knowledgeDir(dir, false);
  const bundle = path.resolve(file);
  if (!existsSync(bundle) || !statSync(bundle).isFile()) throw new UsageError(`Paquet introuvable : ${bundle}.\n${USAGE}`);
  const outcome = await importKnowledge(bundle, target);
  if (!outcome.installed) {
    process.stdout.write(`${report(outcome.problems)}Paquet refusé : rien n’a changé dans ${target}.\n`);
    return 1;
  }
  const backup = outcome.backup ? ` Le dossier précédent est gardé : ${outcome.backup}.` : '';
  process.stdout.write(`Connaissances importées dans ${target} (${outcome.files} fichiers, tous vérifiés).${backup} Un assistant déjà démarré les prend en compte à son redémarrage.\n`);
  return 0;
}

function program(result: { run?: () => Promise<number> | number }): Command {
  const root = frenchProgram('knowledge');
  root.helpInformation = () =>
    [
      USAGE,
      '',
      'validate : un problème par ligne, « fichier: chemin JSON: ce qui ne va pas — comment corriger. », puis le compte.',
      'Codes de sortie : 0 valide (ou fait), 1 problèmes (rien n’a changé), 2 arguments inutilisables.',
      '',
    ].join('\n');
  const sub = (name: string) => root.command(name).helpOption('-h, --help', 'affiche cette aide').exitOverride();
  sub('validate')
    .argument('[dossier]')
    .option('--json', 'sortie JSON : { dir, valid, problems: [{ file, path, what, fix }] }')
    .option('--today <date>', 'date du jour pour les achats à venir (AAAA-MM-JJ)')
    .action((dir: string | undefined, flags: { json?: boolean; today?: string }) => {
      result.run = () => runValidate(dir, flags);
    });
  sub('export')
    .argument('<paquet>')
    .argument('[dossier]')
    .action((file: string, dir: string | undefined) => {
      result.run = () => runExport(file, dir);
    });
  sub('import')
    .argument('<paquet>')
    .argument('[dossier]')
    .action((file: string, dir: string | undefined) => {
      result.run = () => runImport(file, dir);
    });
  return root;
}

async function main(argv: readonly string[]): Promise<number> {
  const result: { run?: () => Promise<number> | number } = {};
  if (!parseArguments(program(result), argv, USAGE, REASONS)) return 0;
  if (!result.run) throw new UsageError(`Indiquez une sous-commande : validate, export ou import.\n${USAGE}`);
  return result.run();
}

runCommand(main, {
  failure: (error) => {
    if (error instanceof UsageError || isAppError(error, 'CONFIG_INVALID') || isAppError(error, 'KNOWLEDGE_MISSING')) return { exitCode: 2, message: (error as Error).message };
    if (error instanceof ImportBusyError || error instanceof BundleLimitError || isAppError(error)) return { exitCode: 1, message: `Refusé : ${(error as Error).message}. Rien n’a changé.` };
    return undefined;
  },
});
