import { parisOffsetMinutes } from '../tenders/dates';

/**
 * A cell: text, a number (written the French way: 1234,5), a day ("YYYY-MM-DD" → 05/03/2026), an
 * instant (ISO → 05/03/2026 14:30, Paris time), a number with fixed decimals, or empty.
 */
export type CsvCell = string | number | null | undefined | { day: string } | { at: string } | { value: number; decimals: number };

export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';
/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection) — also behind
 * blanks or zero-width characters, which Google Sheets and LibreOffice trim before reading the cell.
 */
const FORMULA_START = /^[\t\r]|^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@]/;
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;
// Control characters other than tab and newlines have no business in a cell.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const numberFormats = new Map<number | 'auto', Intl.NumberFormat>();
function frenchNumber(value: number, decimals: number | 'auto'): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', decimals === 'auto' ? { useGrouping: false, maximumFractionDigits: 6 } : { useGrouping: false, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

function frenchDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

function frenchInstant(at: string): string {
  const instant = Date.parse(at);
  if (!Number.isFinite(instant)) return at;
  const wall = new Date(instant + parisOffsetMinutes(instant) * 60_000).toISOString();
  return `${frenchDay(wall.slice(0, 10))} ${wall.slice(11, 16)}`;
}

/** The text of a cell before quoting; a text that a spreadsheet would run is prefixed with « ' ». */
function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? frenchNumber(cell, 'auto') : '';
  if (typeof cell === 'object') {
    if ('day' in cell) return frenchDay(cell.day);
    if ('at' in cell) return frenchInstant(cell.at);
    return Number.isFinite(cell.value) ? frenchNumber(cell.value, cell.decimals) : '';
  }
  const text = cell.replace(CONTROL, '').replace(/\r\n?/g, '\n');
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV that a French Excel opens as it is: UTF-8 with a byte-order mark (else accents are read as
 * Windows-1252), `;` between cells (the comma is the decimal mark), CRLF line ends, RFC 4180
 * quoting, French numbers and dates, and no cell a spreadsheet would run as a formula.
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map((cell) => quoted(cellText(cell))).join(SEPARATOR));
  return BOM + lines.join(LINE_END) + LINE_END;
}
