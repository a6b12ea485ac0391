import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { PdfSignature } from '../types';

type SignatureDetails = Omit<PdfSignature, 'subFilter' | 'coversWholeFile'>;

const QC_STATEMENTS = '1.3.6.1.5.5.7.1.3';

/**
 * Reads the CMS container of one PDF signature: who signed, whether the certificate is its own
 * issuer (self-signed, so certainly not qualified), its end of validity, and whether the signed
 * digest matches the bytes. Trust in a qualified certificate needs the EU trusted lists: not here.
 */
export function inspectSignature(bytes: Buffer, [a, b, c, d]: [number, number, number, number]): SignatureDetails {
  try {
    const hex = bytes.subarray(a + b, c).toString('latin1').replace(/[<>\s]/g, '').replace(/(00)+$/, '');
    const der = forge.util.hexToBytes(hex);
    const message = forge.pkcs7.messageFromAsn1((forge.asn1.fromDer as unknown as (input: string, options: object) => forge.asn1.Asn1)(der, { parseAllBytes: false, strict: false })) as forge.pkcs7.PkcsSignedData & {
      rawCapture?: { authenticatedAttributes?: forge.asn1.Asn1[]; digestAlgorithm?: string };
    };
    const certificate = message.certificates[0];
    const details: SignatureDetails = {};
    if (certificate) {
      details.signerName = String(certificate.subject.getField('CN')?.value ?? '');
      details.selfSigned = certificate.subject.hash === certificate.issuer.hash;
      details.certificateValidTo = certificate.validity.notAfter.toISOString();
      // qcStatements (RFC 3739): the certificate declares itself qualified (eIDAS). A declaration only —
      // trust needs the EU lists — but its absence is decisive: such a certificate is not qualified.
      details.declaresQualified = certificate.extensions.some((extension: { id?: string }) => extension.id === QC_STATEMENTS);
    }
    const attributes = message.rawCapture?.authenticatedAttributes ?? [];
    const digestAttribute = attributes.find((attribute) => {
      const oid = forge.asn1.derToOid((attribute.value as forge.asn1.Asn1[])[0]!.value as string);
      return oid === forge.pki.oids.messageDigest;
    });
    if (digestAttribute) {
      const set = (digestAttribute.value as forge.asn1.Asn1[])[1]!;
      const signedDigest = Buffer.from(((set.value as forge.asn1.Asn1[])[0]!.value as string), 'binary').toString('hex');
      const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
      const candidates = ['sha256', 'sha384', 'sha512', 'sha1'].map((algorithm) => createHash(algorithm).update(content).digest('hex'));
      details.digestValid = candidates.includes(signedDigest);
    }
    return details;
  } catch {
    return {};
  }
}
