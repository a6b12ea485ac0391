import { createHash } from 'node:crypto';

/** Buyer and CCI accounts (web-contract.md §1): who may sign in to the dashboard and the administration. */

export const ROLES = ['buyer', 'cci'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a role may do includes what the roles below it may do: a cci account may do all a buyer may. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** One account as stored under DATA_DIR; `passwordHash` never leaves src/accounts. */
export interface Account {
  /** Random, changes when an account is removed and added again: sessions of the old one end. */
  id: string;
  /** Normalised (lower case), unique. */
  login: string;
  role: Role;
  name?: string;
  /** An organisation id of knowledge/contacts.json (a club member for a buyer). */
  orgId?: string;
  passwordHash: string;
  createdAt: string;
  passwordChangedAt: string;
}

/** An account as the CLI lists it and the web shows it: no hash. */
export interface PublicAccount {
  login: string;
  role: Role;
  name?: string;
  orgId?: string;
  createdAt: string;
  passwordChangedAt: string;
}

export function publicAccount(account: Account): PublicAccount {
  const { login, role, name, orgId, createdAt, passwordChangedAt } = account;
  return { login, role, ...(name ? { name } : {}), ...(orgId ? { orgId } : {}), createdAt, passwordChangedAt };
}

/** What a session remembers of its account: a new password (a new salt) or a removal ends it. */
export function credentialStamp(account: Account): string {
  return `${account.id}:${createHash('sha256').update(account.passwordHash).digest('base64url').slice(0, 22)}`;
}
