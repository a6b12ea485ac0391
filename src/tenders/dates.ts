/**
 * Dates as the tender sources write them. BOAMP publishes deadlines in six shapes (with or without
 * offset, "Z", fractional seconds, eForms "date+offset" + "time+offset"); its offset-less ones are
 * Paris local time, which the Opendatasoft flat field wrongly stamps "+00:00" (tenders-data.md §1.2).
 * Everything is normalised to Europe/Paris wall time with the offset that applied on that day.
 */

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR = 3600_000;

/** 01:00 UTC on the last Sunday of a month: when European summer time starts (March) or ends (October). */
function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Minutes Paris is ahead of UTC at this instant (60 in winter, 120 in summer). The EU rule (last
 * Sunday of March to last Sunday of October, at 01:00 UTC) is computed rather than asked of Intl,
 * which costs ~50 µs a call: 100,000 deadlines are read at every import. Checked against Intl in tests.
 */
export function parisOffsetMinutes(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  return instant >= lastSundayAt1Utc(year, 2) && instant < lastSundayAt1Utc(year, 9) ? 120 : 60;
}

function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

function parisWall(instant: number): WallTime {
  const shifted = new Date(instant + parisOffsetMinutes(instant) * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds() };
}

/** The instant of a Paris wall time (in the autumn overlap, the earlier of the two). */
export function instantOfParisWall(wall: WallTime): number {
  const asUtc = wallAsUtc(wall);
  const summer = asUtc - 2 * HOUR;
  if (parisOffsetMinutes(summer) === 120) return summer;
  const winter = asUtc - HOUR;
  // A wall time inside the spring gap (02:00–03:00) does not exist: it is read one hour later.
  return winter;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** "2026-09-22T16:00:00+02:00": the instant written as Paris wall time with its offset. */
export function toParisIso(instant: number): string {
  const wall = parisWall(instant);
  const offset = parisOffsetMinutes(instant);
  const sign = offset < 0 ? '-' : '+';
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

export interface SourceDateTime {
  /** Milliseconds since the epoch. */
  instant: number;
  /** The text stated its offset ("+02:00", "Z"). */
  hadOffset: boolean;
  /** The text stated an hour. */
  hadTime: boolean;
  year: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function validWall(wall: WallTime): boolean {
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  return probe.getUTCFullYear() === wall.year && probe.getUTCMonth() === wall.month - 1 && probe.getUTCDate() === wall.day && wall.hour < 24 && wall.minute < 60 && wall.second < 60;
}

function offsetMinutes(text: string): number {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Reads "2026-09-22T16:00:00", "2026-09-29T12:00:00.000+02:00", "2026-09-30T09:00:00Z",
 * "2026-09-30" (date only)… An offset-less text is Paris local time. Undefined when it is not a
 * real date (2026-02-30, 25:00, free text).
 */
export function parseSourceDateTime(raw: string): SourceDateTime | undefined {
  const match = DATE_TIME.exec(raw.trim());
  if (!match) return undefined;
  const wall: WallTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
  };
  if (!validWall(wall)) return undefined;
  const hadOffset = match[7] !== undefined;
  const instant = hadOffset ? wallAsUtc(wall) - offsetMinutes(match[7]!) * 60_000 : instantOfParisWall(wall);
  return { instant, hadOffset, hadTime: match[4] !== undefined, year: wall.year };
}

/** eForms writes the deadline as `EndDate` "2026-09-30+02:00" and `EndTime` "11:00:00+02:00". */
export function joinEformsDateTime(date: string | undefined, time: string | undefined): string | undefined {
  if (!date) return undefined;
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(date.trim())?.[1];
  if (!day) return undefined;
  if (!time) return date.trim();
  return `${day}T${time.trim()}`;
}

/** "2026-08-19" when the text starts with a real calendar day, else undefined. */
export function calendarDay(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (!match) return undefined;
  const wall = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0 };
  return validWall(wall) ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** "2027-03" (month precision, as a buyer may type it) → "2027-03-01"; full days unchanged. */
export function expectedDay(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const month = /^(\d{4})-(\d{2})$/.exec(raw.trim());
  return month ? calendarDay(`${month[1]}-${month[2]}-01`) : calendarDay(raw);
}
