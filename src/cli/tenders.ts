import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, loadDotEnv } from '../config';
import { type Catalogue, CatalogueBusyError, CatalogueCorruptError, ExportShapeError, formatImportReport, type ImportReport, importFile, openCatalogue } from '../tenders';
import { searchCommand } from '../tenders/match';
import { sharedMatchText } from '../tenders/match/fit';
import { frenchProgram, parseArguments, runCommand, UsageError, writeOut } from './runCommand';

const USAGE_IMPORT = 'npm run --silent tenders -- import [--json] --boamp export.json [--approch projets.json]';
const USAGE_SEARCH = 'npm run --silent tenders -- search --json --profile profil.json [--date AAAA-MM-JJ] [--limit 10]';
const USAGE = ['Usage :', `  ${USAGE_IMPORT}`, `  ${USAGE_SEARCH}`].join('\n');

/** What commander refuses that this command words itself. */
const REASONS = (quoted: string) => ({
  'commander.unknownCommand': `Sous-commande inconnue : ${quoted} (import ou search).`,
  'commander.help': 'Indiquez une sous-commande : import ou search.',
});

function readableFile(file: string, option: string): string {
  if (!existsSync(file)) throw new UsageError(`Fichier introuvable pour ${option} : ${file}`);
  if (!statSync(file).isFile()) throw new UsageError(`${option} attend un fichier, pas un dossier : ${file}`);
  return file;
}

async function catalogueOfConfig(): Promise<Catalogue> {
  loadDotEnv();
  const config = loadConfig();
  return openCatalogue(config.dataDir, { knowledgeDir: config.knowledgeDir });
}

// --- import -----------------------------------------------------------------------------------

interface ImportFlags {
  boamp?: string;
  approch?: string;
  json?: boolean;
}

async function runImportCommand(flags: ImportFlags): Promise<number> {
  if (!flags.boamp && !flags.approch) throw new UsageError(`Indiquez le fichier à importer : --boamp export.json (ou --approch projets.json).\nUsage : ${USAGE_IMPORT}`);
  const jobs = [
    ...(flags.boamp ? [{ source: 'boamp' as const, file: readableFile(flags.boamp, '--boamp') }] : []),
    ...(flags.approch ? [{ source: 'approch' as const, file: readableFile(flags.approch, '--approch') }] : []),
  ];
  const catalogue = await catalogueOfConfig();
  const reports: ImportReport[] = [];
  for (const job of jobs) {
    try {
      reports.push(await importFile(catalogue, job.source, job.file));
    } catch (error) {
      if (error instanceof ExportShapeError) throw new UsageError(`Fichier inutilisable (${job.file}) : ${error.message} Rien n’a été importé${reports.length ? ' depuis ce fichier' : ''}.`);
      throw error;
    }
  }
  const state = { file: catalogue.file, realCount: catalogue.realCount, activeSet: catalogue.activeSet };
  if (flags.json) {
    await writeOut(`${JSON.stringify({ imports: reports, catalogue: state }, null, 2)}\n`);
  } else {
    await writeOut(`${reports.map((report) => formatImportReport(report, state)).join('\n\n')}\n`);
  }
  return 0;
}

// --- search -----------------------------------------------------------------------------------

interface SearchFlags {
  profile?: string;
  date?: string;
  limit?: string;
  json?: boolean;
}

