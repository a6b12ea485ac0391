import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { SCRUB_TOKENS } from '../tokens';
import { START } from '../regexWords';

/** A country code and two check digits, then letters and digits, spaced by groups or not. */
const CANDIDATE = new RegExp(`${START}[A-Za-z]{2}\\s?\\d{2}(?:[ .-]?[A-Za-z0-9]){10,30}`, 'gu');
const SPECS = getCountrySpecifications();

/**
 * IBANs (ibantools checks the country's length and the key). The candidate may run on into the
 * next word (« … 189 merci »), so the longest prefix that is an IBAN wins. A French one with a
 * wrong key is still scrubbed: 27 letters and digits after « FR76 » are an account, never a word
 * of the question.
 */
export function scrubIbans(text: string): string {
  return text.replace(CANDIDATE, (candidate) => {
    const positions: number[] = [];
    let compact = '';
    for (let i = 0; i < candidate.length; i++) {
      if (/[A-Za-z0-9]/.test(candidate[i]!)) {
        compact += candidate[i]!.toUpperCase();
        positions.push(i);
      }
    }
    const country = compact.slice(0, 2);
    const length = SPECS[country]?.chars;
    if (!length || compact.length < length) return candidate;
    const iban = compact.slice(0, length);
    const frenchShaped = (country === 'FR' || country === 'MC') && /^\d{12}/.test(iban.slice(4));
    if (!isValidIBAN(electronicFormatIBAN(iban) ?? '') && !frenchShaped) return candidate;
    const end = positions[length - 1]! + 1;
    // An IBAN ends at a group boundary: when letters follow glued to it, this is not one.
    if (/[A-Za-z0-9]/.test(candidate[end] ?? '')) return candidate;
    return SCRUB_TOKENS.iban + candidate.slice(end);
  });
}
