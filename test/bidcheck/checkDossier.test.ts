import { LINES, pdf, zip } from '../fixtures/documents';
import { check, cleanDossier, CONTEXT } from './support';

describe('checkDossier on whole dossiers', () => {
  it('recognises every piece of a clean dossier and finds nothing to say', async () => {
    const report = await check(await cleanDossier());
    expect(report.documents.map((document) => [document.file, document.type])).toEqual([
      ['Kbis BATI-GARD.pdf', 'KBIS'],
      ['attestation-urssaf.pdf', 'URSSAF_VIGILANCE'],
      ['fiscal.pdf', 'FISCAL_REGULARITE'],
      ['RC Pro 2026.pdf', 'INSURANCE_RC'],
      ['DC1.pdf', 'DC1'],
      ['DC2.pdf', 'DC2'],
      ['memoire.pdf', 'MEMOIRE_TECHNIQUE'],
      ['RIB.pdf', 'RIB'],
      ['decennale.pdf', 'INSURANCE_DECENNALE'],
    ]);
    expect(report.documents[0]).toMatchObject({ siren: '552081317', dates: { upToDate: '2026-11-06' }, signed: false });
    expect(report.findings).toEqual([]);
  });

  it('reads the same dossier inside a ZIP and names entries archive.zip/inner.pdf', async () => {
    const files = await cleanDossier();
    const archive = await zip(Object.fromEntries(files.map((file) => [`reponse/${file.name}`, file.bytes])));
    const report = await check([{ name: 'pli.zip', bytes: archive }]);
    expect(report.documents.map((document) => document.file)).toContain('pli.zip/reponse/DC1.pdf');
    expect(report.findings).toEqual([]);
  });

  it('flags an old Kbis, an old URSSAF attestation, expired insurance and a missing mémoire', async () => {
    const files = (await cleanDossier()).filter((file) => file.name !== 'memoire.pdf');
    files[0] = { name: 'kbis.pdf', bytes: await pdf(LINES.kbis('02/06/2026')) };
    files[1] = { name: 'urssaf.pdf', bytes: await pdf(LINES.urssaf('3 mars 2026')) };
    files[3] = { name: 'assurance.pdf', bytes: await pdf(LINES.insurance('01/01/2025', '31/10/2026')) };
    const report = await check(files, { ...CONTEXT, requirements: { ...CONTEXT.requirements, kbisMaxAgeMonths: 3 } });
    const byRule = Object.fromEntries(report.findings.map((finding) => [finding.rule, finding]));
    expect(byRule.KBIS_TOO_OLD).toMatchObject({ severity: 'REGULARISABLE', file: 'kbis.pdf' });
    expect(byRule.KBIS_TOO_OLD!.message).toContain('02/06/2026');
    expect(byRule.URSSAF_ATTESTATION_TOO_OLD).toMatchObject({ severity: 'REGULARISABLE', file: 'urssaf.pdf' });
    expect(byRule.INSURANCE_RC_PRO_MISSING_OR_EXPIRED).toMatchObject({ file: 'assurance.pdf' });
    expect(byRule.MEMOIRE_TECHNIQUE_MISSING).toMatchObject({ severity: 'ELIMINATORY' });
    expect(byRule.MEMOIRE_TECHNIQUE_MISSING!.file).toBeUndefined();
    expect(report.findings[0]!.severity).toBe('ELIMINATORY');
  });

  it('sees a late submission to the second', async () => {
    const report = await check(await cleanDossier(), { ...CONTEXT, submittedAt: '2026-12-01T12:00:29+01:00' });
    expect(report.findings[0]).toMatchObject({ rule: 'OFFER_LATE', severity: 'ELIMINATORY' });
    expect(report.findings[0]!.message).toContain('29 seconde');
  });
});

describe('scans and unreadable files', () => {
  const scan = () => pdf([], { signatureImage: true });

  it('takes a scanned DC1 for a DC1 by its name only (low confidence), and says it was not read', async () => {
    const files = (await cleanDossier()).filter((file) => file.name !== 'DC1.pdf');
    const report = await check([...files, { name: 'DC1 signé.pdf', bytes: await scan() }]);
    expect(report.documents.find((document) => document.file === 'DC1 signé.pdf')).toMatchObject({ type: 'DC1', confidence: 0.3 });
    expect(report.findings.map((finding) => finding.rule)).toEqual(['PDF_IMAGE_ONLY_NO_TEXT']);
  });

  it('does not assert a piece is missing without saying which files could not be read', async () => {
    const files = (await cleanDossier()).filter((file) => file.name !== 'DC1.pdf');
    const report = await check([...files, { name: 'scan0001.pdf', bytes: await scan() }]);
    const missing = report.findings.find((finding) => finding.rule === 'CANDIDATURE_FORM_MISSING');
    // "Cette pièce" agrees whatever the missing document's noun (bordereau, attestation…).
    expect(missing?.message).toContain("Cette pièce est peut-être dans « scan0001.pdf », un fichier que je n'ai pas pu lire : vérifiez-le.");
  });
});

describe('when the règlement is not known', () => {
  it('reminds of the usual pieces as advice, saying what to check, rather than asserting they are required', async () => {
    const files = (await cleanDossier()).filter((file) => !['memoire.pdf', 'RC Pro 2026.pdf'].includes(file.name));
    const report = await check(files, { deadline: CONTEXT.deadline, nature: 'TRAVAUX' });
    const byRule = Object.fromEntries(report.findings.map((finding) => [finding.rule, finding]));
    expect(byRule.MEMOIRE_TECHNIQUE_MISSING).toMatchObject({ severity: 'ADVICE', message: expect.stringContaining('vérifiez le règlement') });
    expect(byRule.INSURANCE_RC_PRO_MISSING_OR_EXPIRED).toMatchObject({ severity: 'ADVICE' });
    expect(byRule.PRICE_DOCUMENT_INCOMPLETE).toMatchObject({ severity: 'ADVICE' });
    expect(report.findings.every((finding) => finding.severity === 'ADVICE')).toBe(true);
  });
});

describe('identifiers of third parties on attestations', () => {
  it("does not take the insurer's own RCS number for a different candidate", async () => {
    const files = await cleanDossier();
    const insurance = files.findIndex((file) => file.name === 'RC Pro 2026.pdf');
    files[insurance] = {
      name: 'RC Pro 2026.pdf',
      bytes: await pdf(['Mutuelle du Midi, SA au capital de 10 000 000 €, RCS Nîmes 775 670 417', ...LINES.insurance('01/01/2026', '31/12/2026')]),
    };
    const report = await check(files);
    expect(report.findings.map((finding) => finding.rule)).not.toContain('SIRET_MISMATCH_ACROSS_DOCUMENTS');
  });
});
