import { organisationsOf } from '../../src/accounts';
import { loadDirectory } from '../../src/contacts';

/** The organisations of the repository's knowledge/contacts.json. */
export const ORGANISATIONS = organisationsOf(loadDirectory().contacts);
export const NIMES = ORGANISATIONS.find((org) => org.id === 'ha30-nimes-metropole')!;

/** A purchase as a buyer's form sends it (the day of the tests is 2 December 2026). */
export function purchase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Réfection de la toiture du gymnase Jean-Bouin',
    description: 'Reprise de la couverture en tuiles et de la zinguerie, désamiantage compris.',
    nature: 'TRAVAUX',
    cpv: ['45261000'],
    departments: ['30'],
    town: 'Nîmes',
    expectedPublicationDate: '2027-03',
    estimatedValue: { amountEur: 180000 },
    ...overrides,
  };
}
