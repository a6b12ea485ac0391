import type { PdfSignature } from '../types';
import { certificateFacts } from './cmsCertificate';
import { checkSigner, checkTimestamp, isTimestampToken, readSignedData, timestampTime, type SignerCheck } from './cmsSignedData';

const MAX_CONTENTS_HEX = 2 * 1024 * 1024;

type SignatureDetails = Omit<PdfSignature, 'subFilter' | 'coversWholeFile' | 'partialCoverage' | 'laterChanges'>;

/** The DER in a /Contents hex string (the zero padding after it is left to the ASN.1 reader). */
function contentsDer(bytes: Buffer, [, b, c]: readonly number[]): Buffer {
  // A CMS with its certificates and tokens is tens of kilobytes; a larger hole is not a signature.
  if (c - b > MAX_CONTENTS_HEX) throw new Error('signature trop grande');
  const hex = bytes.subarray(b, c).toString('latin1').replace(/[<>\s]/g, '');
  return Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex');
}

/**
 * Reads and checks the CMS container of one PDF signature: the digest of the signed byte ranges,
 * the signature value against the signer certificate's public key (RSA, RSA-PSS, ECDSA, Ed25519),
 * who signed, when (a verified timestamp, else the signer's claim), and the certificate's own claims.
 * Trust in the certificate (EU trusted lists) and its revocation (OCSP, CRL) need the network: not here.
 */
export function inspectSignature(bytes: Buffer, range: readonly [number, number, number, number]): SignatureDetails {
  const [a, b, c, d] = range;
  let signed;
  try {
    signed = readSignedData(contentsDer(bytes, range));
  } catch {
    return { uncheckedReason: 'le contenu de la signature est illisible' };
  }
  const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  try {
    // A document timestamp (ETSI.RFC3161) signs a TSTInfo whose imprint is the digest of the ranges.
    const stamp = isTimestampToken(signed) ? checkTimestamp(signed, content) : undefined;
    const check: SignerCheck = stamp ? { ...stamp.check, digestMatches: stamp.imprintMatches && stamp.check.digestMatches !== false } : checkSigner(signed, content);
    const details: SignatureDetails = {};
    if (check.certificate) {
      const facts = certificateFacts(check.certificate);
      Object.assign(details, {
        signerName: facts.signerName,
        selfSigned: facts.selfSigned,
        declaresQualified: facts.declaresQualified,
        certificateValidFrom: facts.validFrom,
        certificateValidTo: facts.validTo,
      });
    }
    if (check.digestMatches !== undefined) details.digestValid = check.digestMatches;
    if (check.signature.ran) details.signatureValid = check.signature.valid;
    else details.uncheckedReason = check.signature.reason;
    const stamped = stamp ? (stamp.check.signature.ran && stamp.check.signature.valid ? stamp.genTime : undefined) : timestampTime(check.signer);
    if (stamped) Object.assign(details, { signedAt: stamped.toISOString(), signedAtSource: 'TIMESTAMP' });
    else if (check.claimedTime && !Number.isNaN(check.claimedTime.getTime())) Object.assign(details, { signedAt: check.claimedTime.toISOString(), signedAtSource: 'CLAIMED' });
    return details;
  } catch {
    return { uncheckedReason: 'la structure de la signature est inhabituelle' };
  }
}
