import type { InputFile } from '../../src/bidcheck/intake/readDossier';
import type { BidContext } from '../../src/bidcheck/types';
import { LINES, pdf } from '../fixtures/documents';
import { appendUpdate, countersign, pageObject, signPdfWith, type SignatureOptions } from '../fixtures/signedPdf';
import { check, cleanDossier, CONTEXT } from './support';

const RULE = 'SIGNATURE_CERTIFICATE_INVALID';
const REQUIRED: BidContext = { ...CONTEXT, requirements: { ...CONTEXT.requirements, signatureAtSubmission: true } };
const ATTRIBUTION: BidContext = { ...CONTEXT, stage: 'ATTRIBUTION' };
/** A certificate from a CA that declares itself qualified: the best an offline check can see. */
const GOOD: SignatureOptions = { issuedByCa: true, qualified: true };
const VALIDATORS = /ec\.europa\.eu\/digital-building-blocks\/DSS\/webapp-demo\/validation[^]*esignature\.chorus-pro\.gouv\.fr/;

describe('what an SME is told about the electronic signature of its acte d\'engagement', () => {
  let clean: InputFile[];
  let document: Buffer;
  beforeAll(async () => {
    clean = await cleanDossier();
    document = await pdf(LINES.ae('98 500,00'), { size: 11 });
  });

  async function signatureFindings(bytes: Buffer, context: BidContext = CONTEXT) {
    const report = await check([...clean, { name: 'AE signé.pdf', bytes }], context);
    return report.findings.filter((finding) => finding.rule === RULE);
  }

  it('a valid ECDSA signature with a certificate declared qualified: advice only, saying what is left to check and where', async () => {
    const findings = await signatureFindings(await signPdfWith(document, { ...GOOD, key: 'ECDSA-P256' }), REQUIRED);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'ADVICE', file: 'AE signé.pdf' });
    expect(findings[0]!.message).toMatch(/correspond au document et au certificat[^]*liste de confiance[^]*révoqué/);
    expect(findings[0]!.remedy).toMatch(VALIDATORS);
    expect(findings[0]!.remedy).not.toMatch(/n'est pas valide/);
  }, 60_000);

  it('a broken signature value (right digest) is a verdict: blocking when a signature is required, and said apart from a modified document', async () => {
    const bytes = await signPdfWith(document, { ...GOOD, breakSignatureValue: true });
    const [required] = await signatureFindings(bytes, REQUIRED);
    expect(required).toMatchObject({ severity: 'REGULARISABLE' });
    expect(required!.message).toMatch(/est invalide[^]*valeur de signature ne correspond pas/);
    const [deposit] = await signatureFindings(bytes);
    expect(deposit).toMatchObject({ severity: 'ADVICE' });
  }, 60_000);

  it('a document changed inside the signed bytes: integrity lost', async () => {
    const signed = await signPdfWith(document, { ...GOOD, key: 'RSA' });
    const tampered = Buffer.from(signed);
    const index = tampered.indexOf('/MediaBox [ 0 0 595') + 13;
    tampered[index] = '4'.charCodeAt(0);
    const [finding] = await signatureFindings(tampered, ATTRIBUTION);
    expect(finding).toMatchObject({ severity: 'REGULARISABLE' });
    expect(finding!.message).toMatch(/ne correspond plus au contenu/);
  }, 60_000);

  it('a certificate expired before the signature was made', async () => {
    const bytes = await signPdfWith(document, { ...GOOD, notAfter: new Date('2026-06-30T00:00:00Z'), signingTime: new Date('2026-11-18T15:00:00Z') });
    const [finding] = await signatureFindings(bytes, ATTRIBUTION);
    expect(finding).toMatchObject({ severity: 'REGULARISABLE' });
    expect(finding!.message).toBe('Le certificat qui a signé « AE signé.pdf » avait expiré le 30/06/2026, avant la signature du 18/11/2026 (heure déclarée par le logiciel de signature).');
  }, 60_000);

  it('a certificate not yet valid at the timestamped signing time', async () => {
    const bytes = await signPdfWith(document, { ...GOOD, key: 'RSA-PSS', notBefore: new Date('2026-11-25T00:00:00Z'), timestampAt: new Date('2026-11-21T09:00:00Z') });
    const [finding] = await signatureFindings(bytes, REQUIRED);
    expect(finding).toMatchObject({ severity: 'REGULARISABLE' });
    expect(finding!.message).toMatch(/n'était pas encore valable lors de la signature du 21\/11\/2026 \(horodatage\) : il ne l'est qu'à partir du 25\/11\/2026/);
  }, 60_000);

  it('a certificate expired by the deadline: blocking without a timestamp, nothing to say when a timestamp proves it was valid when signing', async () => {
    const expiring = { ...GOOD, notAfter: new Date('2026-11-25T00:00:00Z'), signingTime: new Date('2026-11-20T10:00:00Z') };
    const [plain] = await signatureFindings(await signPdfWith(document, expiring), REQUIRED);
    expect(plain).toMatchObject({ severity: 'REGULARISABLE' });
    expect(plain!.message).toMatch(/a expiré le 25\/11\/2026, et aucun horodatage/);
    const [stamped] = await signatureFindings(await signPdfWith(document, { ...expiring, timestampAt: new Date('2026-11-20T10:01:00Z') }), REQUIRED);
    expect(stamped).toMatchObject({ severity: 'ADVICE' });
    expect(stamped!.message).not.toMatch(/expiré/);
  }, 60_000);

  it('a page rewritten after signing: modified after signature', async () => {
    const signed = await signPdfWith(document, GOOD);
    const page = pageObject(signed);
    const size = Number(/\/Size (\d+)/.exec(signed.toString('latin1').slice(signed.lastIndexOf('trailer')))![1]);
    const changed = appendUpdate(signed, {
      [size]: '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td (87 000,00) Tj ET\nendstream',
      [page.id]: page.text.replace(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/, `/Contents [ ${size} 0 R ]`),
    });
    const [finding] = await signatureFindings(changed, REQUIRED);
    expect(finding).toMatchObject({ severity: 'REGULARISABLE' });
    expect(finding!.message).toMatch(/a été modifié après sa signature/);
  }, 60_000);

  it('two signers (a second signature appended): no false "modified after signing"', async () => {
    const cosigned = await countersign(await signPdfWith(document, GOOD), GOOD);
    const findings = await signatureFindings(cosigned, REQUIRED);
    expect(findings.map((finding) => finding.severity)).toEqual(['ADVICE']);
    expect(findings[0]!.message).not.toMatch(/modifié|ajouts/);
  }, 60_000);

  it('an algorithm the assistant cannot verify: advice naming the validators, never "invalide", even where a signature is required', async () => {
    const bytes = await signPdfWith(document, { ...GOOD, signatureAlgorithmOid: '1.2.643.7.1.1.3.2' });
    for (const context of [REQUIRED, { ...REQUIRED, stage: 'ATTRIBUTION' } as BidContext]) {
      const [finding] = await signatureFindings(bytes, context);
      expect(finding).toMatchObject({ severity: 'ADVICE' });
      expect(finding!.message).toMatch(/n'a pas pu vérifier la signature[^]*ce n'est pas un constat d'invalidité/);
      expect(finding!.message).not.toMatch(/\best invalide/);
      expect(finding!.remedy).toMatch(VALIDATORS);
    }
  }, 60_000);

  it('an update the assistant cannot qualify: advice, not a blocking "modified"', async () => {
    const signed = await signPdfWith(document, GOOD);
    const size = Number(/\/Size (\d+)/.exec(signed.toString('latin1').slice(signed.lastIndexOf('trailer')))![1]);
    const [finding] = await signatureFindings(appendUpdate(signed, { [size]: '<< /Length 5 >>\nstream\nhello\nendstream' }), REQUIRED);
    expect(finding).toMatchObject({ severity: 'ADVICE' });
    expect(finding!.message).toMatch(/a reçu des ajouts après la signature de Marie DUPONT/);
  }, 60_000);
});
