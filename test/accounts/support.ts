import { AccountStore, organisationsOf, type Role } from '../../src/accounts';
import { loadDirectory } from '../../src/contacts';

/** The organisations of the repository's knowledge/contacts.json, as the users command reads them. */
export const ORGANISATIONS = organisationsOf(loadDirectory().contacts);

export const BUYER = { login: 'marie.dupont', password: 'un chemin de halage en hiver', role: 'buyer' as Role, name: 'Marie Dupont', orgId: 'ha30-nimes-metropole' };
export const CCI = { login: 'paul.cci', password: 'la garrigue sent le thym', role: 'cci' as Role, name: 'Paul Martin', orgId: 'cci-gard' };
export const OTHER_BUYER = { login: 'jean.chu', password: 'trois pins sur la colline', role: 'buyer' as Role, orgId: 'ha30-chu-nimes' };

/** Creates the accounts in DATA_DIR through the same store the users command writes with. */
export async function addAccounts(dataDir: string, accounts: readonly { login: string; password: string; role: Role; name?: string; orgId?: string }[]): Promise<void> {
  const store = AccountStore.open(dataDir);
  for (const account of accounts) await store.add(account, ORGANISATIONS);
}
