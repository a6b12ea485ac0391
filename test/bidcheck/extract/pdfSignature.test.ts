import { readPdfStructure } from '../../../src/bidcheck/extract/pdfStructure';
import { holeIsContentsOnly } from '../../../src/bidcheck/extract/pdfSignatureCoverage';
import type { PdfSignature } from '../../../src/bidcheck/types';
import { LINES, pdf } from '../../fixtures/documents';
import { appendUpdate, countersign, pageObject, signPdf, signPdfWith, type SignatureOptions } from '../../fixtures/signedPdf';

const signatures = (bytes: Buffer): PdfSignature[] => readPdfStructure(bytes).signatures;

describe('PDF signatures checked offline', () => {
  let document: Buffer;
  beforeAll(async () => {
    document = await pdf([...LINES.ae('112 340,00', 'LEROY Anne'), 'Fait à Alès, le 18 novembre 2026'], { size: 10 });
  });
  const sign = (options: SignatureOptions = {}) => signPdfWith(document, options);

  it.each<[string, SignatureOptions]>([
    ['ECDSA P-256, self-signed', { key: 'ECDSA-P256' }],
    ['ECDSA P-384, issued by a CA, qualified', { key: 'ECDSA-P384', issuedByCa: true, qualified: true, signer: 'Anne LEROY' }],
    ['RSA-PSS', { key: 'RSA-PSS', subFilter: 'adbe.pkcs7.detached' }],
    ['RSA PKCS#1 v1.5 from pkijs', { key: 'RSA', issuedByCa: true }],
  ])('verifies the signature value of a %s signature and reads its certificate', async (_label, options) => {
    const [signature] = signatures(await sign(options));
    expect(signature).toMatchObject({
      coversWholeFile: true,
      digestValid: true,
      signatureValid: true,
      signerName: options.signer ?? 'Marie DUPONT',
      selfSigned: !options.issuedByCa,
      declaresQualified: options.qualified === true,
      certificateValidFrom: '2026-01-01T00:00:00.000Z',
      signedAt: '2026-11-20T10:00:00.000Z',
      signedAtSource: 'CLAIMED',
    });
    expect(signature?.partialCoverage).toBeUndefined();
  }, 30_000);

  it('still verifies the RSA signature node-forge makes through @signpdf (PKCS#7)', async () => {
    expect(signatures(await signPdf(document))[0]).toMatchObject({ subFilter: 'adbe.pkcs7.detached', digestValid: true, signatureValid: true, selfSigned: true });
  }, 30_000);

  it('sees a broken signature value although the signed digest is right', async () => {
    for (const key of ['ECDSA-P256', 'RSA'] as const) {
      const [signature] = signatures(await sign({ key, breakSignatureValue: true }));
      expect(signature).toMatchObject({ digestValid: true, signatureValid: false });
    }
  }, 30_000);

  it('sees a byte changed inside the signed ranges (digest no longer the document)', async () => {
    const signed = await sign();
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('112 340,00');
    // pdf-lib writes text as hex strings: change a byte of the page's content stream instead when absent.
    const index = at >= 0 ? at : tampered.indexOf('/MediaBox [ 0 0 595') + 13;
    tampered[index] = tampered[index] === 0x34 ? 0x35 : 0x34;
    expect(signatures(tampered)[0]).toMatchObject({ digestValid: false });
  }, 30_000);

  it('uses a timestamp token as the signing time once its imprint and signature verify', async () => {
    const [signature] = signatures(await sign({ timestampAt: new Date('2026-11-21T08:30:00Z') }));
    expect(signature).toMatchObject({ signedAt: '2026-11-21T08:30:00.000Z', signedAtSource: 'TIMESTAMP', signatureValid: true });
  }, 30_000);

  it('does not take a timestamp token over another signature value as proof of time', async () => {
    const [signature] = signatures(await sign({ timestampAt: new Date('2026-11-21T08:30:00Z'), foreignTimestamp: true, signingTime: null }));
    expect(signature?.signatureValid).toBe(true);
    expect(signature?.signedAt).toBeUndefined();
  }, 30_000);

  it('says it could not check an algorithm it does not know, a missing certificate or an unreadable container — never "invalid"', async () => {
    const gost = signatures(await sign({ signatureAlgorithmOid: '1.2.643.7.1.1.3.2' }))[0]!;
    expect(gost.signatureValid).toBeUndefined();
    expect(gost.uncheckedReason).toMatch(/non pris en charge/);
    const bare = signatures(await sign({ withoutCertificates: true }))[0]!;
    expect(bare).toMatchObject({ digestValid: true, uncheckedReason: 'certificat du signataire absent de la signature' });
    expect(bare.signatureValid).toBeUndefined();
    const signed = await signPdf(document);
    const contents = signed.indexOf('/Contents <') + 11;
    const garbled = Buffer.concat([signed.subarray(0, contents), Buffer.from('3082ffff'.repeat(4)), signed.subarray(contents + 32)]);
    const unreadable = signatures(garbled)[0]!;
    expect(unreadable.signatureValid).toBeUndefined();
    expect(unreadable.uncheckedReason).toMatch(/illisible|inhabituelle/);
  }, 30_000);

  it('accepts a second signature appended after the first (co-signature): the first is not "modified after"', async () => {
    const [first, second] = signatures(await countersign(await sign()));
    expect(first).toMatchObject({ coversWholeFile: false, laterChanges: 'SIGNATURES_ONLY', signatureValid: true });
    expect(second).toMatchObject({ coversWholeFile: true, signerName: 'Paul MARTIN', signatureValid: true });
  }, 30_000);

  it('sees a page rewritten after signing, and tells an unknown addition apart', async () => {
    const signed = await sign();
    const page = pageObject(signed);
    const size = Number(/\/Size (\d+)/.exec(signed.toString('latin1').slice(signed.lastIndexOf('trailer')))![1]);
    const rewritten = appendUpdate(signed, {
      [size]: '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td (99 000,00) Tj ET\nendstream',
      [page.id]: page.text.replace(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/, `/Contents [ ${size} 0 R ]`),
    });
    expect(signatures(rewritten)[0]).toMatchObject({ coversWholeFile: false, laterChanges: 'CHANGES' });
    const comment = appendUpdate(signed, { [size]: '<< /Type /Annot /Subtype /FreeText /Rect [72 600 300 650] /Contents (Prix revu : 99 000 €) >>' });
    expect(signatures(comment)[0]?.laterChanges).toBe('CHANGES');
    const unknown = appendUpdate(signed, { [size]: '<< /Length 5 >>\nstream\nhello\nendstream' });
    expect(signatures(unknown)[0]?.laterChanges).toBe('UNKNOWN');
    const blank = Buffer.concat([signed, Buffer.from('\n\n')]);
    expect(signatures(blank)[0]).toMatchObject({ coversWholeFile: true });
  }, 30_000);

  it('requires the unsigned hole to be exactly the /Contents hex string', () => {
    const file = Buffer.from('%PDF-1.7 /Contents <0a0b0c> rest of the file', 'latin1');
    const lt = file.indexOf('<');
    const gt = file.indexOf('>') + 1;
    expect(holeIsContentsOnly(file, [0, lt, gt, file.length - gt])).toBe(true);
    expect(holeIsContentsOnly(file, [0, lt - 3, gt, file.length - gt])).toBe(false);
    expect(holeIsContentsOnly(file, [5, lt - 5, gt, file.length - gt])).toBe(false);
    expect(holeIsContentsOnly(file, [0, lt, gt + 4, file.length - gt - 4])).toBe(false);
  });
});
