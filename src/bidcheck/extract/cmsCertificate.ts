import type * as pkijs from 'pkijs';

const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const QC_STATEMENTS = '1.3.6.1.5.5.7.1.3';

export interface CertificateFacts {
  signerName: string;
  /** Its own issuer: certainly not issued by a qualified trust service provider. */
  selfSigned: boolean;
  /** The qcStatements extension (RFC 3739): a claim to be qualified (eIDAS), decisive only when absent. */
  declaresQualified: boolean;
  validFrom: string;
  validTo: string;
}

function nameField(names: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  const value = names.typesAndValues.find((entry) => entry.type === type)?.value as { valueBlock?: { value?: unknown } } | undefined;
  return typeof value?.valueBlock?.value === 'string' ? value.valueBlock.value : undefined;
}

/** What a certificate says about itself; RSA, EC and EdDSA alike (pkijs reads the structure, not the key). */
export function certificateFacts(certificate: pkijs.Certificate): CertificateFacts {
  return {
    signerName: nameField(certificate.subject, COMMON_NAME) ?? nameField(certificate.subject, ORGANIZATION) ?? '',
    selfSigned: certificate.subject.isEqual(certificate.issuer),
    declaresQualified: (certificate.extensions ?? []).some((extension) => extension.extnID === QC_STATEMENTS),
    validFrom: certificate.notBefore.value.toISOString(),
    validTo: certificate.notAfter.value.toISOString(),
  };
}
