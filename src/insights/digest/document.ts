/**
 * The digest as a list of blocks, every text final (French, filled), before any layout: the content
 * can be tested without a PDF, and the PDF renderer knows nothing of insights.
 */

export interface Bar {
  label: string;
  /** The bar's length, in the chart's unit. */
  value: number;
  /** What is written at the end of the bar: « 12 », « 25 % », « moins de 3 ». */
  text: string;
  /** A protected small count (« moins de 3 »): drawn dashed, up to the limit, not as an exact length. */
  protected: boolean;
}

export interface BarChart {
  title: string;
  /** `columns`: vertical bars under a short label (weeks); `rows`: horizontal bars after a long label. */
  layout: 'columns' | 'rows';
  bars: Bar[];
  /** Where the axis ends, when the unit has a natural end (100 for a percentage). */
  max?: number;
  note?: string;
}

export interface Entry {
  title: string;
  lines: string[];
  /** A line set apart (the CCI's remedy). */
  highlight?: string;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'figures'; items: { value: string; label: string }[] }
  | { kind: 'chart'; chart: BarChart }
  | { kind: 'entries'; entries: Entry[] }
  | { kind: 'quote'; text: string; by: string };

export interface DigestDocument {
  title: string;
  /** Lines under the title. */
  subtitle: string[];
  author: string;
  /** PDF metadata and the footer's date. */
  createdAt: Date;
  blocks: Block[];
  /** The footer of each page. */
  pageLabel: (page: number, pages: number) => string;
}
