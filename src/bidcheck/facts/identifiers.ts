import { electronicFormatIBAN, isValidBBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { type Party, partyOf } from './parties';

/** Luhn over a digit string (bid-rules.md R26). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = '356000000';

/** SIREN (9 digits) or SIRET (14 digits), with La Poste's establishments as the known exception. */
export function sirenOrSiretValid(digits: string): boolean {
  if (!/^\d{9}$|^\d{14}$/.test(digits)) return false;
  if (luhnValid(digits)) return true;
  if (digits.length === 14 && digits.startsWith(LA_POSTE_SIREN)) {
    const sum = [...digits].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return false;
}

export interface CompanyNumber {
  digits: string;
  /** As written, for messages. */
  raw: string;
  /** Written after a SIRET/SIREN/RCS label (not just any run of digits). */
  labelled: boolean;
  index: number;
  /** Whose number it is (the candidate's, a cotraitant's, a sous-traitant's, an insurer's…). */
  party: Party;
}

const NUMBER = /(?<![\d])(\d{3})[\s.]?(\d{3})[\s.]?(\d{3})(?:[\s.]?(\d{5}))?(?![\d])/g;
const LABEL = /(siret|siren|r\s?c\s?s|immatricul\w*|identification)\W{0,25}$/;

/**
 * SIREN/SIRET numbers in folded text. Labelled ones are trusted; a bare 9- or 14-digit run counts
 * only if it passes the checksum (phone numbers and amounts would otherwise look like SIRENs).
 */
export function findCompanyNumbers(folded: string, documentType = 'UNKNOWN'): CompanyNumber[] {
  const found: CompanyNumber[] = [];
  for (const match of folded.matchAll(NUMBER)) {
    const digits = match.slice(1).filter(Boolean).join('');
    const before = folded.slice(Math.max(0, match.index - 40), match.index);
    if (/(euid\S*|fr\d{2,6}\.?|gestion|tva|tel|telephone|fax|iban)\W{0,4}$/.test(before)) continue;
    const labelled = LABEL.test(before);
    if (!labelled && !sirenOrSiretValid(digits)) continue;
    found.push({ digits, raw: match[0], labelled, index: match.index, party: partyOf(folded, match.index, documentType) });
  }
  return found;
}

/**
 * Labelled numbers whose length is neither 9 nor 14 (a digit forgotten or added). The digits after a
 * label may run on into an address or a phone number ("SIRET 55208131700018 12 rue…"): a number is
 * well formed when its groups add up to 14 (or 9) digits at a group boundary.
 */
export function malformedCompanyNumbers(folded: string, keep: (index: number) => boolean = () => true): string[] {
  const bad: string[] = [];
  for (const match of folded.matchAll(/(?:n\W{0,3})?(siret|siren)\W{0,12}((?:\d[\s.]?){8,20})/g)) {
    const groups = match[2]!.trim().split(/[\s.]+/).filter(Boolean);
    const total = groups.join('').length;
    let running = 0;
    const boundaries = new Set(groups.map((group) => (running += group.length)));
    const wellFormed = boundaries.has(14) || total === 9 || (match[1] === 'siren' && boundaries.has(9));
    if (!wellFormed && keep(match.index)) bad.push(match[2]!.trim());
  }
  return bad;
}

export interface IbanFact {
  value: string;
  valid: boolean;
  /** French RIB key (inside the BBAN) consistent; undefined when not a French IBAN. */
  ribKeyValid?: boolean;
}

const IBAN_ERRORS_OTHER_THAN_KEY = [ValidationErrorsIBAN.WrongBBANLength, ValidationErrorsIBAN.WrongBBANFormat, ValidationErrorsIBAN.ChecksumNotNumber, ValidationErrorsIBAN.WrongIBANChecksum, ValidationErrorsIBAN.NoIBANCountry];

/**
 * IBANs written in a raw (unfolded) text, validated by ibantools: ISO 13616 mod 97, and for a French
 * IBAN the RIB key of its BBAN (ibantools' own French BBAN check). `valid` is the IBAN's own
 * checksum and format; `ribKeyValid` false with `valid` true means only the RIB key is wrong.
 */
export function findIbans(text: string): IbanFact[] {
  const found = new Map<string, IbanFact>();
  for (const match of text.toUpperCase().matchAll(/(?<![A-Z0-9])([A-Z]{2}\d{2}(?:[ \u00a0\u202f]?[A-Z0-9]{4}){2,7}(?:[ \u00a0\u202f]?[A-Z0-9]{1,3})?)(?![A-Z0-9])/g)) {
    const value = electronicFormatIBAN(match[1]) ?? match[1]!.replace(/\s/g, '');
    if (value.length < 15 || found.has(value)) continue;
    const { errorCodes } = validateIBAN(value);
    const fact: IbanFact = { value, valid: !errorCodes.some((code) => IBAN_ERRORS_OTHER_THAN_KEY.includes(code)) };
    if (value.startsWith('FR') && fact.valid) fact.ribKeyValid = !errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
    found.set(value, fact);
  }
  return [...found.values()];
}

export interface RibFact {
  /** Code banque, guichet, compte and clé, as one 23-character BBAN. */
  bban: string;
  keyValid: boolean;
}

/**
 * A French RIB written as its four fields ("Code banque 30006 Code guichet 00001 N° de compte
 * 12345678901 Clé RIB 89", or the four values in a row under those headings), checked by ibantools.
 */
export function findRibs(light: string): RibFact[] {
  if (!/cle(?: rib)?(?![a-z])/.test(light) || !/code banque|banque\s+guichet/.test(light)) return [];
  const ribs = new Map<string, RibFact>();
  for (const match of light.toUpperCase().matchAll(/(?<![A-Z0-9])(\d{5})[^0-9\n]{1,30}?(\d{5})[^0-9\n]{1,40}?(?<![A-Z0-9])(?=[A-Z]*\d)([0-9A-Z]{11})(?![A-Z0-9])[^0-9\n]{1,30}?(\d{2})(?![A-Z0-9])/g)) {
    const bban = match.slice(1, 5).join('');
    if (!ribs.has(bban)) ribs.set(bban, { bban, keyValid: isValidBBAN(bban, 'FR') });
  }
  return [...ribs.values()];
}