function readProfile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Profil illisible (${file}) : ce n’est pas un JSON valide (${(error as Error).message}).`);
  }
}

/** The `search` subcommand (cli-contract.md §3), on the same catalogue the bot uses. */
async function runSearchCommand(flags: SearchFlags): Promise<number> {
  if (!flags.profile) throw new UsageError(`Indiquez le profil de l’entreprise : --profile profil.json.\nUsage : ${USAGE_SEARCH}`);
  const profile = readProfile(readableFile(flags.profile, '--profile'));
  const limit = flags.limit === undefined ? undefined : /^\d+$/.test(flags.limit) ? Number(flags.limit) : Number.NaN;
  const catalogue = await catalogueOfConfig();
  // The texts of the configured knowledge folder (KNOWLEDGE_DIR), as the bot's.
  const outcome = searchCommand(catalogue.all(), profile, { date: flags.date, limit, text: sharedMatchText(loadConfig().knowledgeDir) });
  if (!outcome.ok) throw new UsageError(`${outcome.errors.join('\n')}\nUsage : ${USAGE_SEARCH}`);
  if (flags.json) {
    await writeOut(`${JSON.stringify(outcome.results, null, 2)}\n`);
    return 0;
  }
  const lines = outcome.results.map((result, index) =>
    [`${index + 1}. ${result.title} — ${result.buyer}`, `   ${result.deadline ? `date limite : ${result.deadline}` : 'marché à venir'} ; pourquoi : ${result.reasons.join(' ; ')}`, `   contact : ${result.contact.organisation} (${result.contact.channel})${result.url ? ` — ${result.url}` : ''}`].join('\n'),
  );
  await writeOut(`${lines.length > 0 ? lines.join('\n') : 'Aucun marché ouvert ou à venir ne correspond à ce profil : élargissez les départements, les natures ou les codes CPV.'}\n`);
  return 0;
}

// --- program ----------------------------------------------------------------------------------

function program(result: { run?: () => Promise<number> }): Command {
  const root = frenchProgram('tenders').description('Catalogue des marchés publics : import des exports open data, recherche par profil.');
  root.helpInformation = () =>
    [
      USAGE,
      '',
      'Sous-commandes :',
      '  import   importe un export open data BOAMP (tableau JSON ou { "results": [ … ] }) ou APProch dans le catalogue (DATA_DIR)',
      '  search   classe les marchés ouverts et à venir pour un profil d’entreprise',
      '',
      'Codes de sortie : 0 la commande a tourné, 2 arguments inutilisables, 1 erreur interne.',
      '',
    ].join('\n');

  const importCommand = root
    .command('import')
    .description('importe un export BOAMP ou APProch dans le catalogue')
    .option('--boamp <fichier>', 'export open data BOAMP (JSON)')
    .option('--approch <fichier>', 'export open data APProch (JSON)')
    .option('--json', 'rapport JSON sur la sortie standard')
    .helpOption('-h, --help', 'affiche cette aide')
    .action((flags: ImportFlags) => {
      result.run = () => runImportCommand(flags);
    });
  importCommand.helpInformation = () =>
    [
      `Usage : ${USAGE_IMPORT}`,
      '',
      'Importe les avis dans le catalogue partagé avec l’assistant (DATA_DIR/tenders/catalogue.jsonl).',
      'Un même avis importé deux fois reste un seul marché ; une version plus récente remplace l’ancienne ;',
      'rectificatifs, annulations et attributions s’appliquent à l’avis qu’ils citent (annonce_lie).',
      '',
      'Options :',
      '  --boamp <fichier>     export open data BOAMP',
      '  --approch <fichier>   export open data APProch (projets d’achats publics)',
      '  --json                rapport JSON au lieu du rapport lisible',
      '  -h, --help            affiche cette aide',
      '',
    ].join('\n');

  root
    .command('search')
    .description('classe les marchés pour un profil')
    .option('--json', 'sortie JSON')
    .option('--profile <fichier>', 'profil de l’entreprise (JSON)')
    .option('--date <AAAA-MM-JJ>', 'date de référence')
    .option('--limit <n>', 'nombre de résultats')
    .helpOption('-h, --help', 'affiche cette aide')
    .action((flags: SearchFlags) => {
      result.run = () => runSearchCommand(flags);
    });
  return root;
}

async function main(argv: readonly string[]): Promise<number> {
  const result: { run?: () => Promise<number> } = {};
  if (!parseArguments(program(result), argv, USAGE, REASONS)) return 0;
  if (!result.run) throw new UsageError(`Indiquez une sous-commande : import ou search.\n${USAGE}`);
  return result.run();
}

runCommand(main, {
  failure: (error) => (error instanceof CatalogueBusyError || error instanceof CatalogueCorruptError ? { exitCode: 1, message: error.message } : undefined),
});
