import { firstDayOfMonth, lastDayOfMonth, monthOfDay, parisDay } from './calendar';

/** Days in Paris time, both included; an absent bound is open. */
export interface Period {
  from?: string;
  to?: string;
}

export type PeriodProblem = 'BAD_FROM' | 'BAD_TO' | 'REVERSED';
export type PeriodResult = { ok: true; period: Period } | { ok: false; problem: PeriodProblem };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` as the dashboard sends it (empty = open); a real calendar day each. */
export function parsePeriod(query: { from?: unknown; to?: unknown }): PeriodResult {
  const read = (value: unknown): string | undefined | false => {
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' && isDay(value) ? value : false;
  };
  const from = read(query.from);
  if (from === false) return { ok: false, problem: 'BAD_FROM' };
  const to = read(query.to);
  if (to === false) return { ok: false, problem: 'BAD_TO' };
  if (from && to && from > to) return { ok: false, problem: 'REVERSED' };
  return { ok: true, period: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** The calendar month YYYY-MM as a period. */
export function monthPeriod(month: string): Period {
  return { from: firstDayOfMonth(month), to: lastDayOfMonth(month) };
}

export function dayInPeriod(day: string, period: Period): boolean {
  return (!period.from || day >= period.from) && (!period.to || day <= period.to);
}

/** Records of the period, each with its Paris day (records whose time does not parse are left out). */
export function withinPeriod<T extends { at: string }>(records: readonly T[], period: Period): { record: T; day: string }[] {
  const out: { record: T; day: string }[] = [];
  for (const record of records) {
    const day = parisDay(record.at);
    if (day && dayInPeriod(day, period)) out.push({ record, day });
  }
  return out;
}

/**
 * How finely a count cuts time. A count over whole calendar months is `month`; anything else —
 * a week, a day, "the last 30 days", half of a month — is `finer`. Whole months only, not "at
 * least 28 days": two 30-day counts one day apart would otherwise give a single day's count by
 * subtraction. An open bound counts as whole (it runs to the start of the data, or to today).
 */
export type Cut = 'month' | 'finer';

export function cutOf(span: Period): Cut {
  const fromWhole = !span.from || span.from === firstDayOfMonth(monthOfDay(span.from));
  const toWhole = !span.to || span.to === lastDayOfMonth(monthOfDay(span.to));
  return fromWhole && toWhole ? 'month' : 'finer';
}

/** The part of a month inside the period: the span a per-month count really covers. */
export function monthWithin(month: string, period: Period): Period {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  return { from: period.from && period.from > first ? period.from : first, to: period.to && period.to < last ? period.to : last };
}
