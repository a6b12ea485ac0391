import { differenceInCalendarDays, parseISO } from 'date-fns';
import { findDates } from './facts/frenchDates';
import { parisDate } from './resolveContext';
import { foldText, lightFold } from './textForms';
import type { Nature, Stage } from './types';

/** "je ne sais pas" and its phone variants: the answer is unknown, the check goes on with defaults. */
export function isDontKnow(text: string): boolean {
  return /(je ne sais pas|sais pas|chais pas|jsp|aucune idee|ne sait pas|inconnu|passer|peu importe)/.test(foldText(text)) || text.trim() === '?';
}

export function parseStage(text: string): Stage | undefined {
  const folded = foldText(text);
  if (/(retenu|attributaire|gagne|justificatif|attribu|laureat|selectionne)/.test(folded)) return 'ATTRIBUTION';
  if (/(depot|depose|prepar|repondre|reponse|avant|candidat|pli)/.test(folded)) return 'DEPOT';
  return undefined;
}

export function parseNature(text: string): Nature | undefined {
  const folded = foldText(text);
  if (/(travau|travo|chantier|btp|batiment)/.test(folded)) return 'TRAVAUX';
  if (/(fourni|livraison|achat de materiel|materiel)/.test(folded)) return 'FOURNITURES';
  if (/(servic|prestation|nettoyage|entretien|maintenance|etude)/.test(folded)) return 'SERVICES';
  return undefined;
}

// Built once: building a formatter costs more than reading a date with it (each typed answer is tried as a date).
const PARIS_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

const parisOffset = (isoDate: string): string => {
  const name = PARIS_OFFSET
    .formatToParts(new Date(`${isoDate}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name?.replace('GMT', '') || '+01:00';
};

/** A deadline typed by a person ("12/12/2026 à 12h", "lundi 14 décembre 2026 17h30") as an ISO instant in Paris time. */
const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/** "12/12" or "12 décembre" typed without the year: the next such day from today. */
/** How far back a yearless date is still read as this year's (a deadline just missed). */
const RECENTLY_PASSED_DAYS = 60;

function dateWithoutYear(light: string, today: string): { iso: string; end: number } | undefined {
  const numeric = /(?<!\d)(0?[1-9]|[12]\d|3[01])\s?[/.-]\s?(0?[1-9]|1[0-2])(?![\d/.-])/.exec(light);
  const textual = new RegExp(`(?<!\\d)(1er|0?[1-9]|[12]\\d|3[01])\\s*(${MONTHS.join('|')})`).exec(light);
  const match = numeric ?? textual;
  if (!match) return undefined;
  const day = match[1] === '1er' ? 1 : Number(match[1]);
  const month = numeric ? Number(match[2]) : MONTHS.indexOf(match[2]!) + 1;
  let year = Number(today.slice(0, 4));
  const candidate = (y: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // A date a few weeks gone is a deadline that has passed (the dialog then warns and asks); only a date
  // long gone this year means next year ("3 février" typed in November).
  if (differenceInCalendarDays(parseISO(today), parseISO(candidate(year))) > RECENTLY_PASSED_DAYS) year++;
  return { iso: candidate(year), end: match.index + match[0].length };
}

export function parseDeadline(text: string, today: string = parisDate()): string | undefined {
  const light = lightFold(text);
  const date = findDates(light)[0] ?? dateWithoutYear(light, today);
  if (!date) return undefined;
  const rest = light.slice(date.end);
  const time = /(?<!\d)([01]?\d|2[0-3])\s*(?:h|:|heures?)\s*([0-5]\d)?/.exec(rest);
  const midnight = !time && /minuit/.test(rest);
  // No time given (or "midi"): noon, the most common hour in règlements de consultation.
  const hours = time ? time[1]!.padStart(2, '0') : midnight ? '23' : '12';
  const minutes = time?.[2] ?? (midnight ? '59' : '00');
  return `${date.iso}T${hours}:${minutes}:00${parisOffset(date.iso)}`;
}
