/** Budgets that keep a hostile dossier from exhausting memory or time (documented in the README). */
export interface IntakeLimits {
  /** Total bytes all archives together may inflate to. */
  maxTotalUncompressedBytes: number;
  /** Largest compressed→uncompressed ratio accepted for one entry (zip bombs reach thousands). */
  maxCompressionRatio: number;
  /** Archives inside archives, counted from the outermost. */
  maxZipDepth: number;
  /** Entries across all archives. */
  maxEntries: number;
  /** Largest single file read (after inflation). */
  maxFileBytes: number;
  /** Wall-clock budget of one whole check; past it the report is partial. */
  timeBudgetMs: number;
  /** Scanned pages read by OCR per document (when tesseract is installed); 0 disables OCR. */
  ocrMaxPages: number;
  /**
   * Memory one reader process may allocate (MB): pdf.js and the Office readers (beyond their start),
   * pdftoppm and tesseract. Past it the file is abandoned as too complex to read.
   */
  readerMemoryMb: number;
  /** Time one file may take to be read (text, then OCR): past it, abandoned as too complex. */
  maxFileReadMs: number;
  /** Pages of one PDF whose text is read (the first ones); `pages` still counts them all. */
  maxPdfPages: number;
  /** Largest image (pixels, width × height) decoded for OCR, in a PDF or as an image file. */
  maxImagePixels: number;
  /**
   * Characters of text kept per document (about 600 dense pages): what the rules read comes first,
   * and a 100 MB text file must not become gigabytes of strings in the main process.
   */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipDepth: 3,
  maxEntries: 2000,
  maxFileBytes: 100 * 1024 * 1024,
  timeBudgetMs: 60_000,
  ocrMaxPages: 2,
  readerMemoryMb: 384,
  maxFileReadMs: 20_000,
  maxPdfPages: 1000,
  maxImagePixels: 150_000_000,
  maxTextChars: 2_000_000,
};
