import path from 'node:path';
import { fill, Messages } from '../../knowledge/Messages';
import type { MessageId, MessageParamsOf } from '../../knowledge/messageIds';
import type { MessagesFile } from '../../knowledge/types';
import { readValidated } from '../../knowledge/validateFile';
import type { Tender, TenderLot } from '../types';
import { defaultKnowledgeDir } from './cpv';
import type { SmeProfile } from './profile';

/**
 * Where the match's sentences come from: `Messages.text` in the chat, or any function with its
 * signature. The texts live in knowledge/messages.json (ids `tenders.*`), never in this code.
 */
export type MatchText = <I extends MessageId>(id: I, ...params: MessageParamsOf<I>) => string;

const shared = new Map<string, MatchText>();
/**
 * The shipped knowledge/messages.json (or KNOWLEDGE_DIR's), filled without typography: for callers
 * that pass no texts (alerts, command line, bench). Typography is applied where a text is shown.
 */
export function sharedMatchText(knowledgeDir: string = defaultKnowledgeDir()): MatchText {
  const known = shared.get(knowledgeDir);
  if (known) return known;
  const file = readValidated<MessagesFile>(path.join(knowledgeDir, 'messages.json'), knowledgeDir);
  // Refuses, as the bot's start does, a text that uses a placeholder the code does not give.
  new Messages(file);
  const text: MatchText = (id, ...[params]) => {
    const entry = file.messages[id];
    const template = Array.isArray(entry) ? entry[0] : entry;
    return fill(template ?? id, params ?? {});
  };
  shared.set(knowledgeDir, text);
  return text;
}

/** Small pure scoring pieces of a match: time left, size, reserved markets. */

const DAY_MS = 86_400_000;
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** Calendar days from today to the deadline's day, in Paris: the count the tender card shows (« dans 47 jours »). */
function calendarDays(deadlineMs: number, nowMs: number): number {
  const day = (ms: number) => Date.parse(`${parisDayFormat.format(ms)}T00:00:00Z`);
  return Math.max(0, Math.round((day(deadlineMs) - day(nowMs)) / DAY_MS));
}
const monthFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' });
const euro = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
/** What `toLocaleString('fr-FR')` uses, built once rather than at each call. */
const frenchNumber = new Intl.NumberFormat('fr-FR');

export function formatEuros(amount: number): string {
  if (amount >= 1_000_000) return `${frenchNumber.format(Math.round(amount / 100_000) / 10)} M€`;
  return `${euro.format(Math.round(amount / 1000) * 1000)} €`.replace(/\u202f/g, ' ');
}

export interface Fit {
  factor: number;
  reason?: string;
}

/** Below this many days an SME rarely has the time to build a proper answer. */
export const TOO_SHORT_DAYS = 3;
export const SHORT_DAYS = 8;

/** The factor alone (called for every candidate of a query; no sentence built). */
export function timeFactor(upcoming: boolean, deadlineMs: number, nowMs: number): number {
  if (upcoming && !(deadlineMs > nowMs)) return 0.85;
  if (!Number.isFinite(deadlineMs)) return 0.8;
  const days = Math.floor((deadlineMs - nowMs) / DAY_MS);
  return days < 1 ? 0.2 : days < TOO_SHORT_DAYS ? 0.3 : days < SHORT_DAYS ? 0.7 : 1;
}

export function timeFit(tender: Tender, deadlineMs: number, nowMs: number, text: MatchText = sharedMatchText()): Fit {
  const factor = timeFactor(tender.status === 'UPCOMING', deadlineMs, nowMs);
  if (tender.status === 'UPCOMING' && !(deadlineMs > nowMs)) {
    const expected = tender.expectedPublicationDate ? Date.parse(tender.expectedPublicationDate) : NaN;
    const when = Number.isFinite(expected)
      ? expected > nowMs
        ? text('tenders.reason.upcomingExpected', { month: monthFormat.format(expected) })
        : text('tenders.reason.upcomingAnnounced')
      : text('tenders.reason.upcomingUnknown');
    return { factor, reason: text('tenders.reason.upcoming', { when }) };
  }
  if (!Number.isFinite(deadlineMs)) return { factor, reason: text('tenders.reason.noDeadline') };
  const days = Math.floor((deadlineMs - nowMs) / DAY_MS);
  const date = dateFormat.format(deadlineMs);
  if (days < 1) return { factor, reason: text('tenders.reason.deadlineTomorrow', { date }) };
  // The thresholds weigh the hours left; the sentence counts calendar days, as the card above it does.
  const count = calendarDays(deadlineMs, nowMs);
  if (days < TOO_SHORT_DAYS) return { factor, reason: text('tenders.reason.deadlineTooShort', { count, date }) };
  if (days < SHORT_DAYS) return { factor, reason: text('tenders.reason.deadlineShort', { count, date }) };
  return { factor, reason: text('tenders.reason.deadline', { count, date }) };
}

/** APProch brackets ("100k - 500k€", "1M - 5M€"): the geometric middle, never a sum. */
export function bracketValue(label: string): number | undefined {
  const parts = [...label.replace(/\s/g, '').toLowerCase().matchAll(/([0-9]+(?:[.,][0-9]+)?)(k|m)?/g)].map((m) => Number(m[1]!.replace(',', '.')) * (m[2] === 'm' ? 1_000_000 : m[2] === 'k' ? 1000 : 1));
  const valid = parts.filter((n) => n > 0);
  if (!valid.length) return undefined;
  if (valid.length === 1) return valid[0];
  return Math.sqrt(valid[0]! * valid[valid.length - 1]!);
}

