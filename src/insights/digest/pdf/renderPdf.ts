import PDFDocument from 'pdfkit';
import type { DigestDocument } from '../document';
import { drawBlock, keepWithNext } from './drawBlocks';
import { digestFonts } from './fonts';
import { contentWidth, type Doc, FONTS, PAGE, STYLES, typeset, use } from './style';

function footers(doc: Doc, label: (page: number, pages: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing in the bottom margin would otherwise make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    use(doc, STYLES.small).text(typeset(label(index - start + 1, count)), doc.page.margins.left, doc.page.height - PAGE.footer - 10, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** The digest as an A4 PDF: DejaVu Sans embedded (subset), French language tag, charts as vectors. */
export function renderPdf(digest: DigestDocument): Promise<Buffer> {
  const fonts = digestFonts();
  const doc: Doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    // Never Helvetica, not even as the unused default: its WinAnsi encoding has no U+202F.
    font: fonts.regular,
    lang: 'fr-FR',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: digest.title, Author: digest.author, Creator: digest.author, CreationDate: digest.createdAt, ModDate: digest.createdAt },
  });
  doc.registerFont(FONTS.regular, fonts.regular);
  doc.registerFont(FONTS.bold, fonts.bold);
  doc.registerFont(FONTS.italic, fonts.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = contentWidth(doc);
  use(doc, STYLES.title).text(typeset(digest.title), doc.page.margins.left, doc.page.margins.top, { width });
  doc.y += 3;
  for (const line of digest.subtitle) use(doc, STYLES.subtitle).text(typeset(line), { width });
  doc.y += 6;
  digest.blocks.forEach((block, index) => {
    keepWithNext(doc, digest.blocks, index);
    drawBlock(doc, block);
  });
  footers(doc, digest.pageLabel);
  doc.end();
  return done;
}
