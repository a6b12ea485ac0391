import { signatureProblems } from '../../src/bidcheck/rules/detectors/signatureDetectors';
import type { DossierView } from '../../src/bidcheck/rules/types';
import type { CheckedFile, PdfSignature } from '../../src/bidcheck/types';

const VALID: PdfSignature = { subFilter: 'ETSI.CAdES.detached', coversWholeFile: true, digestValid: true, signatureValid: true, signerName: 'Anne LEROY', selfSigned: false, declaresQualified: true, certificateValidFrom: '2026-03-01T00:00:00.000Z', certificateValidTo: '2029-03-01T00:00:00.000Z' };
const DOC_TIMESTAMP: PdfSignature = { subFilter: 'ETSI.RFC3161', coversWholeFile: true, digestValid: true, signatureValid: true };

function kinds(signatures: PdfSignature[]): (string | undefined)[] {
  const file = { name: 'AE.pdf', signatures } as unknown as CheckedFile;
  const view = { files: [file], context: { stage: 'DEPOT', validityDate: '2026-12-01', referenceDate: '2026-11-20' } } as unknown as DossierView;
  return signatureProblems(view, {}).map((hit) => hit.kind);
}

describe('signature problems, decided from the facts read', () => {
  it('a document timestamp beside a signature (PAdES-LTA) is not "only a timestamp"; alone, it is', () => {
    expect(kinds([VALID, DOC_TIMESTAMP])).toEqual(['QUALIFICATION_UNVERIFIED']);
    expect(kinds([DOC_TIMESTAMP])).toEqual(['TIMESTAMP_ONLY']);
  });

  it('ignores a signing time the signer\'s clock puts after the judged day, and a few hours\' skew before the certificate starts', () => {
    expect(kinds([{ ...VALID, signedAt: '2030-01-01T00:00:00.000Z', signedAtSource: 'CLAIMED' }])).toEqual(['QUALIFICATION_UNVERIFIED']);
    expect(kinds([{ ...VALID, signedAt: '2026-02-28T20:00:00.000Z', signedAtSource: 'CLAIMED' }])).toEqual(['QUALIFICATION_UNVERIFIED']);
    expect(kinds([{ ...VALID, signedAt: '2026-02-28T20:00:00.000Z', signedAtSource: 'TIMESTAMP' }])).toEqual(['NOT_YET_VALID']);
  });

  it('lets no "could not check" hide a decided defect, and claims nothing when the container was unreadable', () => {
    expect(kinds([{ ...VALID, signatureValid: undefined, selfSigned: true }])).toEqual(['SELF_SIGNED']);
    expect(kinds([{ subFilter: 'adbe.pkcs7.detached', coversWholeFile: true, uncheckedReason: 'le contenu de la signature est illisible' }])).toEqual(['UNVERIFIED']);
    expect(kinds([{ ...VALID, laterChanges: 'SIGNATURES_ONLY', coversWholeFile: false }])).toEqual(['QUALIFICATION_UNVERIFIED']);
    expect(kinds([{ ...VALID, partialCoverage: true }])).toEqual(['PARTIAL_COVERAGE']);
  });
});
