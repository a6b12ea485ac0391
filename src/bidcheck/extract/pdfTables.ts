import { readNumber } from '../facts/amounts';
import { type ColumnRole, headerRoles, NUMERIC_ROLES, PRICE_ROLES, TOTAL_ROW_LABEL } from './priceColumns';

/**
 * Price tables rebuilt from where pdf.js places each run of text. Plain text extraction glues the
 * cells of a row ("m² 1 200,5 12,00 14 406,00") and loses the columns, so sums computed from it
 * pair the wrong numbers. Here runs are grouped into lines by their baseline, the columns are
 * taken from a header row (Désignation, Unité, Quantité, Prix unitaire, Montant…) and each run is
 * put in the column it lies in. A table is kept only when it reads cleanly: numbers inside their
 * columns and numeric cells that parse. Anything doubtful gives no rows at all, not guessed ones.
 */

/** One run of text as pdf.js places it, in points: start (x), baseline (y, upwards), width, font size. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The columns of a table, carried to the next page when the table continues without a header. */
export interface TableLayout {
  labels: string[];
  roles: ColumnRole[];
  /** Inner boundaries between columns (x, points), one fewer than the columns. */
  bounds: number[];
}

export interface PageTables {
  /** Header rows (labels) and body rows, in reading order; empty when nothing reads reliably. */
  rows: string[][];
  /** The layout of the page's last table when it read reliably (it may go on over the page). */
  layout?: TableLayout;
}

export const TABLE_LIMITS = {
  /** A page with more runs than this is not read as a table (bounded time per page). */
  maxRunsPerPage: 6000,
  maxCellChars: 160,
};

interface Run extends PlacedText {
  end: number;
  numeric: boolean;
}

interface Line {
  y: number;
  size: number;
  runs: Run[];
}

const KEYWORD = /d[ée]signation|libell[ée]|description|quantit|qt[ée]|prix|p\.\s?u|montant|total/i;
/** Words a price cell may hold instead of a number. */
const PRICE_WORDS = /^(inclus|compris|pm|p\.\s?m\.?|pour memoire|pour mémoire|offert|néant|neant|sans objet|so|s\.o\.?|nc|ns|-|–|—|\/|x|\*+)$/i;

const isNumeric = (text: string) => readNumber(text.replace(/%$/, '')) !== undefined;

function toRuns(items: readonly PlacedText[]): Run[] {
  return items
    .filter((item) => item.text.trim() && Number.isFinite(item.x) && Number.isFinite(item.y))
    .map((item) => {
      const size = item.size > 0 ? item.size : 8;
      const width = Math.max(0, item.width);
      return { ...item, text: item.text.trim(), size, width, end: item.x + width, numeric: isNumeric(item.text) };
    });
}

/** Runs whose baselines are within a fraction of the font size form one line (superscripts included). */
function toLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) <= Math.max(1.5, 0.4 * Math.min(line.size, run.size))) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

interface HeaderCell {
  x: number;
  end: number;
  runs: Run[];
}

/** The header line and the short label lines right above and below it ("Prix / unitaire / HT"). */
function headerBlock(lines: readonly Line[], index: number): { from: number; to: number } {
  const labelLine = (line: Line) => line.runs.every((run) => !run.numeric && run.text.length <= 40);
  let from = index;
  let to = index;
  while (from > 0 && index - from < 2 && lines[from - 1]!.y - lines[from]!.y <= 1.45 * lines[from]!.size && labelLine(lines[from - 1]!)) from--;
  while (to < lines.length - 1 && to - index < 2 && lines[to]!.y - lines[to + 1]!.y <= 1.45 * lines[to]!.size && labelLine(lines[to + 1]!)) to++;
  return { from, to };
}

/** Runs of the header block that touch horizontally (within half a space) make one header cell. */
function headerCells(lines: readonly Line[]): HeaderCell[] {
  const runs = lines.flatMap((line) => line.runs).sort((a, b) => a.x - b.x);
  const cells: HeaderCell[] = [];
  for (const run of runs) {
    const cell = cells.at(-1);
    if (cell && run.x <= cell.end + 0.45 * run.size) {
      cell.runs.push(run);
      cell.end = Math.max(cell.end, run.end);
    } else cells.push({ x: run.x, end: run.end, runs: [run] });
  }
  return cells;
}

