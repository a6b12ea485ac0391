import path from 'node:path';
import pino from 'pino';
import { setReadLogger } from '../../src/bidcheck/intake/readDossier';
import { LINES, pdf } from '../fixtures/documents';
import { check } from './support';

const FAULTS = path.resolve(__dirname, '../support/readerFaults.cjs');
const NODE_OPTIONS = process.env.NODE_OPTIONS;

/** Runs `test` with the PDF readers started from now on failing as `fault` says (see readerFaults.cjs). */
async function withReaderFault(fault: 'load' | 'bug', test: () => Promise<void>): Promise<void> {
  process.env.NODE_OPTIONS = `${NODE_OPTIONS ?? ''} --require ${FAULTS}`.trim();
  process.env.HA30_TEST_READER_FAULT = fault;
  try {
    await test();
  } finally {
    process.env.NODE_OPTIONS = NODE_OPTIONS;
    if (NODE_OPTIONS === undefined) delete process.env.NODE_OPTIONS;
    delete process.env.HA30_TEST_READER_FAULT;
  }
}

// A failure of ours must never reach an SME as "your file is damaged" (a blocking finding on a good file).
describe('a file the assistant could not read for a reason of its own', () => {
  const logged: Record<string, unknown>[] = [];
  beforeAll(() => setReadLogger(pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) })));
  beforeEach(() => (logged.length = 0));

  it.each([
    ['pdf.js fails to load in the reader', 'load'],
    ['pdf.js throws a TypeError while reading', 'bug'],
  ] as const)('is reported as a technical failure of the assistant, not as a damaged file, and logged: %s', async (_label, fault) => {
    await withReaderFault(fault, async () => {
      const report = await check([{ name: 'Mémoire Dupont.pdf', bytes: await pdf(LINES.memoire()) }]);
      const finding = report.findings.find((candidate) => candidate.rule === 'FILE_CORRUPTED_OR_UNREADABLE');
      expect(finding).toMatchObject({ severity: 'ADVICE', file: 'Mémoire Dupont.pdf', message: expect.stringContaining('pour une raison technique de mon côté : ce n\'est pas forcément un problème de votre fichier') });
      expect(finding!.message).not.toMatch(/endommagé/);
      expect(report.findings.filter((candidate) => candidate.rule === 'FILE_CORRUPTED_OR_UNREADABLE' && candidate.severity !== 'ADVICE')).toEqual([]);
    });
    expect(logged).toContainEqual(expect.objectContaining({ level: 50, event: 'file_read_failed', format: 'pdf', err: expect.stringMatching(fault === 'load' ? /could not start.*pdf-parse/ : /TypeError/) }));
    expect(JSON.stringify(logged)).not.toContain('Dupont');
  }, 60_000);

  it('still calls a file pdf.js rejects damaged, once the readers work again', async () => {
    const report = await check([{ name: 'abime.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage\n%%EOF\n', 'latin1') }]);
    expect(report.findings.find((candidate) => candidate.rule === 'FILE_CORRUPTED_OR_UNREADABLE')).toMatchObject({ severity: 'REGULARISABLE', message: expect.stringContaining('il est endommagé') });
    expect(logged).toEqual([]);
  }, 60_000);
});
