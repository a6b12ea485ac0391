import { PDFParse } from 'pdf-parse';

export interface PdfText {
  /** Text of the pages read (the first `maxPages` at most). */
  pages: string[];
  /** Pages in the document. */
  total: number;
  info: Record<string, unknown>;
}

export class PdfPasswordError extends Error {}

/** Text per page (the first `maxPages`) and the Info dictionary, through pdf-parse (pdf.js). */
export async function readPdfText(bytes: Buffer, maxPages = 0): Promise<PdfText> {
  // No font faces, no system fonts, no eval: text extraction needs none, and a hostile PDF gets less surface.
  // getText only asks pdf.js for text content: images are never decoded here (pdftoppm does that for OCR).
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false });
  try {
    const text = await parser.getText(maxPages > 0 ? { first: maxPages } : {});
    let info: Record<string, unknown> = {};
    try {
      info = ((await parser.getInfo()).info as Record<string, unknown> | undefined) ?? {};
    } catch {
      // Metadata is a nicety; the text is what the rules read.
    }
    return { pages: text.pages.map((page) => page.text), total: text.total, info };
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new PdfPasswordError('password');
    throw error;
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