const cellLabel = (cell: HeaderCell) =>
  [...cell.runs]
    .sort((a, b) => b.y - a.y || a.x - b.x)
    .map((run) => run.text)
    .join(' ');

/**
 * The boundary between two header cells, between their centres. Preferably the gutter (a gap no
 * run crosses, wider than a word space) nearest the right header: numbers right-aligned under a
 * left-aligned header end just before the next header starts. Else the position the fewest runs
 * cross (designations running long), nearest the gap between the headers.
 */
function boundary(left: HeaderCell, right: HeaderCell, runs: readonly Run[]): number {
  const from = (left.x + left.end) / 2;
  const to = (right.x + right.end) / 2;
  const target = left.end < right.x ? (left.end + right.x) / 2 : (from + to) / 2;
  const events = new Set<number>([from, to]);
  for (const run of runs) {
    if (run.x > from && run.x < to) events.add(run.x);
    if (run.end > from && run.end < to) events.add(run.end);
  }
  const points = [...events].sort((a, b) => a - b);
  const minGutter = 0.4 * Math.min(...right.runs.map((run) => run.size));
  let gutter: number | undefined;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const middle = (a + b) / 2;
    if (b - a >= minGutter && a < right.x && !runs.some((run) => run.x < middle && run.end > middle)) gutter = middle;
  }
  if (gutter !== undefined) return gutter;
  let best = target;
  let bestCost = Infinity;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const middle = (a + b) / 2;
    const crossing = runs.filter((run) => run.x < middle && run.end > middle).length;
    const position = Math.min(Math.max(target, a), b);
    if (crossing < bestCost || (crossing === bestCost && Math.abs(position - target) < Math.abs(best - target))) {
      bestCost = crossing;
      best = position;
    }
  }
  return best;
}

interface PlacedRow {
  cells: string[];
  /** A number lies across a column boundary: the row cannot be read. */
  misplaced: boolean;
  /** A text runs across two boundaries or more: a paragraph, the table has ended. */
  paragraph: boolean;
  y: number;
}

function placeLine(line: Line, bounds: readonly number[]): PlacedRow {
  const parts: Run[][] = Array.from({ length: bounds.length + 1 }, () => []);
  let misplaced = false;
  let paragraph = false;
  const columnOf = (x: number) => {
    const index = bounds.findIndex((bound) => x < bound);
    return index < 0 ? bounds.length : index;
  };
  for (const run of line.runs) {
    // Numbers are right-aligned or centred in their cell, texts start in theirs.
    const column = columnOf(run.numeric ? (run.x + run.end) / 2 : run.x + 0.5);
    const crossed = bounds.filter((bound) => run.x < bound - 0.5 && run.end > bound + 0.5).length;
    if (crossed > 0 && run.numeric) misplaced = true;
    if (crossed >= 2) paragraph = true;
    parts[column]!.push(run);
  }
  const cells = parts.map((runs) => joinRuns(runs).slice(0, TABLE_LIMITS.maxCellChars));
  return { cells, misplaced, paragraph, y: line.y };
}

/** Runs of one cell, in order; a gap wider than a thin space is a space ("1" "234,56" → "1 234,56"). */
function joinRuns(runs: readonly Run[]): string {
  let text = '';
  let previous: Run | undefined;
  for (const run of runs) {
    if (previous) text += run.x - previous.end > 0.1 * run.size || /\s$/.test(previous.text) ? ' ' : '';
    text += run.text;
    previous = run;
  }
  return text.trim();
}

interface Segment {
  layout: TableLayout;
  header?: string[];
  lines: Line[];
  continued: boolean;
}

