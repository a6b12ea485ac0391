import { PDFParse } from 'pdf-parse';
import { type PlacedText, pageTables, type TableLayout } from './pdfTables';

export interface PdfText {
  /** Text of the pages read (the first `maxPages` at most). */
  pages: string[];
  /** Pages in the document. */
  total: number;
  info: Record<string, unknown>;
  /** Rows of the price tables rebuilt from text positions (see pdfTables), when any read reliably. */
  rows?: string[][];
}

export class PdfPasswordError extends Error {}

/** Rows of rebuilt tables kept per document: a 1000-page DQE must not fill the reply. */
export const MAX_TABLE_ROWS = 5000;

interface TextItem {
  str?: unknown;
  transform?: unknown;
  width?: unknown;
  height?: unknown;
}

interface PdfJsPage {
  getTextContent(options?: unknown): Promise<{ items: TextItem[] }>;
}

type PageTextReader = (page: PdfJsPage, ...rest: unknown[]) => Promise<string>;

/** Horizontal runs with their place on the page; rotated ones (stamps, watermarks) are left out. */
function placedItems(items: readonly TextItem[]): PlacedText[] {
  const placed: PlacedText[] = [];
  for (const item of items) {
    const transform = item.transform;
    if (typeof item.str !== 'string' || !Array.isArray(transform) || transform.length < 6) continue;
    const [a, b, c, d, x, y] = transform as number[];
    if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3 || !(a! > 0)) continue;
    placed.push({ text: item.str, x: x!, y: y!, width: Number(item.width) || 0, size: Number(item.height) || Math.abs(d!) });
  }
  return placed;
}

/**
 * Has each page's text items (already fetched by pdf-parse for the text) rebuilt into table rows as
 * the page is read: positions are never kept for the whole document, only the rows found.
 * pdf-parse gives no hook for the items, so its page reader is wrapped; if a new version renamed
 * it, tables are simply not rebuilt (text extraction is unchanged).
 */
function collectTables(parser: PDFParse, rows: string[][]): void {
  const reader = parser as unknown as { getPageText?: PageTextReader };
  const original = reader.getPageText;
  if (typeof original !== 'function') return;
  let carried: TableLayout | undefined;
  reader.getPageText = async (page, ...rest) => {
    const getTextContent = page.getTextContent.bind(page);
    page.getTextContent = async (options) => {
      const content = await getTextContent(options);
      if (rows.length < MAX_TABLE_ROWS) {
        const tables = pageTables(placedItems(content.items), carried);
        carried = tables.layout;
        rows.push(...tables.rows.slice(0, MAX_TABLE_ROWS - rows.length));
      }
      return content;
    };
    return original.call(parser, page, ...rest);
  };
}

/** Text per page (the first `maxPages`), the Info dictionary and rebuilt price tables, through pdf-parse (pdf.js). */
export async function readPdfText(bytes: Buffer, maxPages = 0): Promise<PdfText> {
  // No font faces, no system fonts, no eval: text extraction needs none, and a hostile PDF gets less surface.
  // getText only asks pdf.js for text content: images are never decoded here (pdftoppm does that for OCR).
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false });
  const rows: string[][] = [];
  collectTables(parser, rows);
  try {
    const text = await parser.getText(maxPages > 0 ? { first: maxPages } : {});
    let info: Record<string, unknown> = {};
    try {
      info = ((await parser.getInfo()).info as Record<string, unknown> | undefined) ?? {};
    } catch {
      // Metadata is a nicety; the text is what the rules read.
    }
    return { pages: text.pages.map((page) => page.text), total: text.total, info, ...(rows.length > 0 ? { rows } : {}) };
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new PdfPasswordError('password');
    throw error;
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