export function tenderValue(tender: Tender): number | undefined {
  const amount = tender.estimatedValue?.amountEur;
  if (amount && amount > 0) return amount;
  const label = tender.estimatedValue?.rangeLabel;
  return label ? bracketValue(label) : undefined;
}

/**
 * The yearly turnover an SME can show. Without a declared turnover, about 100 k€ per employee is
 * assumed (an order of magnitude for small building and service firms, not a rule).
 */
export const TURNOVER_PER_EMPLOYEE_EUR = 100_000;
export function capacityOf(profile: SmeProfile): number | undefined {
  if (profile.turnover && profile.turnover > 0) return profile.turnover;
  if (profile.employees && profile.employees > 0) return profile.employees * TURNOVER_PER_EMPLOYEE_EUR;
  return undefined;
}

/**
 * A buyer may ask for a yearly turnover of up to twice the estimated value of the contract or lot
 * (Code de la commande publique, art. R2142-7): a firm is comfortable when its turnover is at least
 * twice the yearly value. Beyond what it can carry, a single lot or a groupement is suggested.
 */
export function yearsOf(tender: Tender): number {
  return Math.max(1, (tender.durationMonths ?? 12) / 12);
}

/** Yearly value of the smallest lot, when the tender has two lots or more (NaN otherwise). */
export function smallestLotYearly(tender: Tender): number {
  const value = tenderValue(tender);
  if (tender.lots.length < 2) return NaN;
  const years = yearsOf(tender);
  let smallest = Infinity;
  for (const lot of tender.lots) {
    const lotValue = lot.estimatedValueEur && lot.estimatedValueEur > 0 ? lot.estimatedValueEur : value !== undefined ? value / tender.lots.length : NaN;
    if (lotValue < smallest) smallest = lotValue;
  }
  return Number.isFinite(smallest) ? smallest / years : NaN;
}

/** The factor alone: yearly value (NaN if unknown) against what the SME can show. */
export function sizeFactor(yearly: number, smallestLot: number, capacity: number | undefined): number {
  if (!capacity || !Number.isFinite(yearly)) return 1;
  if (yearly * 2 <= capacity) return 1;
  if (yearly <= capacity) return 0.85;
  if (Number.isFinite(smallestLot) && smallestLot * 2 <= capacity) return 0.75;
  return yearly > capacity * 5 ? 0.35 : 0.5;
}

export function sizeFit(tender: Tender, profile: SmeProfile, lotRelevance: (lot: TenderLot) => number, text: MatchText = sharedMatchText()): Fit {
  const capacity = capacityOf(profile);
  const value = tenderValue(tender);
  if (!capacity || !value) return { factor: 1 };
  const years = yearsOf(tender);
  const yearly = value / years;
  const factor = sizeFactor(yearly, smallestLotYearly(tender), capacity);
  const perYear = years > 1 ? text('tenders.amountPerYear', { amount: formatEuros(yearly) }) : formatEuros(yearly);
  if (factor === 1) return { factor, reason: text('tenders.reason.sizeFits', { yearly: perYear }) };
  // Without a turnover the capacity is a guess from the headcount: the sentence says the headcount
  // the SME gave, never the guess as if it were its turnover.
  const headcount = profile.turnover && profile.turnover > 0 ? undefined : profile.employees;
  if (factor === 0.85)
    return {
      factor,
      reason: headcount
        ? text('tenders.reason.sizeHighHeadcount', { yearly: perYear, employees: headcount })
        : text('tenders.reason.sizeHigh', { yearly: perYear, capacity: formatEuros(capacity) }),
    };
  if (factor === 0.75) {
    const best = tender.lots
      .map((lot) => ({ lot, value: lot.estimatedValueEur && lot.estimatedValueEur > 0 ? lot.estimatedValueEur : value / tender.lots.length }))
      .filter((candidate) => (candidate.value / years) * 2 <= capacity)
      .sort((a, b) => lotRelevance(b.lot) - lotRelevance(a.lot) || a.value - b.value)[0]!;
    return { factor, reason: text('tenders.reason.sizeOneLot', { value: formatEuros(value), lot: best.lot.number, title: best.lot.title, lotValue: formatEuros(best.value) }) };
  }
  return {
    factor,
    reason: headcount ? text('tenders.reason.sizeGroupementHeadcount', { yearly: perYear, employees: headcount }) : text('tenders.reason.sizeGroupement', { yearly: perYear }),
  };
}

const RESERVED_OK = /\b(esat|siae|entreprise adaptee|entreprises adaptees|insertion|iae|handicap)/;
export function isQualifiedForReserved(profile: SmeProfile, fold: (text: string) => string): boolean {
  return (profile.certifications ?? []).some((c) => RESERVED_OK.test(fold(c)));
}

export function reservedFit(tender: Tender, profile: SmeProfile, fold: (text: string) => string, text: MatchText = sharedMatchText()): Fit {
  if (!tender.reserved) return { factor: 1 };
  return isQualifiedForReserved(profile, fold)
    ? { factor: 1, reason: text('tenders.reason.reservedQualified') }
    : { factor: RESERVED_FACTOR, reason: text('tenders.reason.reserved') };
}
export const RESERVED_FACTOR = 0.2;
