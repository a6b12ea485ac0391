import type { Command } from 'commander';
import { AccountError, AccountStore, organisationsOf, type Organisation, PASSWORD_MIN_CHARS, publicAccount, type Role } from '../accounts';
import { loadConfig, loadDotEnv } from '../config';
import { loadDirectory } from '../contacts';
import { isAppError } from '../errors';
import { frenchProgram, parseArguments, runCommand, UsageError, writeOut } from './runCommand';

const USAGE = [
  'Usage :',
  '  npm run --silent users -- add --role buyer|cci --login IDENTIFIANT [--name "Prénom Nom"] [--org ID_ORGANISATION]   # mot de passe sur l’entrée standard',
  '  npm run --silent users -- list [--json]',
  '  npm run --silent users -- remove --login IDENTIFIANT',
  '  npm run --silent users -- password --login IDENTIFIANT                                                           # nouveau mot de passe sur l’entrée standard',
].join('\n');

const ROLE_LABELS: Record<Role, string> = { buyer: 'acheteur', cci: 'CCI' };

const REASONS = (quoted: string) => ({
  'commander.unknownCommand': `Sous-commande inconnue : ${quoted} (add, list, remove ou password).`,
  'commander.help': 'Indiquez une sous-commande : add, list, remove ou password.',
});

function openStore(): { store: AccountStore; knowledgeDir: string } {
  loadDotEnv();
  const config = loadConfig();
  // A file that cannot be read is an error for the command: it must never be overwritten.
  const store = AccountStore.open(config.dataDir, (error) => {
    throw error;
  });
  return { store, knowledgeDir: config.knowledgeDir };
}

/**
 * The password: the first line of standard input (the rest is ignored). Nothing is echoed, and the
 * password never appears in an argument, a message or a log.
 */
function readPasswordLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`Mot de passe (une ligne, ${PASSWORD_MIN_CHARS} caractères au moins) : `);
  return new Promise((resolve, reject) => {
    let text = '';
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      process.stdin.pause();
      resolve((text.split('\n')[0] ?? '').replace(/\r$/, ''));
    };
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n') || text.length > 4096) finish();
    });
    process.stdin.on('end', finish);
    process.stdin.on('error', (error) => (settled ? undefined : reject(error)));
  });
}

async function passwordFromStdin(): Promise<string> {
  const password = await readPasswordLine();
  if (!password) throw new UsageError(`Mot de passe manquant : donnez-le sur une ligne de l’entrée standard, par exemple « printf '%s\\n' '…' | npm run --silent users -- … ».`);
  return password;
}

function orgLabel(orgId: string | undefined, organisations: readonly Organisation[]): string {
  if (!orgId) return '';
  const name = organisations.find((org) => org.id === orgId)?.name;
  return name ? `${orgId} — ${name}` : orgId;
}

interface AddFlags {
  role?: string;
  login?: string;
  name?: string;
  org?: string;
}

async function runAdd(flags: AddFlags): Promise<number> {
  if (!flags.role || !flags.login) throw new UsageError(`Indiquez le rôle et l’identifiant : --role buyer|cci --login IDENTIFIANT.\n${USAGE}`);
  const { store, knowledgeDir } = openStore();
  const organisations = organisationsOf(loadDirectory(knowledgeDir).contacts);
  const input = { role: flags.role, login: flags.login, ...(flags.name !== undefined ? { name: flags.name } : {}), ...(flags.org !== undefined ? { orgId: flags.org } : {}) };
  store.checkNew(input, organisations);
  const account = await store.add({ ...input, password: await passwordFromStdin() }, organisations);
  const who = account.role === 'buyer' ? `acheteur de ${orgLabel(account.orgId, organisations)}` : `personnel de la CCI${account.orgId ? `, ${orgLabel(account.orgId, organisations)}` : ''}`;
  await writeOut(`Compte « ${account.login} » créé : ${who}. Connexion sur /connexion.\n`);
  return 0;
}