/** Rows of one table, or none when it does not read reliably. */
function readSegment(segment: Segment): string[][] {
  const { roles, bounds } = segment.layout;
  const placed: PlacedRow[] = [];
  for (const line of segment.lines) {
    const row = placeLine(line, bounds);
    const label = row.cells.filter((_, index) => !NUMERIC_ROLES.includes(roles[index]!)).join(' ');
    if (row.paragraph && !TOTAL_ROW_LABEL.test(label)) {
      // A page heading above a continued table is skipped; a paragraph after rows ends the table.
      if (placed.length > 0) break;
      continue;
    }
    placed.push(row);
  }
  const priceColumns = roles.flatMap((role, index) => (PRICE_ROLES.includes(role) ? [index] : []));
  const numericColumns = roles.flatMap((role, index) => (NUMERIC_ROLES.includes(role) ? [index] : []));
  const priced = (row: PlacedRow) => priceColumns.some((index) => readNumber(row.cells[index] ?? '') !== undefined);
  // Trailing lines far below the last priced one (signature block, footer) are not the table.
  const lastPriced = placed.map(priced).lastIndexOf(true);
  if (lastPriced < 0) return [];
  const gaps = placed.slice(1, lastPriced + 1).map((row, index) => placed[index]!.y - row.y);
  const spacing = gaps.length > 0 ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 12;
  let end = lastPriced + 1;
  while (end < placed.length && placed[end - 1]!.y - placed[end]!.y <= 2.5 * spacing) end++;
  const body = placed.slice(0, end);

  const withNumbers = body.filter((row) => numericColumns.some((index) => /\d/.test(row.cells[index] ?? '')) || row.misplaced);
  const misplaced = withNumbers.filter((row) => row.misplaced).length;
  let filled = 0;
  let unreadable = 0;
  for (const row of body) {
    if (row.misplaced || TOTAL_ROW_LABEL.test(row.cells.filter((_, index) => !numericColumns.includes(index)).join(' '))) continue;
    for (const index of numericColumns) {
      const cell = (row.cells[index] ?? '').replace(/%$/, '').trim();
      if (!cell) continue;
      filled++;
      if (readNumber(cell) === undefined && !PRICE_WORDS.test(cell)) unreadable++;
    }
  }
  const pricedRows = body.filter((row) => !row.misplaced && priced(row)).length;
  const reliable = pricedRows >= (segment.continued ? 1 : 2) && misplaced <= 0.1 * withNumbers.length && unreadable <= 0.1 * filled;
  if (!reliable) return [];
  const rows = body.filter((row) => !row.misplaced && row.cells.some(Boolean)).map((row) => row.cells);
  return segment.header ? [segment.header, ...rows] : rows;
}

function layoutFrom(cells: readonly HeaderCell[], roles: ColumnRole[], body: readonly Line[]): TableLayout {
  const runs = [...cells.flatMap((cell) => cell.runs), ...body.flatMap((line) => line.runs)];
  const span = Math.max(1, cells.at(-1)!.end - cells[0]!.x);
  // A run as wide as half the table is a paragraph or a spanning label: it says nothing of columns.
  const narrow = runs.filter((run) => run.width < span / 2);
  const bounds = cells.slice(1).map((cell, index) => boundary(cells[index]!, cell, narrow));
  return { labels: cells.map(cellLabel), roles, bounds };
}

/**
 * The price tables of one page, from its runs. `carried` is the layout of a table that ended the
 * previous page: the page's lines before its own first header continue it.
 */
export function pageTables(items: readonly PlacedText[], carried?: TableLayout): PageTables {
  if (items.length > TABLE_LIMITS.maxRunsPerPage) return { rows: [] };
  if (!carried && !items.some((item) => KEYWORD.test(item.text))) return { rows: [] };
  const lines = toLines(toRuns(items));
  const headers: { from: number; to: number; cells: HeaderCell[]; roles: ColumnRole[] }[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index]!.runs.some((run) => KEYWORD.test(run.text))) continue;
    const block = headerBlock(lines, index);
    const cells = headerCells(lines.slice(block.from, block.to + 1));
    const roles = headerRoles(cells.map(cellLabel));
    if (!roles) continue;
    headers.push({ ...block, cells, roles });
    index = block.to;
  }
  const segments: Segment[] = [];
  if (carried) segments.push({ layout: carried, lines: lines.slice(0, headers[0]?.from ?? lines.length), continued: true });
  headers.forEach((header, index) => {
    const body = lines.slice(header.to + 1, headers[index + 1]?.from ?? lines.length);
    const layout = layoutFrom(header.cells, header.roles, body);
    segments.push({ layout, header: layout.labels, lines: body, continued: false });
  });
  const rows: string[][] = [];
  let layout: TableLayout | undefined;
  for (const segment of segments) {
    const read = readSegment(segment);
    rows.push(...read);
    layout = read.length > 0 ? segment.layout : undefined;
  }
  return { rows, layout };
}
