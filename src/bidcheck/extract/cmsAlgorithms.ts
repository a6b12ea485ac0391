import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';

/** Digest algorithm OIDs (RFC 5754, RFC 8702) and node's names for them. */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.8': 'sha3-256',
  '2.16.840.1.101.3.4.2.9': 'sha3-384',
  '2.16.840.1.101.3.4.2.10': 'sha3-512',
};

/** Signature algorithms whose OID names the digest (RFC 4055, RFC 5758); `null` = the SignerInfo's digest. */
const RSA_PKCS1: Readonly<Record<string, string | null>> = {
  '1.2.840.113549.1.1.1': null,
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA: Readonly<Record<string, string | null>> = {
  '1.2.840.10045.2.1': null,
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const ED25519 = '1.3.101.112';

/** A verification that could run (true/false), or why it could not, in French for the user. */
export type CheckOutcome = { ran: true; valid: boolean } | { ran: false; reason: string };

export function digestName(oid: string): string | undefined {
  return DIGESTS[oid];
}

export function digest(name: string, data: Uint8Array): Buffer {
  return createHash(name).update(data).digest();
}

function publicKeyOf(certificate: pkijs.Certificate): KeyObject | undefined {
  try {
    const spki = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    // A curve or key type OpenSSL does not know: the caller says it could not verify.
    return undefined;
  }
}

function pssOptions(algorithm: pkijs.AlgorithmIdentifier): { hash: string; saltLength: number } | undefined {
  const params = new pkijs.RSASSAPSSParams(algorithm.algorithmParams ? { schema: algorithm.algorithmParams } : {});
  const hash = DIGESTS[params.hashAlgorithm.algorithmId];
  const mgfHash = params.maskGenAlgorithm.algorithmId === MGF1 && params.maskGenAlgorithm.algorithmParams
    ? DIGESTS[new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams }).algorithmId]
    : undefined;
  // Node's verify uses the message digest for MGF1: another MGF1 digest cannot be checked here.
  if (!hash || mgfHash !== hash || params.trailerField !== 1) return undefined;
  return { hash, saltLength: params.saltLength };
}

/**
 * Checks a signature value over `data` with the certificate's public key, for the algorithms node's
 * OpenSSL verifies (RSA PKCS#1 v1.5, RSA-PSS, ECDSA, Ed25519). Anything else is "could not run",
 * never "invalid": an algorithm we do not handle says nothing about the signature.
 */
export function checkSignature(certificate: pkijs.Certificate, algorithm: pkijs.AlgorithmIdentifier, digestOid: string, data: Uint8Array, signature: Uint8Array): CheckOutcome {
  const key = publicKeyOf(certificate);
  const oid = algorithm.algorithmId;
  if (!key) return { ran: false, reason: `clé publique du certificat d'un type non pris en charge (${certificate.subjectPublicKeyInfo.algorithm.algorithmId})` };
  const run = (hash: string | null, options: Record<string, unknown>): CheckOutcome => {
    try {
      return { ran: true, valid: verify(hash, data, { key, ...options }, signature) };
    } catch {
      // OpenSSL refused the key/algorithm pair (an exotic curve, a malformed key): not a verdict.
      return { ran: false, reason: `algorithme de signature non pris en charge (${oid})` };
    }
  };
  if (oid in RSA_PKCS1 && key.asymmetricKeyType === 'rsa') {
    const hash = RSA_PKCS1[oid] ?? DIGESTS[digestOid];
    return hash ? run(hash, { padding: constants.RSA_PKCS1_PADDING }) : { ran: false, reason: `algorithme d'empreinte non pris en charge (${digestOid})` };
  }
  if (oid in ECDSA && key.asymmetricKeyType === 'ec') {
    const hash = ECDSA[oid] ?? DIGESTS[digestOid];
    return hash ? run(hash, { dsaEncoding: 'der' }) : { ran: false, reason: `algorithme d'empreinte non pris en charge (${digestOid})` };
  }
  if (oid === RSA_PSS && (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')) {
    const pss = pssOptions(algorithm);
    return pss ? run(pss.hash, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength }) : { ran: false, reason: 'paramètres RSA-PSS non pris en charge' };
  }
  if (oid === ED25519 && key.asymmetricKeyType === 'ed25519') return run(null, {});
  return { ran: false, reason: `algorithme de signature non pris en charge (${oid}, clé ${key.asymmetricKeyType ?? 'inconnue'})` };
}
