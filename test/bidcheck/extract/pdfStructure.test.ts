import { readPdfStructure } from '../../../src/bidcheck/extract/pdfStructure';
import { LINES, pdf } from '../../fixtures/documents';
import { pdfWithOpenActionScript } from '../../fixtures/hostile';
import { signPdf } from '../../fixtures/signedPdf';

describe('PDF structure facts', () => {
  let signed: Buffer;
  beforeAll(async () => {
    signed = await signPdf(await pdf(LINES.ae('98 500,00')));
  }, 60_000);

  it('reads a genuine signature: format, coverage, digest, signer, self-signed, not declared qualified', () => {
    const [signature] = readPdfStructure(signed).signatures;
    expect(signature).toMatchObject({ subFilter: 'adbe.pkcs7.detached', coversWholeFile: true, digestValid: true, signerName: 'Marie DUPONT', selfSigned: true, declaresQualified: false });
  });

  it('sees a document modified after signing (a byte changed inside the signed range)', () => {
    const tampered = Buffer.from(signed);
    const index = tampered.indexOf('/MediaBox [ 0 0 595') + 13;
    expect(index).toBeGreaterThan(13);
    tampered[index] = '4'.charCodeAt(0);
    const [signature] = readPdfStructure(tampered).signatures;
    expect(signature?.digestValid).toBe(false);
  });

  it('sees an incremental update appended after the signature', () => {
    const updated = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')]);
    expect(readPdfStructure(updated).signatures[0]?.coversWholeFile).toBe(false);
  });

  it('finds an OpenAction JavaScript and no signature in an ordinary PDF', async () => {
    const structure = readPdfStructure(await pdfWithOpenActionScript());
    expect(structure).toMatchObject({ javascript: true, openActionScript: true, signatures: [], hasEof: true, encrypted: false });
  });
});
