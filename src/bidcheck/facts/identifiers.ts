import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

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
}

const NUMBER = /(?<![\d])(\d{3})[\s.]?(\d{3})[\s.]?(\d{3})(?:[\s.]?(\d{5}))?(?![\d])/g;
const LABEL = /(siret|siren|r\s?c\s?s|immatricul\w*|identification)\W{0,25}$/;

/**
 * SIREN/SIRET numbers in folded text. Labelled ones are trusted; a bare 9- or 14-digit run counts
 * only if it passes the checksum (phone numbers and amounts would otherwise look like SIRENs).
 */
export function findCompanyNumbers(folded: string): CompanyNumber[] {
  const found: CompanyNumber[] = [];
  for (const match of folded.matchAll(NUMBER)) {
    const digits = match.slice(1).filter(Boolean).join('');
    const before = folded.slice(Math.max(0, match.index - 40), match.index);
    if (/(euid\S*|fr\d{2,6}\.?|gestion|tva|tel|telephone|fax|iban)\W{0,4}$/.test(before)) continue;
    const labelled = LABEL.test(before);
    if (!labelled && !sirenOrSiretValid(digits)) continue;
    found.push({ digits, raw: match[0], labelled, index: match.index });
  }
  return found;
}

/**
 * Labelled numbers whose length is neither 9 nor 14 (a digit forgotten or added). The digits after a
 * label may run on into an address or a phone number ("SIRET 55208131700018 12 rue…"): a number is
 * well formed when its groups add up to 14 (or 9) digits at a group boundary.
 */
export function malformedCompanyNumbers(folded: string): string[] {
  const bad: string[] = [];
  for (const match of folded.matchAll(/(?:n\W{0,3})?(siret|siren)\W{0,12}((?:\d[\s.]?){8,20})/g)) {
    const groups = match[2]!.trim().split(/[\s.]+/).filter(Boolean);
    const total = groups.join('').length;
    let running = 0;
    const boundaries = new Set(groups.map((group) => (running += group.length)));
    const wellFormed = boundaries.has(14) || total === 9 || (match[1] === 'siren' && boundaries.has(9));
    if (!wellFormed) bad.push(match[2]!.trim());
  }
  return bad;
}

export interface IbanFact {
  value: string;
  valid: boolean;
  /** French RIB key (inside the BBAN) consistent; undefined when not a French IBAN. */
  ribKeyValid?: boolean;
}

const RIB_LETTERS: Record<string, number> = Object.fromEntries(
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((letter) => [letter, ({ A: 1, J: 1, B: 2, K: 2, S: 2, C: 3, L: 3, T: 3, D: 4, M: 4, U: 4, E: 5, N: 5, V: 5, F: 6, O: 6, W: 6, G: 7, P: 7, X: 7, H: 8, Q: 8, Y: 8, I: 9, R: 9, Z: 9 } as Record<string, number>)[letter] ?? 0]),
);

/** French RIB key: 97 − ((89 × banque + 15 × guichet + 3 × compte) mod 97). */
export function ribKeyValid(bban: string): boolean {
  if (!/^\d{5}\d{5}[0-9A-Z]{11}\d{2}$/.test(bban)) return false;
  const account = [...bban.slice(10, 21)].map((char) => (/\d/.test(char) ? char : String(RIB_LETTERS[char] ?? 0))).join('');
  const bank = BigInt(bban.slice(0, 5));
  const branch = BigInt(bban.slice(5, 10));
  const key = 97n - ((89n * bank + 15n * branch + 3n * BigInt(account)) % 97n);
  return key === BigInt(bban.slice(21, 23));
}

/** IBANs written in a raw (unfolded) text, validated with ibantools (ISO 13616 mod 97). */
export function findIbans(text: string): IbanFact[] {
  const found = new Map<string, IbanFact>();
  for (const match of text.toUpperCase().matchAll(/(?<![A-Z0-9])([A-Z]{2}\d{2}(?:[ \u00a0\u202f]?[A-Z0-9]{4}){2,7}(?:[ \u00a0\u202f]?[A-Z0-9]{1,3})?)(?![A-Z0-9])/g)) {
    const value = electronicFormatIBAN(match[1]) ?? match[1]!.replace(/\s/g, '');
    if (value.length < 15 || found.has(value)) continue;
    const fact: IbanFact = { value, valid: isValidIBAN(value) };
    if (value.startsWith('FR') && value.length === 27) fact.ribKeyValid = ribKeyValid(value.slice(4));
    found.set(value, fact);
  }
  return [...found.values()];
}
