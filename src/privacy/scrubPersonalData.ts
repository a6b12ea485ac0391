import { scrubAddresses } from './detectors/addresses';
import { scrubIbans } from './detectors/bankAccounts';
import { scrubCompanyIds } from './detectors/companyIds';
import { scrubCompanyNames } from './detectors/companyNames';
import { scrubEmails } from './detectors/emails';
import { scrubPersonNames } from './detectors/personNames';
import { scrubPhones } from './detectors/phones';

/**
 * Replaces the personal data of a free text by readable tokens ([courriel], [téléphone], [SIRET],
 * [SIREN], [TVA], [IBAN], [adresse], [nom], [entreprise]) and leaves the rest word for word.
 * The order matters: whole identifiers first (an IBAN holds digit runs a phone pass would cut,
 * an address holds a postcode), names last, when the digits around them are already tokens.
 * Works on any text (FAQ gaps, testimonies); expects it cleaned by `cleanForStorage` (NFKC,
 * one space between words).
 */
export function scrubPersonalData(text: string): string {
  let out = text;
  for (const pass of PASSES) out = pass(out);
  return out;
}

const PASSES: readonly ((text: string) => string)[] = [scrubEmails, scrubIbans, scrubPhones, scrubCompanyIds, scrubAddresses, scrubCompanyNames, scrubPersonNames];
