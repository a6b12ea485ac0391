import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACCOUNTS_FILE } from '../../src/accounts';
import { startTestApp } from '../support/startTestApp';
import { call, signedIn, signIn } from '../server/web/support';

const ROOT = path.resolve(__dirname, '../..');
const PASSWORD = 'un chemin de halage en hiver';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled command (dist/ is built by the jest global setup), as `npm run users` runs it. */
function users(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/cli/users.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// web-contract.md §1.
describe('npm run users', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-users-'));
    env = { DATA_DIR: dataDir };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const file = () => path.join(dataDir, ACCOUNTS_FILE);

  it('is the "users" script of package.json', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.users).toMatch(/build && node dist\/src\/cli\/users\.js$/);
  });

  it('adds a buyer with the password read from stdin, stored only as a scrypt hash, and lists it without any hash', async () => {
    const added = await users(['add', '--role', 'buyer', '--login', 'Marie.Dupont', '--name', 'Marie Dupont', '--org', 'ha30-nimes-metropole'], env, `${PASSWORD}\n`);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Compte « marie.dupont » créé : acheteur de ha30-nimes-metropole — Nîmes Métropole') });
    expect(added.stdout + added.stderr).not.toContain(PASSWORD);
    const stored = readFileSync(file(), 'utf8');
    expect(stored).not.toContain(PASSWORD);
    expect(stored).toMatch(/"passwordHash": "\$scrypt\$ln=15,r=8,p=3\$/);
    expect((await users(['add', '--role', 'cci', '--login', 'paul.cci'], env, `${PASSWORD} de la CCI\n`)).code).toBe(0);

    const listed = await users(['list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { login: 'marie.dupont', role: 'buyer', name: 'Marie Dupont', orgId: 'ha30-nimes-metropole', createdAt: expect.any(String), passwordChangedAt: expect.any(String) },
      { login: 'paul.cci', role: 'cci', createdAt: expect.any(String), passwordChangedAt: expect.any(String) },
    ]);
    const text = await users(['list'], env);
    expect(text.stdout).toMatch(/^2 comptes :\n {2}marie\.dupont {2}· {2}acheteur {2}· {2}Marie Dupont/);
    for (const output of [listed.stdout, text.stdout]) expect(output).not.toMatch(/scrypt|passwordHash|hash/i);
  });

  it('exits 2 with a French message and changes nothing: short password, unknown role, duplicate login, wrong organisation', async () => {
    expect((await users(['add', '--role', 'buyer', '--login', 'marie.dupont', '--org', 'ha30-chu-nimes'], env, `${PASSWORD}\n`)).code).toBe(0);
    const before = readFileSync(file());
    const cases: [string[], string, RegExp][] = [
      [['add', '--role', 'cci', '--login', 'paul'], 'onze carac.\n', /Mot de passe trop court : 12 caractères au moins \(11 reçus\)/],
      [['add', '--role', 'cci', '--login', 'paul'], '', /Mot de passe manquant/],
      [['add', '--role', 'admin', '--login', 'paul'], `${PASSWORD}\n`, /Rôle inconnu « admin » : buyer .* ou cci/],
      [['add', '--role', 'buyer', '--login', 'MARIE.DUPONT', '--org', 'ha30-chu-nimes'], `${PASSWORD}\n`, /L'identifiant « marie.dupont » existe déjà : choisissez-en un autre, ou changez son mot de passe avec « users -- password --login marie.dupont »/],
      [['add', '--role', 'buyer', '--login', 'jean'], `${PASSWORD}\n`, /ajoutez --org[\s\S]*ha30-segard — SEGARD/],
      [['add', '--role', 'buyer', '--login', 'jean', '--org', 'mairie-de-partout'], `${PASSWORD}\n`, /Organisation inconnue « mairie-de-partout »[\s\S]*ha30-brl — BRL/],
      [['add', '--role', 'buyer', '--login', 'jean', '--org', 'cci-gard'], `${PASSWORD}\n`, /n'est pas membre du club HA30/],
      [['add', '--role', 'buyer', '--login', 'jean dupont', '--org', 'ha30-brl'], `${PASSWORD}\n`, /Identifiant invalide/],
      [['add', '--login', 'jean'], `${PASSWORD}\n`, /Indiquez le rôle et l’identifiant/],
      [['add', '--role', 'cci', '--login', 'jean', '--force'], `${PASSWORD}\n`, /Option inconnue : --force/],
      [['remove', '--login', 'personne'], '', /Aucun compte « personne » : « npm run --silent users -- list » montre les comptes existants/],
      [['password', '--login', 'personne'], `${PASSWORD}\n`, /Aucun compte « personne »/],
      [['password', '--login', 'marie.dupont'], 'court\n', /Mot de passe trop court/],
      [['rename'], '', /Sous-commande inconnue : rename/],
      [[], '', /Indiquez une sous-commande/],
    ];
    for (const [args, stdin, message] of cases) {
      const run = await users(args, env, stdin);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain(PASSWORD);
      expect(readFileSync(file()).equals(before)).toBe(true);
    }
  }, 60_000);

  it('honours KNOWLEDGE_DIR for the organisations a buyer may belong to', async () => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'ha30-users-knowledge-'));
    try {
      cpSync(path.join(ROOT, 'knowledge'), knowledge, { recursive: true });
      const contacts = JSON.parse(readFileSync(path.join(knowledge, 'contacts.json'), 'utf8')) as { contacts: { id: string }[] };
      const chu = contacts.contacts.find((contact) => contact.id === 'ha30-chu-nimes')!;
      contacts.contacts.push({ ...chu, id: 'ha30-ville-test' });
      writeFileSync(path.join(knowledge, 'contacts.json'), JSON.stringify(contacts));
      const args = ['add', '--role', 'buyer', '--login', 'test.ville', '--org', 'ha30-ville-test'];
      expect((await users(args, env, `${PASSWORD}\n`)).code).toBe(2);
      expect((await users(args, { ...env, KNOWLEDGE_DIR: knowledge }, `${PASSWORD}\n`)).code).toBe(0);
    } finally {
      rmSync(knowledge, { recursive: true, force: true });
    }
  });

  it('is seen by the running bot without a restart: a new account signs in, a new password or a removal ends its sessions', async () => {
    const app = await startTestApp({}, dataDir);
    try {
      expect((await signIn(app.url, 'claire.segard', PASSWORD)).status).toBe(401);
      expect((await users(['add', '--role', 'buyer', '--login', 'claire.segard', '--org', 'ha30-segard'], env, `${PASSWORD}\n`)).code).toBe(0);
      const first = await signedIn(app.url, 'claire.segard', PASSWORD);
      expect((await call(`${app.url}/acheteurs`, { headers: { cookie: first.cookie } })).status).toBe(200);

      const changed = await users(['password', '--login', 'claire.segard'], env, 'un tout nouveau mot de passe\n');
      expect(changed).toMatchObject({ code: 0, stdout: expect.stringContaining('Mot de passe de « claire.segard » changé') });
      expect((await call(`${app.url}/acheteurs`, { headers: { cookie: first.cookie } })).status).toBe(302);
      expect((await signIn(app.url, 'claire.segard', PASSWORD)).status).toBe(401);
      const second = await signedIn(app.url, 'claire.segard', 'un tout nouveau mot de passe');

      expect((await users(['remove', '--login', 'claire.segard'], env)).code).toBe(0);
      expect((await call(`${app.url}/api/session`, { headers: { cookie: second.cookie } })).status).toBe(401);
      expect((await signIn(app.url, 'claire.segard', 'un tout nouveau mot de passe')).status).toBe(401);
    } finally {
      await app.cleanup();
    }
  }, 90_000);
});
