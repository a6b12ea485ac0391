import { existsSync, readFileSync, statSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { loadConfig, loadDotEnv } from '../config';
import { isAppError } from '../errors';
import { type Catalogue, CatalogueBusyError, CatalogueCorruptError, ExportShapeError, formatImportReport, type ImportReport, importFile, openCatalogue } from '../tenders';
import { searchCommand } from '../tenders/match';
import { sharedMatchText } from '../tenders/match/fit';

// stdout carries the report only (cli-contract.md): anything a library prints goes to stderr.
console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.info = console.log;
console.warn = console.log;

/** Unusable arguments: exit status 2 with this French message. */
class UsageError extends Error {}

const USAGE_IMPORT = 'npm run --silent tenders -- import [--json] --boamp export.json [--approch projets.json]';
const USAGE_SEARCH = 'npm run --silent tenders -- search --json --profile profil.json [--date AAAA-MM-JJ] [--limit 10]';
const USAGE = ['Usage :', `  ${USAGE_IMPORT}`, `  ${USAGE_SEARCH}`].join('\n');

/** A French line for what commander refused (its messages are English), followed by the usage. */
function usageMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const reason: Record<string, string> = {
    'commander.unknownOption': `Option inconnue : ${quoted}.`,
    'commander.unknownCommand': `Sous-commande inconnue : ${quoted} (import ou search).`,
    'commander.optionMissingArgument': `Valeur manquante pour l'option ${quoted.split(/[ ,]/)[0] ?? ''}.`,
    'commander.excessArguments': 'Argument(s) en trop.',
    'commander.help': 'Indiquez une sous-commande : import ou search.',
  };
  return `${reason[error.code] ?? 'Arguments inutilisables.'}\n${USAGE}`;
}

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
    process.stdout.write(`${JSON.stringify({ imports: reports, catalogue: state }, null, 2)}\n`);
  } else {
    process.stdout.write(`${reports.map((report) => formatImportReport(report, state)).join('\n\n')}\n`);
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
    process.stdout.write(`${JSON.stringify(outcome.results, null, 2)}\n`);
    return 0;
  }
  const lines = outcome.results.map((result, index) =>
    [`${index + 1}. ${result.title} — ${result.buyer}`, `   ${result.deadline ? `date limite : ${result.deadline}` : 'marché à venir'} ; pourquoi : ${result.reasons.join(' ; ')}`, `   contact : ${result.contact.organisation} (${result.contact.channel})${result.url ? ` — ${result.url}` : ''}`].join('\n'),
  );
  process.stdout.write(`${lines.length > 0 ? lines.join('\n') : 'Aucun marché ouvert ou à venir ne correspond à ce profil : élargissez les départements, les natures ou les codes CPV.'}\n`);
  return 0;
}

// --- program ----------------------------------------------------------------------------------

function program(result: { run?: () => Promise<number> }): Command {
  const root = new Command()
    .name('tenders')
    .description('Catalogue des marchés publics : import des exports open data, recherche par profil.')
    .helpOption('-h, --help', 'affiche cette aide')
    .exitOverride()
    // commander's own error lines are English: they are replaced by French ones below.
    .configureOutput({ writeOut: (text) => process.stderr.write(text), writeErr: () => undefined });
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

async function main(argv: string[]): Promise<number> {
  const result: { run?: () => Promise<number> } = {};
  const root = program(result);
  try {
    root.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      throw new UsageError(usageMessage(error));
    }
    throw error;
  }
  if (!result.run) throw new UsageError(`Indiquez une sous-commande : import ou search.\n${USAGE}`);
  return result.run();
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof CatalogueBusyError || error instanceof CatalogueCorruptError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Erreur interne : ${isAppError(error) ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
