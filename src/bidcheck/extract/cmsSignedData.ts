import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { checkSignature, digest, digestName, type CheckOutcome } from './cmsAlgorithms';

const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const TIMESTAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';
const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
/** A CMS container is a few kilobytes; these limits keep a hostile one from costing more. */
const PARSE_LIMITS = { maxDepth: 64, maxNodes: 20_000 };

/** What checking one SignerInfo found: the digest of the content, the signature value, the signer. */
export interface SignerCheck {
  certificate?: pkijs.Certificate;
  /** The `messageDigest` attribute equals the content's digest (undefined: could not be computed). */
  digestMatches?: boolean;
  /** The signature value against the signer certificate's public key. */
  signature: CheckOutcome;
  /** The `signingTime` attribute: the signer's own clock, not a proof. */
  claimedTime?: Date;
  signer: pkijs.SignerInfo;
}

const bytesOf = (view: ArrayBuffer | Uint8Array) => new Uint8Array(view instanceof Uint8Array ? view : new Uint8Array(view));
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Parses DER (trailing padding allowed, as in a PDF's /Contents) into a CMS SignedData. */
export function readSignedData(der: Uint8Array): pkijs.SignedData {
  const parsed = asn1js.fromBER(new Uint8Array(der), PARSE_LIMITS);
  if (parsed.offset === -1) throw new Error(`CMS illisible : ${parsed.result.error}`);
  const info = new pkijs.ContentInfo({ schema: parsed.result });
  if (info.contentType !== SIGNED_DATA) throw new Error('CMS sans SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

/** An OCTET STRING's bytes, also when BER splits it into a constructed string. */
function octets(value: asn1js.OctetString): Uint8Array {
  return value.idBlock.isConstructed ? new Uint8Array(value.getValue()) : bytesOf(value.valueBlock.valueHexView);
}

function attribute(signer: pkijs.SignerInfo, type: string, unsigned = false): unknown {
  const set = unsigned ? signer.unsignedAttrs : signer.signedAttrs;
  return set?.attributes.find((entry) => entry.type === type)?.values[0];
}

/** The certificate the SignerInfo names (issuer and serial number, or subject key identifier). */
export function signerCertificate(signed: pkijs.SignedData, signer: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const certificates = (signed.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
  const sid = signer.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = bytesOf(sid.serialNumber.valueBlock.valueHexView);
    return certificates.find((certificate) => certificate.issuer.isEqual(sid.issuer) && sameBytes(bytesOf(certificate.serialNumber.valueBlock.valueHexView), serial));
  }
  const keyId = sid instanceof asn1js.BaseBlock ? bytesOf((sid as asn1js.BaseBlock & { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView) : undefined;
  if (!keyId) return undefined;
  return certificates.find((certificate) => {
    const extension = certificate.extensions?.find((entry) => entry.extnID === SUBJECT_KEY_IDENTIFIER);
    return extension ? sameBytes(octets(asn1js.fromBER(octets(extension.extnValue)).result as asn1js.OctetString), keyId) : false;
  });
}

/**
 * Checks the first SignerInfo over `content` (the bytes a detached signature covers): digest, then
 * signature value over the DER of the signed attributes (their [0] tag re-tagged as a SET, RFC 5652
 * §5.4), or over the content itself when there are none.
 */
export function checkSigner(signed: pkijs.SignedData, content: Uint8Array): SignerCheck {
  const signer = signed.signerInfos[0];
  if (!signer) throw new Error('CMS sans signataire');
  const certificate = signerCertificate(signed, signer);
  const digestOid = signer.digestAlgorithm.algorithmId;
  const hash = digestName(digestOid);
  const time = attribute(signer, SIGNING_TIME) as asn1js.UTCTime | undefined;
  const base = { signer, ...(certificate ? { certificate } : {}), ...(time?.toDate ? { claimedTime: time.toDate() } : {}) };
  const value = bytesOf(signer.signature.valueBlock.valueHexView);
  if (!signer.signedAttrs) {
    if (!certificate) return { ...base, signature: { ran: false, reason: 'certificat du signataire absent de la signature' } };
    return { ...base, signature: checkSignature(certificate, signer.signatureAlgorithm, digestOid, content, value) };
  }
  const claimed = attribute(signer, MESSAGE_DIGEST) as asn1js.OctetString | undefined;
  const digestMatches = hash && claimed instanceof asn1js.OctetString ? sameBytes(digest(hash, content), octets(claimed)) : undefined;
  const withDigest = { ...base, ...(digestMatches === undefined ? {} : { digestMatches }) };
  if (!hash) return { ...withDigest, signature: { ran: false, reason: `algorithme d'empreinte non pris en charge (${digestOid})` } };
  if (!certificate) return { ...withDigest, signature: { ran: false, reason: 'certificat du signataire absent de la signature' } };
  const signedAttributes = new Uint8Array(signer.signedAttrs.encodedValue);
  signedAttributes[0] = 0x31;
  return { ...withDigest, signature: checkSignature(certificate, signer.signatureAlgorithm, digestOid, signedAttributes, value) };
}

const TST_INFO = '1.2.840.113549.1.9.16.1.4';

export interface TimestampCheck {
  /** The token's message imprint is the digest of the timestamped bytes. */
  imprintMatches: boolean;
  /** The token's own CMS signature (by the timestamping authority). */
  check: SignerCheck;
  genTime: Date;
}

export const isTimestampToken = (signed: pkijs.SignedData) => signed.encapContentInfo.eContentType === TST_INFO;

/** Checks an RFC 3161 timestamp token over `stamped` (a signature value, or a PDF's byte ranges). */
export function checkTimestamp(signed: pkijs.SignedData, stamped: Uint8Array): TimestampCheck | undefined {
  const eContent = signed.encapContentInfo.eContent;
  if (!isTimestampToken(signed) || !eContent) return undefined;
  const tstBytes = octets(eContent);
  const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(tstBytes, PARSE_LIMITS).result });
  const imprintHash = digestName(tst.messageImprint.hashAlgorithm.algorithmId);
  const imprintMatches = imprintHash !== undefined && sameBytes(digest(imprintHash, stamped), octets(tst.messageImprint.hashedMessage));
  return { imprintMatches, check: checkSigner(signed, tstBytes), genTime: tst.genTime };
}

/**
 * The time a timestamp token (RFC 3161, in the unsigned attributes) gives the signature — only when
 * the token is over this signature value and its own signature verifies. Whether the timestamping
 * authority is trusted needs the trusted lists: out of reach offline.
 */
export function timestampTime(signer: pkijs.SignerInfo): Date | undefined {
  const token = attribute(signer, TIMESTAMP_TOKEN, true);
  if (!(token instanceof asn1js.Sequence)) return undefined;
  try {
    const info = new pkijs.ContentInfo({ schema: token });
    const stamp = checkTimestamp(new pkijs.SignedData({ schema: info.content }), bytesOf(signer.signature.valueBlock.valueHexView));
    if (!stamp?.imprintMatches) return undefined;
    const { digestMatches, signature } = stamp.check;
    return digestMatches !== false && signature.ran && signature.valid ? stamp.genTime : undefined;
  } catch {
    return undefined;
  }
}
