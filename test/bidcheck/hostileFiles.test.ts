import { LINES, pdf, zip } from '../fixtures/documents';
import { macroWorkbook, markZipEncrypted, nestedZip, passwordPdf, pdfWithOpenActionScript, pngBytes, traversalZip } from '../fixtures/hostile';
import { check } from './support';

const findingsFor = async (files: { name: string; bytes: Buffer }[], limits = {}) => (await check(files, {}, limits)).findings;

describe('hostile and broken files are findings, never crashes', () => {
  it('a zero-byte file', async () => {
    expect(await findingsFor([{ name: 'vide.pdf', bytes: Buffer.alloc(0) }])).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', file: 'vide.pdf', message: expect.stringContaining('vide') }));
  });

  it('a truncated PDF', async () => {
    const whole = await pdf(LINES.kbis('6 novembre 2026'));
    const findings = await findingsFor([{ name: 'kbis.pdf', bytes: whole.subarray(0, Math.floor(whole.length / 2)) }]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', file: 'kbis.pdf' }));
  });

  it('a PNG renamed .pdf is recognised by its content', async () => {
    const report = await check([{ name: 'attestation.pdf', bytes: pngBytes() }], {});
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', message: expect.stringContaining('extension') }));
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'PDF_IMAGE_ONLY_NO_TEXT' }));
  });

  it('a password-protected PDF', async () => {
    expect(await findingsFor([{ name: 'urssaf.pdf', bytes: await passwordPdf() }])).toContainEqual(expect.objectContaining({ rule: 'FILE_PASSWORD_PROTECTED', severity: 'REGULARISABLE' }));
  });

  it('a password-protected ZIP', async () => {
    const archive = markZipEncrypted(await zip({ 'dc1.pdf': await pdf(LINES.dc1(true, '1')) }));
    expect(await findingsFor([{ name: 'pli.zip', bytes: archive }])).toContainEqual(expect.objectContaining({ rule: 'FILE_PASSWORD_PROTECTED', file: 'pli.zip/dc1.pdf' }));
  });

  it('a PDF that runs JavaScript when opened', async () => {
    expect(await findingsFor([{ name: 'memoire.pdf', bytes: await pdfWithOpenActionScript() }])).toContainEqual(
      expect.objectContaining({ rule: 'EXECUTABLE_OR_MACRO_CONTENT', severity: 'ADVICE', message: expect.stringContaining('OpenAction') }),
    );
  });

  it('an executable and a macro workbook inside a ZIP', async () => {
    const archive = await zip({ 'setup.exe': Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'prix.xlsm': await macroWorkbook() });
    const findings = await findingsFor([{ name: 'pli.zip', bytes: archive }]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'EXECUTABLE_OR_MACRO_CONTENT', file: 'pli.zip/setup.exe', severity: 'ELIMINATORY' }));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'EXECUTABLE_OR_MACRO_CONTENT', file: 'pli.zip/prix.xlsm', message: expect.stringContaining('macros') }));
  });

  it('a path-traversal entry is reported and never written anywhere', async () => {
    const findings = await findingsFor([{ name: 'pli.zip', bytes: await traversalZip() }]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', file: 'pli.zip/../evil.pdf', message: expect.stringContaining('chemin dangereux') }));
  });

  it('a zip bomb is refused before inflating past the budget', async () => {
    const bomb = await zip({ 'zeros.pdf': Buffer.alloc(8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const findings = await findingsFor([{ name: 'bombe.zip', bytes: bomb }], { maxCompressionRatio: 100 });
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', file: 'bombe.zip/zeros.pdf', message: expect.stringContaining('anormale') }));
    const budget = await findingsFor([{ name: 'gros.zip', bytes: bomb }], { maxTotalUncompressedBytes: 1024 * 1024 });
    expect(budget).toContainEqual(expect.objectContaining({ file: 'gros.zip/zeros.pdf' }));
  });

  it('archives nested too deep are not opened', async () => {
    const findings = await findingsFor([{ name: 'pli.zip', bytes: await nestedZip(5) }]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', message: expect.stringContaining('imbriquée') }));
  });

  it('thousands of entries stop at the entry budget', async () => {
    const entries = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`f${i}.txt`, Buffer.from('x')]));
    const findings = await findingsFor([{ name: 'plein.zip', bytes: await zip(entries, { compress: false }) }], { maxEntries: 2000 });
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', file: 'plein.zip', message: expect.stringContaining('trop de fichiers') }));
  });

  it('a corrupt ZIP', async () => {
    const archive = await zip({ 'a.pdf': await pdf(['x']) });
    expect(await findingsFor([{ name: 'casse.zip', bytes: archive.subarray(0, archive.length - 30) }])).toContainEqual(expect.objectContaining({ rule: 'FILE_CORRUPTED_OR_UNREADABLE', file: 'casse.zip' }));
  });

  it('a partial report when the time budget runs out', async () => {
    const report = await check([{ name: 'a.pdf', bytes: await pdf(['x']) }], {}, { timeBudgetMs: -1 });
    expect(report.partial).toBe(true);
    expect(report.findings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('temps imparti') }));
  });
});
