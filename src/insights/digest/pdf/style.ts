import { frenchTypography } from '../../../text/frenchTypography';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { size: 'A4', margin: 56, footer: 28 } as const;

export const COLOURS = {
  ink: '#1d2733',
  heading: '#1f3a5f',
  muted: '#5f6b78',
  bar: '#2e7d9a',
  rule: '#c9d3dd',
  tile: '#eef3f7',
  highlight: '#f3f8ec',
  highlightBar: '#6a9a3a',
  quoteBar: '#9aa8b6',
} as const;

export const FONTS = { regular: 'regular', bold: 'bold', italic: 'italic' } as const;

export interface TextStyle {
  font: keyof typeof FONTS;
  size: number;
  colour: string;
}

export const STYLES = {
  title: { font: 'bold', size: 19, colour: COLOURS.heading },
  subtitle: { font: 'regular', size: 9.5, colour: COLOURS.muted },
  heading: { font: 'bold', size: 13.5, colour: COLOURS.heading },
  body: { font: 'regular', size: 10, colour: COLOURS.ink },
  small: { font: 'regular', size: 8.5, colour: COLOURS.muted },
  entryTitle: { font: 'bold', size: 10.5, colour: COLOURS.ink },
  entryLine: { font: 'regular', size: 9.5, colour: COLOURS.ink },
  figure: { font: 'bold', size: 21, colour: COLOURS.heading },
  figureLabel: { font: 'regular', size: 8.5, colour: COLOURS.ink },
  chartTitle: { font: 'bold', size: 9.5, colour: COLOURS.ink },
  chartLabel: { font: 'regular', size: 8.5, colour: COLOURS.ink },
  quote: { font: 'italic', size: 10, colour: COLOURS.ink },
} as const satisfies Record<string, TextStyle>;

/** French typography at the output edge: every text drawn goes through here, data (questions, titles) included. */
export function typeset(text: string): string {
  return frenchTypography(text);
}

export function use(doc: Doc, style: TextStyle): Doc {
  return doc.font(FONTS[style.font]).fontSize(style.size).fillColor(style.colour);
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heightOf(doc: Doc, style: TextStyle, text: string, width: number): number {
  return use(doc, style).heightOfString(typeset(text), { width });
}

/** The text cut, with an ellipsis, to fit one line of `width`. */
export function fitLine(doc: Doc, style: TextStyle, text: string, width: number): string {
  use(doc, style);
  const full = typeset(text);
  if (doc.widthOfString(full) <= width) return full;
  let low = 0;
  let high = full.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${full.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${full.slice(0, low).trimEnd()}…`;
}
