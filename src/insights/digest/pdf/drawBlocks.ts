import type { Block, Entry } from '../document';
import { chartHeight, drawChart } from './barChart';
import { bottom, COLOURS, contentWidth, type Doc, ensureSpace, heightOf, STYLES, type TextStyle, typeset, use } from './style';

const INDENT = 16;
const PAD = 6;

function paragraph(doc: Doc, style: TextStyle, text: string, indent = 0, gapAfter = 4): void {
  const x = doc.page.margins.left + indent;
  use(doc, style).text(typeset(text), x, doc.y, { width: contentWidth(doc) - indent });
  doc.y += gapAfter;
  doc.x = doc.page.margins.left;
}

const HEADING_SPACE = 22;

function headingHeight(doc: Doc, text: string): number {
  return heightOf(doc, STYLES.heading, text, contentWidth(doc)) + HEADING_SPACE;
}

/** Roughly the height of a block's first part: what a heading must keep with it on its page. */
function leadHeight(doc: Doc, block: Block): number {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'heading':
      return headingHeight(doc, block.text);
    case 'paragraph':
      return heightOf(doc, block.muted ? STYLES.small : STYLES.body, block.text, width) + 6;
    case 'figures':
      return 70;
    case 'chart':
      return chartHeight(doc, block.chart);
    case 'entries':
      return block.entries[0] ? heightOf(doc, STYLES.entryTitle, block.entries[0].title, width) + heightOf(doc, STYLES.entryLine, block.entries[0].lines[0] ?? '', width) + 8 : 0;
    case 'quote':
      return Math.min(heightOf(doc, STYLES.quote, block.text, width - INDENT) + 16, 160);
  }
}

/**
 * A heading never ends a page: it starts a new one unless its introduction and the first chart or
 * entry of its section fit under it.
 */
export function keepWithNext(doc: Doc, blocks: readonly Block[], index: number): void {
  const block = blocks[index]!;
  if (block.kind !== 'heading') return;
  let need = headingHeight(doc, block.text);
  for (const next of blocks.slice(index + 1, index + 3)) {
    if (next.kind === 'heading') break;
    need += leadHeight(doc, next);
    if (next.kind !== 'paragraph') break;
  }
  ensureSpace(doc, Math.min(need, (bottom(doc) - doc.page.margins.top) * 0.6));
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, headingHeight(doc, text) + 40);
  doc.y += 12;
  paragraph(doc, STYLES.heading, text, 0, 2);
  const x = doc.page.margins.left;
  doc.moveTo(x, doc.y).lineTo(x + contentWidth(doc), doc.y).lineWidth(0.8).stroke(COLOURS.rule);
  doc.y += 8;
}

/** The month's figures as tiles, three to a row. */
function figures(doc: Doc, items: readonly { value: string; label: string }[]): void {
  const columns = 3;
  const gap = 10;
  const width = (contentWidth(doc) - gap * (columns - 1)) / columns;
  for (let start = 0; start < items.length; start += columns) {
    const row = items.slice(start, start + columns);
    const inner = width - PAD * 2;
    const height = Math.max(...row.map((item) => heightOf(doc, STYLES.figure, item.value, inner) + heightOf(doc, STYLES.figureLabel, item.label, inner))) + PAD * 2 + 2;
    ensureSpace(doc, height + gap);
    const top = doc.y;
    row.forEach((item, index) => {
      const x = doc.page.margins.left + index * (width + gap);
      doc.rect(x, top, width, height).fill(COLOURS.tile);
      use(doc, STYLES.figure).text(typeset(item.value), x + PAD, top + PAD, { width: inner });
      use(doc, STYLES.figureLabel).text(typeset(item.label), x + PAD, doc.y + 1, { width: inner });
    });
    doc.x = doc.page.margins.left;
    doc.y = top + height + gap;
  }
}

function entry(doc: Doc, item: Entry, index: number): void {
  const width = contentWidth(doc) - INDENT;
  const first = heightOf(doc, STYLES.entryTitle, item.title, width) + (item.lines[0] ? heightOf(doc, STYLES.entryLine, item.lines[0], width) : 0);
  ensureSpace(doc, first + 6);
  const left = doc.page.margins.left;
  const top = doc.y;
  use(doc, STYLES.entryTitle).text(`${index + 1}.`, left, top, { width: INDENT, lineBreak: false });
  doc.y = top;
  paragraph(doc, STYLES.entryTitle, item.title, INDENT, 1);
  for (const line of item.lines) paragraph(doc, STYLES.entryLine, line, INDENT, 1);
  if (item.highlight) {
    const inner = width - PAD * 2 - 3;
    const height = heightOf(doc, STYLES.entryLine, item.highlight, inner) + PAD;
    ensureSpace(doc, height + 4);
    doc.y += 2;
    const top = doc.y;
    doc.rect(left + INDENT, top, width, height).fill(COLOURS.highlight);
    doc.rect(left + INDENT, top, 3, height).fill(COLOURS.highlightBar);
    use(doc, STYLES.entryLine).text(typeset(item.highlight), left + INDENT + PAD + 3, top + PAD / 2, { width: inner });
    doc.x = left;
    doc.y = top + height;
  }
  doc.y += 7;
}

function quote(doc: Doc, text: string, by: string): void {
  const width = contentWidth(doc) - INDENT;
  const height = heightOf(doc, STYLES.quote, text, width) + heightOf(doc, STYLES.small, by, width) + 4;
  // A long testimony may run over a page; a short one is kept whole.
  ensureSpace(doc, Math.min(height, 160));
  const left = doc.page.margins.left;
  const top = doc.y;
  paragraph(doc, STYLES.quote, text, INDENT, 2);
  use(doc, STYLES.small).text(typeset(`— ${by}`), left + INDENT, doc.y, { width, align: 'right' });
  if (doc.y > top) doc.rect(left + 4, top, 2.5, doc.y - top).fill(COLOURS.quoteBar);
  doc.x = left;
  doc.y += 10;
}

export function drawBlock(doc: Doc, block: Block): void {
  switch (block.kind) {
    case 'heading':
      return heading(doc, block.text);
    case 'paragraph':
      return paragraph(doc, block.muted ? STYLES.small : STYLES.body, block.text, 0, 6);
    case 'figures':
      return figures(doc, block.items);
    case 'chart':
      ensureSpace(doc, chartHeight(doc, block.chart));
      return drawChart(doc, block.chart);
    case 'entries':
      return block.entries.forEach((item, index) => entry(doc, item, index));
    case 'quote':
      return quote(doc, block.text, block.by);
  }
}
