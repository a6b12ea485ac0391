import type { CheckReport } from '../../src/bidcheck/checkDossier';
import { PdfTextPool, ReaderLimitError } from '../../src/bidcheck/extract/PdfTextPool';
import { LINES, pdf } from '../fixtures/documents';
import { deepNestingPdf, flateBombPdf, hugeImagePdf, hugePagePdf, hugePng, hugeTextFile, jbig2BombPdf, jpxBombPdf, manyPagesPdf } from '../fixtures/bombs';
import { capText } from '../../src/bidcheck/intake/readDossier';
import { check } from './support';

// Memory itself is measured by bench/memory.mjs (npm run bench); here: each bomb ends as a finding
// that names the file, within the caps, and the process goes on. The readers run as real child
// processes under their memory cap here too (from the TypeScript sources, scripts/ts-require.cjs).

function tooComplex(report: CheckReport, file: string) {
  return report.findings.find((finding) => finding.rule === 'FILE_CORRUPTED_OR_UNREADABLE' && finding.file === file && finding.message.includes('trop complexe pour être lu'));
}

describe('resource bombs are abandoned at the caps, named as too complex to read', () => {
  it.each([
    ['image-geante.pdf', () => hugeImagePdf(), /image de 100\s000 × 100\s000 pixels/],
    ['jpx-geant.pdf', () => jpxBombPdf(), /image de 60\s000 × 60\s000 pixels/],
    ['jbig2-geant.pdf', () => jbig2BombPdf(), /image de 2\s147\s483\s632 × 65\s520 pixels/],
    ['photo.png', () => hugePng(), /image de 60\s000 × 60\s000 pixels/],
    ['flate-2go.pdf', () => flateBombPdf(2048), /mémoire dépassée/],
    ['imbrication.pdf', () => deepNestingPdf(), /imbriquée trop profondément/],
  ])('%s', async (name, make, detail) => {
    const report = await check([{ name, bytes: make() }], {});
    const finding = tooComplex(report, name);
    expect(finding).toMatchObject({ severity: 'ADVICE', message: expect.stringMatching(detail) });
    expect(finding!.message).toMatch(new RegExp(`^« ${name.replace('.', '\\.')} » : trop complexe pour être lu \\(.+\\) — il n'a pas été vérifié\\.$`));
    expect(finding!.remedy).toMatch(/ré-exportez-le en PDF/);
    expect(report.partial).toBe(false);
  });

  it('a page of 200 × 200 inches is rendered for OCR at an A4 size: read (a blank scan), not exploded', async () => {
    const report = await check([{ name: 'page-geante.pdf', bytes: hugePagePdf() }], {});
    expect(tooComplex(report, 'page-geante.pdf')).toBeUndefined();
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'PDF_IMAGE_ONLY_NO_TEXT', file: 'page-geante.pdf' }));
  });

  it('a 100 MB text file is recognised from its first pages, without reading it all', async () => {
    const report = await check([{ name: 'kbis-enorme.txt', bytes: hugeTextFile(100) }], {});
    expect(report.documents[0]).toMatchObject({ file: 'kbis-enorme.txt', type: 'KBIS' });
    expect(report.partial).toBe(false);
  });

  it('keeps the first characters of a document, page after page', () => {
    expect(capText(['abcd', 'efgh', 'ijkl'], 6)).toEqual(['abcd', 'ef']);
    expect(capText(['abc'], 10)).toEqual(['abc']);
  });

  it('20 000 pages: all counted, the first ones read, without using up the check\'s time', async () => {
    // (A generous time per file: this is about the page cap, and the full suite loads the machine.)
    const report = await check([{ name: 'memoire technique.pdf', bytes: manyPagesPdf(20_000) }], {}, { maxFileReadMs: 90_000, timeBudgetMs: 90_000 });
    expect(report.partial).toBe(false);
    expect(report.documents[0]).toMatchObject({ pages: 20_000 });
    expect(tooComplex(report, 'memoire technique.pdf')).toBeUndefined();
    expect(report.findings.filter((finding) => finding.file === 'memoire technique.pdf').map((finding) => finding.rule)).not.toContain('PDF_IMAGE_ONLY_NO_TEXT');
  }, 100_000);

  it('without the pixel pre-check, OCR\'s own caps (time, memory under prlimit) still stop giant images', async () => {
    const report = await check([{ name: 'image-geante.pdf', bytes: hugeImagePdf() }, { name: 'photo.png', bytes: hugePng() }], {}, { maxImagePixels: Infinity, maxFileReadMs: 5000 });
    expect(tooComplex(report, 'image-geante.pdf')?.message).toContain('temps de lecture dépassé');
    expect(tooComplex(report, 'photo.png')?.message).toContain('mémoire dépassée');
  });

  it('a file that exceeds the time of one file is too complex; one the check had no time left for is partial', async () => {
    const slow = await check([{ name: 'image-geante.pdf', bytes: hugeImagePdf() }], {}, { maxImagePixels: Infinity, maxFileReadMs: 3000, timeBudgetMs: 60_000 });
    expect(tooComplex(slow, 'image-geante.pdf')).toBeDefined();
    const late = await check([{ name: 'image-geante.pdf', bytes: hugeImagePdf() }], {}, { maxImagePixels: Infinity, maxFileReadMs: 60_000, timeBudgetMs: 3000 });
    expect(late.partial).toBe(true);
    expect(tooComplex(late, 'image-geante.pdf')).toBeUndefined();
  });

  it('after a bomb, the same reader pool goes on reading ordinary files', async () => {
    const report = await check([{ name: 'flate.pdf', bytes: flateBombPdf(2048) }, { name: 'kbis.pdf', bytes: await pdf(LINES.kbis('6 novembre 2026')) }], {});
    expect(tooComplex(report, 'flate.pdf')).toBeDefined();
    expect(report.documents.find((document) => document.file === 'kbis.pdf')).toMatchObject({ type: 'KBIS' });
  });
});

describe('the reader processes\' memory cap', () => {
  it('shares the readers fairly: a dossier of slow files does not make another SME wait behind all of them', async () => {
    const pool = new PdfTextPool();
    const slow = manyPagesPdf(4000);
    const quick = await pdf(LINES.kbis('6 novembre 2026'));
    const done: string[] = [];
    const first = {};
    const second = {};
    try {
      const jobs = ['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => pool.extract(slow, 60_000, 1000, first).then(() => done.push(name)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      jobs.push(pool.extract(quick, 60_000, 1000, second).then(() => done.push('b')));
      await Promise.all(jobs);
      // With first come, first served, b would wait for a3, a4 and a5 to start.
      expect(done.indexOf('b')).toBeLessThan(done.indexOf('a4'));
    } finally {
      await pool.close();
    }
  });

  it('a stream that inflates past the cap fails the job, not the caller; a smaller cap applies to new readers', async () => {
    const pool = new PdfTextPool();
    try {
      await expect(pool.extract(flateBombPdf(1024), 20_000)).rejects.toBeInstanceOf(ReaderLimitError);
      pool.configure(64);
      await expect(pool.extract(flateBombPdf(128), 20_000)).rejects.toBeInstanceOf(ReaderLimitError);
      pool.configure(384);
      expect((await pool.extract(await pdf(LINES.kbis('6 novembre 2026')), 20_000)).pages.join('\n')).toContain('Extrait Kbis');
    } finally {
      await pool.close();
    }
  });
});
