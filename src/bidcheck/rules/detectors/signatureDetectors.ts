import { foldText } from '../../textForms';
import type { PdfSignature } from '../../types';
import { facts, frDate, hasAnyType, ofType, stringList, typeLabel } from '../dossierQueries';
import type { Detector, Hit } from '../types';

const SIGNATURE_WORDS = /(lu et approuve|signature du|cachet et signature|signature et cachet|le signataire|signature :)/;

/** R10: a document meant to be signed shows a signature area and an image, but no electronic signature. */
export const scannedSignature: Detector = (view, params) => {
  const types = stringList(params.types);
  const all = view.context.requirements?.signatureAtSubmission === true;
  return view.files
    .filter((file) => (all ? file.type !== 'UNKNOWN' : types.includes(file.type)) && file.format === 'pdf' && file.signatures.length === 0)
    .filter((file) => file.hasImages && SIGNATURE_WORDS.test(facts(view, file).folded))
    .map((file) => ({ file: file.name, vars: { typeLabel: typeLabel(view, file.type) } }));
};

/** R11: a detached signature over the ZIP while the documents inside are not signed. */
export const zipOnlySignature: Detector = (view) => {
  const detached = view.files.filter((file) => /\.zip\.(p7s|p7m|xml|sig)$/i.test(file.name));
  if (detached.length === 0) return [];
  const inner = ofType(view, ['ATTRI1', 'DC4', 'POUVOIR']).filter((file) => file.signatures.length === 0);
  return inner.map((file) => ({ file: file.name, vars: { signature: detached[0]!.name.split('/').pop()! } }));
};

const SIGNATURE_FORMATS = /^(adbe\.pkcs7\.detached|ETSI\.CAdES\.detached|adbe\.pkcs7\.sha1)$/i;
const isTimestamp = (signature: PdfSignature) => /rfc3161/i.test(signature.subFilter ?? '');
const day = (iso: string) => frDate(iso.slice(0, 10));
const DAY_MS = 24 * 3600 * 1000;

/**
 * The one problem a signature shows, most serious first. Kinds that can block come before those that
 * are only advice, so that "could not check" never hides a decided defect. A verdict of invalidity
 * needs a check that ran: an unsupported algorithm or an unreadable container is UNVERIFIED (advice).
 */
function signatureProblem(signature: PdfSignature, at: string): Omit<Hit, 'file'> {
  const subFilter = signature.subFilter ?? '';
  const signer = signature.signerName ?? '';
  if (subFilter && !SIGNATURE_FORMATS.test(subFilter)) return { kind: 'FORMAT', vars: { format: subFilter } };
  if (signature.digestValid === false) return { kind: 'INTEGRITY' };
  if (signature.signatureValid === false) return { kind: 'SIGNATURE_INVALID', vars: { signer } };
  if (signature.partialCoverage) return { kind: 'PARTIAL_COVERAGE' };
  if (signature.laterChanges === 'CHANGES') return { kind: 'MODIFIED_AFTER' };
  const { certificateValidFrom: from, certificateValidTo: to } = signature;
  const stamped = signature.signedAtSource === 'TIMESTAMP';
  // The signer's own clock: ignored when it claims a day after the one judged (a wrong clock), and
  // given a day's slack before the certificate starts (a certificate used the hour it was issued).
  const signedAt = signature.signedAt && (stamped || signature.signedAt.slice(0, 10) <= at) ? signature.signedAt : undefined;
  const notBefore = from && !stamped ? new Date(Date.parse(from) - DAY_MS).toISOString() : from;
  const proof = stamped ? 'horodatage' : 'heure déclarée par le logiciel de signature';
  if (signedAt && notBefore && signedAt < notBefore) return { kind: 'NOT_YET_VALID', vars: { date: day(from!), signedAt: day(signedAt), proof } };
  if (signedAt && to && signedAt > to) return { kind: 'EXPIRED_AT_SIGNING', vars: { date: day(to), signedAt: day(signedAt), proof } };
  // Without a timestamp nothing proves when it was signed: validators judge at the day they check.
  if (to && to.slice(0, 10) < at && signature.signedAtSource !== 'TIMESTAMP') return { kind: 'EXPIRED', vars: { date: day(to) } };
  if (signature.selfSigned) return { kind: 'SELF_SIGNED', vars: { signer } };
  if (signature.declaresQualified === false) return { kind: 'NOT_QUALIFIED', vars: { signer } };
  if (signature.signatureValid === undefined) return { kind: 'UNVERIFIED', vars: { reason: signature.uncheckedReason ?? 'raison inconnue' } };
  if (signature.laterChanges === 'UNKNOWN') return { kind: 'UPDATED_AFTER', vars: { signer } };
  return { kind: 'QUALIFICATION_UNVERIFIED', vars: { signer } };
}

/**
 * R12: signature format, integrity (digest and signature value), coverage of the file, certificate
 * validity at the signing time, self-signed or not declared qualified. Trusted lists and revocation
 * are out of reach offline: the texts say so and name the free validators.
 */
export const signatureProblems: Detector = (view) =>
  view.files.flatMap((file): Hit[] => {
    const signatures = file.signatures.filter((signature) => !isTimestamp(signature));
    // A document timestamp beside a signature (PAdES-LTA) is not "only a timestamp".
    if (signatures.length === 0) return file.signatures.length > 0 ? [{ file: file.name, kind: 'TIMESTAMP_ONLY' }] : [];
    const at = view.context.submittedAt?.slice(0, 10) ?? view.context.validityDate;
    return signatures.map((signature) => ({ file: file.name, ...signatureProblem(signature, at) }));
  });

/** R13: the signatory of the AE/DC1 is not found among the people named on the Kbis, and no pouvoir is attached. */
export const signatoryWithoutPower: Detector = (view, params) => {
  if (hasAnyType(view, stringList(params.powerTypes))) return [];
  const registry = ofType(view, stringList(params.registryTypes)).map((file) => facts(view, file).folded).join(' ');
  if (!registry) return [];
  return ofType(view, stringList(params.signedTypes)).flatMap((file): Hit[] => {
    const signer = facts(view, file).signatory ?? file.signatures.find((s) => s.signerName)?.signerName;
    if (!signer) return [];
    const words = foldText(signer).split(' ').filter((word) => word.length > 2);
    return words.length > 0 && !words.some((word) => registry.includes(word)) ? [{ file: file.name, vars: { signer } }] : [];
  });
};

/** R14: the acte d'engagement carries no electronic signature. */
export const unsignedDocument: Detector = (view, params) =>
  ofType(view, stringList(params.types))
    .filter((file) => file.format === 'pdf' && file.signatures.length === 0 && !file.issues.some((issue) => ['PASSWORD', 'UNREADABLE'].includes(issue.kind)))
    .map((file) => ({ file: file.name, vars: { typeLabel: typeLabel(view, file.type) } }));
