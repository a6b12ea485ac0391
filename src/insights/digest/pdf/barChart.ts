import type { Bar, BarChart } from '../document';
import { COLOURS, contentWidth, type Doc, fitLine, heightOf, STYLES, typeset, use } from './style';

const ROW = 17;
const BAR = 10;
const COLUMN_AREA = 110;
const GAP = 6;

function barLength(bar: Bar, max: number, area: number): number {
  return Math.max(bar.value > 0 ? 1.5 : 0, (Math.min(bar.value, max) / max) * area);
}

function drawBar(doc: Doc, bar: Bar, x: number, y: number, width: number, height: number): void {
  if (width <= 0) return;
  if (bar.protected) {
    doc.save().dash(2, { space: 2 }).lineWidth(0.8).rect(x, y, width, height).stroke(COLOURS.bar).undash().restore();
  } else {
    doc.rect(x, y, width, height).fill(COLOURS.bar);
  }
}

function titleHeight(doc: Doc, chart: BarChart): number {
  return heightOf(doc, STYLES.chartTitle, chart.title, contentWidth(doc)) + GAP;
}

function noteHeight(doc: Doc, chart: BarChart): number {
  return chart.note ? heightOf(doc, STYLES.small, chart.note, contentWidth(doc)) + 3 : 0;
}

/** The height the chart takes, to keep it whole on one page. */
export function chartHeight(doc: Doc, chart: BarChart): number {
  const body = chart.layout === 'rows' ? chart.bars.length * ROW : COLUMN_AREA + 26;
  return titleHeight(doc, chart) + body + noteHeight(doc, chart) + 10;
}

/** Horizontal bars: the label on the left, the bar, then its value written after it. */
function drawRows(doc: Doc, chart: BarChart, x: number, y: number, width: number): void {
  const labelWidth = width * 0.42;
  const valueWidth = 78;
  const area = width - labelWidth - valueWidth - GAP * 2;
  const max = chart.max ?? Math.max(1, ...chart.bars.map((bar) => bar.value));
  const axis = x + labelWidth + GAP;
  chart.bars.forEach((bar, index) => {
    const top = y + index * ROW;
    use(doc, STYLES.chartLabel).text(fitLine(doc, STYLES.chartLabel, bar.label, labelWidth), x, top + 1, { width: labelWidth, lineBreak: false });
    const length = barLength(bar, max, area);
    drawBar(doc, bar, axis, top + (ROW - BAR) / 2 - 2, length, BAR);
    use(doc, STYLES.chartLabel).text(typeset(bar.text), axis + length + 4, top + 1, { width: valueWidth + GAP, lineBreak: false });
  });
  doc.moveTo(axis, y - 2).lineTo(axis, y + chart.bars.length * ROW - 2).lineWidth(0.6).stroke(COLOURS.rule);
}

/** Vertical bars over short labels (weeks), each value written above its bar, on a baseline. */
function drawColumns(doc: Doc, chart: BarChart, x: number, y: number, width: number): void {
  const slot = Math.min(90, width / Math.max(1, chart.bars.length));
  const barWidth = Math.min(34, slot * 0.6);
  const max = Math.max(1, ...chart.bars.map((bar) => bar.value));
  const baseline = y + COLUMN_AREA;
  const area = COLUMN_AREA - 14;
  chart.bars.forEach((bar, index) => {
    const centre = x + slot * index + slot / 2;
    const height = barLength(bar, max, area);
    drawBar(doc, bar, centre - barWidth / 2, baseline - height, barWidth, height);
    use(doc, STYLES.chartLabel).text(typeset(bar.text), centre - slot / 2, baseline - height - 11, { width: slot, align: 'center', lineBreak: false });
    use(doc, STYLES.chartLabel).text(fitLine(doc, STYLES.chartLabel, bar.label, slot - 2), centre - slot / 2, baseline + 4, { width: slot, align: 'center', lineBreak: false });
  });
  doc.moveTo(x, baseline).lineTo(x + slot * chart.bars.length, baseline).lineWidth(0.6).stroke(COLOURS.rule);
}

/** A labelled bar chart drawn with vector primitives at the current position; moves below it. */
export function drawChart(doc: Doc, chart: BarChart): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  let y = doc.y;
  use(doc, STYLES.chartTitle).text(typeset(chart.title), x, y, { width });
  y += titleHeight(doc, chart);
  if (chart.layout === 'rows') {
    drawRows(doc, chart, x, y, width);
    y += chart.bars.length * ROW;
  } else {
    drawColumns(doc, chart, x, y, width);
    y += COLUMN_AREA + 24;
  }
  if (chart.note) use(doc, STYLES.small).text(typeset(chart.note), x, y + 2, { width });
  doc.x = x;
  doc.y = y + noteHeight(doc, chart) + 10;
}
