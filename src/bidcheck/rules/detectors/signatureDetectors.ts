import { foldText } from '../../textForms';
import { facts, hasAnyType, ofType, stringList, typeLabel } from '../dossierQueries';
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

/** R12: signature format, integrity, certificate (detectable part; qualified status needs the trusted lists). */
export const signatureProblems: Detector = (view) =>
  view.files.flatMap((file): Hit[] =>
    file.signatures.flatMap((signature): Hit[] => {
      const subFilter = signature.subFilter ?? '';
      if (/rfc3161/i.test(subFilter)) return [{ file: file.name, kind: 'TIMESTAMP_ONLY' }];
      if (subFilter && !/^(adbe\.pkcs7\.detached|ETSI\.CAdES\.detached|adbe\.pkcs7\.sha1)$/i.test(subFilter)) return [{ file: file.name, kind: 'FORMAT', vars: { format: subFilter } }];
      if (signature.digestValid === false) return [{ file: file.name, kind: 'INTEGRITY' }];
      if (!signature.coversWholeFile) return [{ file: file.name, kind: 'MODIFIED_AFTER' }];
      const at = view.context.submittedAt?.slice(0, 10) ?? view.context.validityDate;
      if (signature.certificateValidTo && signature.certificateValidTo.slice(0, 10) < at) return [{ file: file.name, kind: 'EXPIRED', vars: { date: signature.certificateValidTo.slice(0, 10) } }];
      if (signature.selfSigned) return [{ file: file.name, kind: 'SELF_SIGNED', vars: { signer: signature.signerName ?? '' } }];
      if (signature.declaresQualified === false) return [{ file: file.name, kind: 'NOT_QUALIFIED', vars: { signer: signature.signerName ?? '' } }];
      return [{ file: file.name, kind: 'QUALIFICATION_UNVERIFIED', vars: { signer: signature.signerName ?? '' } }];
    }),
  );

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
