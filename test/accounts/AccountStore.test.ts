import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AccountError, AccountStore, ACCOUNTS_FILE, verifyPassword } from '../../src/accounts';
import { BUYER, CCI, ORGANISATIONS } from './support';

describe('account store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-accounts-'));
    file = path.join(dir, ACCOUNTS_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = async (promise: Promise<unknown>, code: string): Promise<string> => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AccountError);
    expect((error as AccountError).code).toBe(code);
    return (error as AccountError).message;
  };

  it('stores a hash, never the password, in a private file', async () => {
    const store = AccountStore.open(dir);
    const account = await store.add({ ...BUYER, login: 'Marie.Dupont' }, ORGANISATIONS);
    expect(account).toMatchObject({ login: 'marie.dupont', role: 'buyer', orgId: 'ha30-nimes-metropole', name: 'Marie Dupont' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(BUYER.password);
    expect(text).toContain('$scrypt$');
    await expect(verifyPassword(BUYER.password, account.passwordHash)).resolves.toBe(true);
    if (process.platform !== 'win32') expect((await import('node:fs')).statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses a short password, an unknown role, a duplicate login and a wrong organisation, changing nothing', async () => {
    const store = AccountStore.open(dir);
    await store.add(BUYER, ORGANISATIONS);
    const before = readFileSync(file);
    expect(await refusal(store.add({ ...CCI, password: 'onze carac.' }, ORGANISATIONS), 'PASSWORD_INVALID')).toMatch(/12 caractères au moins \(11 reçus\)/);
    expect(await refusal(store.add({ ...CCI, role: 'admin' }, ORGANISATIONS), 'ROLE_INVALID')).toMatch(/Rôle inconnu « admin »/);
    expect(await refusal(store.add({ ...CCI, login: 'MARIE.dupont' }, ORGANISATIONS), 'LOGIN_TAKEN')).toMatch(/existe déjà/);
    expect(await refusal(store.add({ ...BUYER, login: 'sans.org', orgId: undefined }, ORGANISATIONS), 'ORG_INVALID')).toMatch(/ha30-chu-nimes — CHU de Nîmes/);
    const notMember = await refusal(store.add({ ...BUYER, login: 'cci.buyer', orgId: 'cci-gard' }, ORGANISATIONS), 'ORG_INVALID');
    expect(notMember).toMatch(/n'est pas membre du club/);
    expect(notMember).not.toMatch(/^ {2}cci-gard/m);
    expect(await refusal(store.add({ ...CCI, orgId: 'cci-nowhere' }, ORGANISATIONS), 'ORG_INVALID')).toMatch(/Organisation inconnue « cci-nowhere »[\s\S]*cci-gard/);
    expect(await refusal(store.add({ ...CCI, login: 'a b' }, ORGANISATIONS), 'LOGIN_INVALID')).toMatch(/Identifiant invalide/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('lets another process see an account added, given a new password or removed, without reopening', async () => {
    const bot = AccountStore.open(dir);
    const cli = AccountStore.open(dir);
    expect(bot.find(BUYER.login)).toBeUndefined();
    await cli.add(BUYER, ORGANISATIONS);
    const added = bot.find('MARIE.DUPONT');
    expect(added?.role).toBe('buyer');
    await cli.setPassword(BUYER.login, 'un nouveau mot de passe long');
    const changed = bot.find(BUYER.login)!;
    expect(changed.passwordHash).not.toBe(added!.passwordHash);
    await expect(verifyPassword('un nouveau mot de passe long', changed.passwordHash)).resolves.toBe(true);
    await cli.remove(BUYER.login);
    expect(bot.find(BUYER.login)).toBeUndefined();
    expect(await refusal(cli.remove(BUYER.login), 'LOGIN_UNKNOWN')).toMatch(/Aucun compte « marie.dupont »/);
  });

  it('keeps two concurrent additions (the lock), and the last good accounts when the file is broken', async () => {
    const one = AccountStore.open(dir);
    const two = AccountStore.open(dir);
    await Promise.all([one.add(BUYER, ORGANISATIONS), two.add(CCI, ORGANISATIONS)]);
    const reported: unknown[] = [];
    const bot = AccountStore.open(dir, (error) => reported.push(error));
    expect(bot.list().map((account) => account.login)).toEqual(['marie.dupont', 'paul.cci']);
    writeFileSync(file, '{"format": "ha30-accounts", "version": 1, "accounts": [ {"login": "intrus"');
    expect(bot.find(BUYER.login)).toBeDefined();
    expect(bot.find(CCI.login)).toBeDefined();
    expect(reported).toHaveLength(1);
    expect(String((reported[0] as Error).message)).toMatch(/Fichier des comptes illisible/);
    // The command refuses to write over a file it cannot read.
    expect(await refusal(one.add({ ...BUYER, login: 'autre' }, ORGANISATIONS), 'ACCOUNTS_CORRUPT')).toMatch(/Rien n'a été modifié/);
  });
});
