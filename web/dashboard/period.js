// The period filter: days in Paris time, whole months by default (exact counts, see the hint).

const pad = (n) => String(n).padStart(2, '0');

/** Today in Paris as { year, month } (month 1–12). */
function parisToday() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type) => Number(parts.find((part) => part.type === type).value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function monthStart(year, month) {
  const date = new Date(Date.UTC(year, month - 1, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`;
}

function monthEnd(year, month) {
  const date = new Date(Date.UTC(year, month, 0));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A shortcut as a period of whole months: n > 0 the last n months with this one, -1 last month,
 * 0 everything kept.
 */
export function shortcut(months) {
  const { year, month } = parisToday();
  if (months === 0) return { from: '', to: '' };
  if (months === -1) return { from: monthStart(year, month - 1), to: monthEnd(year, month - 1) };
  return { from: monthStart(year, month - months + 1), to: monthEnd(year, month) };
}

export const DEFAULT_MONTHS = 3;

/** The period of the page's address (?from=…&to=…), or the default. */
export function fromAddress() {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('from') && !query.has('to')) return shortcut(DEFAULT_MONTHS);
  return { from: query.get('from') ?? '', to: query.get('to') ?? '' };
}

export function toQuery(period) {
  const query = new URLSearchParams();
  if (period.from) query.set('from', period.from);
  if (period.to) query.set('to', period.to);
  return query.toString();
}

/** A French reason the period cannot be asked, or null (the server checks again). */
export function problem(period) {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (period.from && !day.test(period.from)) return 'Date de début invalide : choisissez un jour dans le calendrier.';
  if (period.to && !day.test(period.to)) return 'Date de fin invalide : choisissez un jour dans le calendrier.';
  if (period.from && period.to && period.from > period.to) return 'La date de début doit précéder la date de fin.';
  return null;
}

/** The last complete month, "YYYY-MM", for the digest. */
export function lastMonth() {
  const { year, month } = parisToday();
  return monthStart(year, month - 1).slice(0, 7);
}

export function currentMonth() {
  const { year, month } = parisToday();
  return `${year}-${pad(month)}`;
}
