import { parisOffsetMinutes } from '../tenders/dates';

/**
 * Calendar buckets of the insights, in Paris time: a question asked on Monday at 00:30 in Nîmes
 * belongs to Monday, not to Sunday as its UTC instant would say. Days are "YYYY-MM-DD", months
 * "YYYY-MM", ISO weeks "YYYY-Www" (the ISO year, which differs from the calendar year around 1 January).
 */

const DAY_MS = 86_400_000;

/** The Paris day of an instant (ISO string or Date); undefined when it does not parse. */
export function parisDay(at: string | Date): string | undefined {
  const instant = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(instant)) return undefined;
  return new Date(instant + parisOffsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
}

export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function dayOfNumber(value: number): string {
  return new Date(value * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** Days from `from` to `to`, both counted: 2026-03-01 → 2026-03-31 is 31. */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** The ISO week of a day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOfDay(day: string): string {
  const number = dayNumber(day);
  const weekday = (new Date(number * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = number - weekday + 3;
  const isoYear = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstThursday = dayNumber(`${isoYear}-01-04`) - ((new Date(Date.UTC(isoYear, 0, 4)).getUTCDay() + 6) % 7) + 3;
  const week = Math.round((thursday - firstThursday) / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week from the one holding `from` to the one holding `to`, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const first = dayNumber(from);
  const monday = first - ((new Date(first * DAY_MS).getUTCDay() + 6) % 7);
  for (let day = monday; day <= dayNumber(to); day += 7) weeks.push(isoWeekOfDay(dayOfNumber(day)));
  return weeks;
}

/** Every month from the one holding `from` to the one holding `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOfDay(to);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return new Date(Date.UTC(year, index, 0)).toISOString().slice(0, 10);
}
