import { ocrAvailable } from '../../src/bidcheck/extract/ocr';
import { LINES, pdf } from '../fixtures/documents';
import { scannedPdf } from '../fixtures/scan';
import { check } from './support';

// Needs Debian's tesseract-ocr, tesseract-ocr-fra and poppler-utils (README prerequisites; .ci/run installs them).
describe('scanned documents read by OCR', () => {
  it('has the OCR tools installed', async () => {
    if (!(await ocrAvailable())) throw new Error('OCR introuvable : apt-get install -y tesseract-ocr tesseract-ocr-fra poppler-utils');
  });

  it('recognises a scanned Kbis, reads its date, and says it was read by OCR', async () => {
    const scan = await scannedPdf(await pdf(LINES.kbis('3 mars 2026'), { size: 12 }));
    const report = await check([{ name: 'scan_20261102.pdf', bytes: scan }], {});
    expect(report.documents[0]).toMatchObject({ type: 'KBIS', dates: { upToDate: '2026-03-03' } });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'KBIS_TOO_OLD', file: 'scan_20261102.pdf' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'PDF_IMAGE_ONLY_NO_TEXT', message: expect.stringContaining('OCR') }));
  }, 30_000);
});