async function runList(flags: { json?: boolean }): Promise<number> {
  const { store } = openStore();
  const accounts = store.list().map(publicAccount);
  if (flags.json) {
    await writeOut(`${JSON.stringify(accounts, null, 2)}\n`);
    return 0;
  }
  if (accounts.length === 0) {
    await writeOut('Aucun compte. Créez-en un : npm run --silent users -- add --role buyer --login IDENTIFIANT --org ID_ORGANISATION\n');
    return 0;
  }
  const lines = accounts.map((account) => [account.login, ROLE_LABELS[account.role], account.name ?? '—', account.orgId ?? '—', `créé le ${account.createdAt.slice(0, 10)}`].join('  ·  '));
  await writeOut(`${accounts.length} compte${accounts.length > 1 ? 's' : ''} :\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  return 0;
}

async function runRemove(flags: { login?: string }): Promise<number> {
  if (!flags.login) throw new UsageError(`Indiquez le compte à supprimer : --login IDENTIFIANT.\n${USAGE}`);
  const { store } = openStore();
  const account = await store.remove(flags.login);
  await writeOut(`Compte « ${account.login} » supprimé ; ses sessions ouvertes sont fermées.\n`);
  return 0;
}

async function runPassword(flags: { login?: string }): Promise<number> {
  if (!flags.login) throw new UsageError(`Indiquez le compte : --login IDENTIFIANT.\n${USAGE}`);
  const { store } = openStore();
  store.existing(flags.login); // an unknown login is refused before the password is asked for
  const account = await store.setPassword(flags.login, await passwordFromStdin());
  await writeOut(`Mot de passe de « ${account.login} » changé ; ses sessions ouvertes sont fermées.\n`);
  return 0;
}

function program(result: { run?: () => Promise<number> }): Command {
  const root = frenchProgram('users');
  root.helpInformation = () =>
    [
      USAGE,
      '',
      'Comptes des acheteurs du club (buyer : tableau de bord /acheteurs) et du personnel de la CCI (cci : en plus, /admin).',
      `Les comptes sont dans DATA_DIR/accounts/accounts.json ; mots de passe de ${PASSWORD_MIN_CHARS} caractères au moins, hachés (scrypt), jamais affichés.`,
      'Le bot en marche voit tout changement aussitôt, sans redémarrer.',
      '',
      'Codes de sortie : 0 fait, 2 arguments inutilisables (rien n’a changé), 1 erreur interne.',
      '',
    ].join('\n');
  const sub = (name: string) => root.command(name).helpOption('-h, --help', 'affiche cette aide').exitOverride();
  sub('add')
    .option('--role <role>', 'buyer ou cci')
    .option('--login <identifiant>', 'identifiant de connexion')
    .option('--name <nom>', 'prénom et nom')
    .option('--org <id>', 'organisation (knowledge/contacts.json)')
    .action((flags: AddFlags) => {
      result.run = () => runAdd(flags);
    });
  sub('list')
    .option('--json', 'sortie JSON')
    .action((flags: { json?: boolean }) => {
      result.run = () => runList(flags);
    });
  sub('remove')
    .option('--login <identifiant>', 'identifiant du compte')
    .action((flags: { login?: string }) => {
      result.run = () => runRemove(flags);
    });
  sub('password')
    .option('--login <identifiant>', 'identifiant du compte')
    .action((flags: { login?: string }) => {
      result.run = () => runPassword(flags);
    });
  return root;
}

async function main(argv: readonly string[]): Promise<number> {
  const result: { run?: () => Promise<number> } = {};
  if (!parseArguments(program(result), argv, USAGE, REASONS)) return 0;
  if (!result.run) throw new UsageError(`Indiquez une sous-commande : add, list, remove ou password.\n${USAGE}`);
  return result.run();
}

runCommand(main, {
  failure: (error) => {
    if (error instanceof AccountError && error.isUsage) return { exitCode: 2, message: error.message };
    if (error instanceof AccountError || isAppError(error)) return { exitCode: 1, message: error.message };
    return undefined;
  },
});
