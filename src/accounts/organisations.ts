import type { ClubContact } from '../contacts/types';
import { AccountError } from './AccountError';
import type { Role } from './types';

/** An organisation of knowledge/contacts.json as accounts see it. */
export interface Organisation {
  id: string;
  name: string;
  /** A member of the HA30 club (kind MEMBER), as opposed to a support body. */
  member: boolean;
}

function listing(organisations: readonly Organisation[]): string {
  return organisations.map((org) => `  ${org.id} — ${org.name}`).join('\n');
}

/**
 * The organisation an account is tied to: a buyer needs a club member's id; CCI staff may name one
 * (the CCI's own, usually) or none. A wrong id is refused with the ids that exist.
 */
export function checkOrganisation(role: Role, orgId: string | undefined, organisations: readonly Organisation[]): string | undefined {
  const members = organisations.filter((org) => org.member);
  if (role === 'buyer' && !orgId) {
    throw new AccountError(
      'ORG_INVALID',
      `Un compte acheteur est rattaché à un membre du club : ajoutez --org avec l'un de ces identifiants (knowledge/contacts.json) :\n${listing(members)}`,
      `Un compte acheteur est rattaché à un membre du club : choisissez une organisation dans la liste « Organisation », parmi les membres du club HA30.`,
    );
  }
  if (!orgId) return undefined;
  const found = organisations.find((org) => org.id === orgId);
  if (role === 'buyer' && !found?.member) {
    const why = found ? `« ${orgId} » (${found.name}) n'est pas membre du club HA30` : `Organisation inconnue « ${orgId.slice(0, 80)} »`;
    throw new AccountError(
      'ORG_INVALID',
      `${why} : un compte acheteur prend l'un de ces identifiants (knowledge/contacts.json) :\n${listing(members)}`,
      `${found ? `« ${found.name} » n'est pas membre du club HA30` : why} : un compte acheteur est rattaché à un membre du club ; choisissez une organisation dans la liste « Organisation », parmi les membres du club HA30.`,
    );
  }
  if (!found) {
    throw new AccountError(
      'ORG_INVALID',
      `Organisation inconnue « ${orgId.slice(0, 80)} » : identifiants possibles (knowledge/contacts.json) :\n${listing(organisations)}`,
      `Organisation inconnue « ${orgId.slice(0, 80)} » : choisissez une organisation dans la liste « Organisation », ou « Aucune » pour le personnel de la CCI.`,
    );
  }
  return orgId;
}

/** The organisations of the club's directory (knowledge/contacts.json). */
export function organisationsOf(contacts: readonly ClubContact[]): Organisation[] {
  return contacts.map((contact) => ({ id: contact.id, name: contact.organisation.name, member: contact.kind === 'MEMBER' }));
}
