import type { InputFile } from '../../src/bidcheck/intake/readDossier';
import type { BidContext } from '../../src/bidcheck/types';
import { COMPANY, LINES, pdf, zip } from '../fixtures/documents';
import { passwordPdf, pdfWithOpenActionScript, pngBytes } from '../fixtures/hostile';
import { signPdf } from '../fixtures/signedPdf';
import { check, cleanDossier, CONTEXT, knowledge } from './support';

type Case = { files: InputFile[]; context: BidContext };
type Severity = 'ELIMINATORY' | 'REGULARISABLE' | 'ADVICE';
const BLOCKING: readonly string[] = ['ELIMINATORY', 'REGULARISABLE'];
const without = (files: InputFile[], ...names: string[]) => files.filter((file) => !names.includes(file.name));
const replace = (files: InputFile[], name: string, bytes: Buffer) => files.map((file) => (file.name === name ? { ...file, bytes } : file));
const attribution: BidContext = { ...CONTEXT, stage: 'ATTRIBUTION' };
const FOREIGN_WORKERS = ['Liste nominative des salariés étrangers soumis à autorisation de travail', `${COMPANY.name} — SIRET ${COMPANY.siret}`, 'Article D. 8254-2 du code du travail', "Néant : l'entreprise n'emploie aucun salarié étranger soumis à autorisation de travail."];

/**
 * One minimal defect per rule, each on top of the clean dossier (which triggers none), with the
 * severity the rule's data gives that case. A case raises no other blocking finding: a blocking
 * finding it did not plant would be a false alarm of another rule (or a case that plants two defects).
 */
const CASES: Record<string, [Severity, (clean: InputFile[]) => Promise<Case>]> = {
  OFFER_LATE: ['ELIMINATORY', async (f) => ({ files: f, context: { ...CONTEXT, submittedAt: '2026-12-01T12:00:01+01:00' } })],
  SUBMISSION_CHANNEL_NOT_ELECTRONIC: ['REGULARISABLE', async (f) => ({ files: f, context: { ...CONTEXT, submissionChannel: 'EMAIL' } })],
  BACKUP_COPY_ISSUE: ['ADVICE', async (f) => ({ files: [...f, { name: 'copie de sauvegarde/DC1.pdf', bytes: f.find((x) => x.name === 'DC1.pdf')!.bytes }], context: CONTEXT })],
  FILE_FORMAT_NOT_ACCEPTED: ['ADVICE', async (f) => ({ files: [...f, { name: 'photo.heic', bytes: Buffer.from('\0\0\0\x18ftypheic\0\0\0\0heicmif1', 'latin1') }], context: CONTEXT })],
  EXECUTABLE_OR_MACRO_CONTENT: ['ADVICE', async (f) => ({ files: [...f, { name: 'annexe.pdf', bytes: await pdfWithOpenActionScript() }], context: CONTEXT })],
  FILE_PASSWORD_PROTECTED: ['REGULARISABLE', async (f) => ({ files: [...f, { name: 'protege.pdf', bytes: await passwordPdf() }], context: CONTEXT })],
  FILE_CORRUPTED_OR_UNREADABLE: ['REGULARISABLE', async (f) => ({ files: [...f, { name: 'vide.pdf', bytes: Buffer.alloc(0) }], context: CONTEXT })],
  FILE_SIZE_EXCESSIVE: ['ADVICE', async (f) => ({ files: f, context: { ...CONTEXT, requirements: { ...CONTEXT.requirements, maxFileSizeMb: 0.001 } } })],
  PDF_IMAGE_ONLY_NO_TEXT: ['ADVICE', async (f) => ({ files: [...f, { name: 'scan.png', bytes: pngBytes() }], context: CONTEXT })],
  SIGNATURE_SCANNED_NOT_ELECTRONIC: ['ADVICE', async (f) => ({ files: [...f, { name: 'AE.pdf', bytes: await pdf([...LINES.ae('98 500,00'), 'Lu et approuvé, signature du titulaire'], { signatureImage: true }) }], context: CONTEXT })],
  SIGNATURE_ON_ZIP_ONLY: ['ADVICE', async (f) => ({ files: [...f, { name: 'offre.zip', bytes: await zip({ 'AE.pdf': await pdf(LINES.ae('98 500,00')) }) }, { name: 'offre.zip.p7s', bytes: Buffer.from('0\x82signature', 'latin1') }], context: CONTEXT })],
  SIGNATURE_CERTIFICATE_INVALID: ['ADVICE', async (f) => ({ files: [...f, { name: 'AE signé.pdf', bytes: await signPdf(await pdf(LINES.ae('98 500,00'))) }], context: CONTEXT })],
  SIGNATORY_POWER_NOT_PROVEN: ['REGULARISABLE', async (f) => ({ files: [...f, { name: 'AE.pdf', bytes: await pdf(LINES.ae('98 500,00', 'MARTIN Paul')) }], context: CONTEXT })],
  // At attribution the winner also hands in the foreign-workers list: without it, that rule fires too.
  AE_NOT_SIGNED: ['ELIMINATORY', async (f) => ({ files: [...f, { name: 'AE.pdf', bytes: await pdf(LINES.ae('98 500,00')) }, { name: 'salaries etrangers.pdf', bytes: await pdf(FOREIGN_WORKERS) }], context: attribution })],
  CANDIDATURE_FORM_MISSING: ['REGULARISABLE', async (f) => ({ files: without(f, 'DC1.pdf'), context: CONTEXT })],
  DECLARATION_HONNEUR_MISSING: ['REGULARISABLE', async (f) => ({ files: replace(f, 'DC1.pdf', await pdf(LINES.dc1(false, '2'))), context: CONTEXT })],
  DC1_LOT_SCOPE_INCONSISTENT: ['REGULARISABLE', async (f) => ({ files: [...replace(f, 'DC1.pdf', await pdf(LINES.dc1(true, '1'))), { name: 'AE.pdf', bytes: await pdf(LINES.ae('98 500,00')) }], context: CONTEXT })],
  GROUPEMENT_INCOMPLETE: ['REGULARISABLE', async (f) => ({ files: replace(f, 'DC1.pdf', await pdf([...LINES.dc1(true, '2'), "Le candidat est un groupement d'entreprises [X]"])), context: CONTEXT })],
  GROUPEMENT_COMPOSITION_CHANGED: ['ELIMINATORY', async (f) => ({
    files: [
      ...replace(f, 'DC1.pdf', await pdf([...LINES.dc1(true, '2'), 'Membre 2 : SIRET 73282932000074'])),
      { name: 'AE.pdf', bytes: await pdf([...LINES.ae('98 500,00'), 'Cotraitant : SIRET 35600000000048']) },
    ],
    context: CONTEXT,
  })],
  CAPACITY_INFO_MISSING: ['REGULARISABLE', async (f) => ({ files: replace(f, 'DC2.pdf', await pdf(LINES.dc2('non communiqué'))), context: CONTEXT })],
  TURNOVER_BELOW_REQUIRED_MINIMUM: ['ELIMINATORY', async (f) => ({ files: replace(f, 'DC2.pdf', await pdf(LINES.dc2('2025 : 100 000 €'))), context: CONTEXT })],
  QUALIFICATION_CERT_MISSING_OR_EXPIRED: ['REGULARISABLE', async (f) => ({ files: f, context: { ...CONTEXT, requirements: { ...CONTEXT.requirements, documents: [...CONTEXT.requirements!.documents!, 'QUALIFICATION_CERT'] } } })],
  SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE: ['REGULARISABLE', async (f) => ({ files: replace(f, 'memoire.pdf', await pdf([...LINES.memoire(), 'La plomberie sera confiée en sous-traitance à SANIT30.'])), context: CONTEXT })],
  OBSOLETE_FORM_USED: ['ADVICE', async (f) => ({ files: replace(f, 'DC1.pdf', await pdf([...LINES.dc1(true, '2'), 'Article 45 du code des marchés publics'])), context: CONTEXT })],
  SIRET_FORMAT_INVALID: ['REGULARISABLE', async (f) => ({ files: replace(f, 'DC2.pdf', await pdf([...LINES.dc2('2025 : 455 500 €'), 'N° SIRET : 552 081 317 0001'])), context: CONTEXT })],
  SIRET_INVALID_CHECKSUM: ['REGULARISABLE', async (f) => ({ files: replace(f, 'DC2.pdf', await pdf([...LINES.dc2('2025 : 455 500 €'), 'SIRET : 552 081 317 00019'])), context: CONTEXT })],
  SIRET_MISMATCH_ACROSS_DOCUMENTS: ['REGULARISABLE', async (f) => ({ files: replace(f, 'attestation-urssaf.pdf', await pdf(LINES.urssaf('02/10/2026').map((l) => l.replace(COMPANY.siret, '73282932000074')))), context: CONTEXT })],
  COMPANY_NAME_MISMATCH_ACROSS_DOCUMENTS: ['ADVICE', async (f) => ({ files: replace(f, 'RC Pro 2026.pdf', await pdf(LINES.insurance('01/01/2026', '31/12/2026').map((l) => l.replace(`Assuré : ${COMPANY.name}`, 'Assuré : PLATRERIE DUPONT')))), context: CONTEXT })],
  KBIS_TOO_OLD: ['ADVICE', async (f) => ({ files: replace(f, 'Kbis BATI-GARD.pdf', await pdf(LINES.kbis('15 mai 2026'))), context: CONTEXT })],
  REGISTRATION_PROOF_MISSING_OR_WRONG_TYPE: ['REGULARISABLE', async (f) => ({ files: without(f, 'Kbis BATI-GARD.pdf'), context: CONTEXT })],
  INSOLVENCY_PROCEEDING_DETECTED: ['ELIMINATORY', async (f) => ({ files: replace(f, 'Kbis BATI-GARD.pdf', await pdf([...LINES.kbis('6 novembre 2026'), 'Jugement d\'ouverture d\'une procédure de liquidation judiciaire'])), context: CONTEXT })],
  URSSAF_ATTESTATION_MISSING: ['REGULARISABLE', async (f) => ({ files: without(f, 'attestation-urssaf.pdf'), context: CONTEXT })],
  URSSAF_ATTESTATION_TOO_OLD: ['REGULARISABLE', async (f) => ({ files: replace(f, 'attestation-urssaf.pdf', await pdf(LINES.urssaf('12/04/2026'))), context: CONTEXT })],
  URSSAF_ATTESTATION_NOT_UP_TO_DATE: ['ELIMINATORY', async (f) => ({ files: replace(f, 'attestation-urssaf.pdf', await pdf([...LINES.urssaf('02/10/2026'), "L'entreprise n'est pas à jour de ses obligations."])), context: CONTEXT })],
  FISCAL_ATTESTATION_MISSING_OR_OUTDATED: ['ADVICE', async (f) => ({ files: replace(f, 'fiscal.pdf', await pdf(LINES.fiscal('15/01/2026'))), context: CONTEXT })],
  FOREIGN_WORKERS_LIST_MISSING: ['REGULARISABLE', async (f) => ({ files: f, context: attribution })],
  OETH_PROOF_CONFUSION: ['ADVICE', async (f) => ({ files: replace(f, 'memoire.pdf', await pdf([...LINES.memoire(), 'Voir notre certificat AGEFIPH en annexe'])), context: CONTEXT })],
  INSURANCE_RC_PRO_MISSING_OR_EXPIRED: ['REGULARISABLE', async (f) => ({ files: replace(f, 'RC Pro 2026.pdf', await pdf(LINES.insurance('01/01/2025', '31/10/2026'))), context: CONTEXT })],
  INSURANCE_DECENNALE_MISSING_OR_MISMATCH: ['ADVICE', async (f) => ({ files: without(f, 'decennale.pdf'), context: CONTEXT })],
  AE_INCOMPLETE: ['REGULARISABLE', async (f) => ({ files: [...f, { name: 'AE.pdf', bytes: await pdf(['ACTE D\'ENGAGEMENT', 'ATTRI1', 'Montant total HT : ..........', 'Lot n° 2']) }], context: CONTEXT })],
  PRICE_DOCUMENT_INCOMPLETE: ['REGULARISABLE', async (f) => ({ files: f, context: { ...CONTEXT, requirements: { ...CONTEXT.requirements, documents: ['DPGF'] } } })],
  PRICE_INCONSISTENCY: ['REGULARISABLE', async (f) => ({ files: [...f, { name: 'DQE.pdf', bytes: await pdf(['DETAIL QUANTITATIF ESTIMATIF', 'Lot n° 2', 'Total HT : 1 000,00 €', 'TVA 20 % : 200,00 €', 'Total TTC : 1 300,00 €']) }], context: CONTEXT })],
  MEMOIRE_TECHNIQUE_MISSING: ['ELIMINATORY', async (f) => ({ files: without(f, 'memoire.pdf'), context: CONTEXT })],
  VARIANTE_NOT_ALLOWED_OR_WITHOUT_BASE: ['ELIMINATORY', async (f) => ({ files: [...f, { name: 'offre variante.pdf', bytes: await pdf(['Offre variante', 'Solution alternative : enduit à la chaux']) }], context: { ...CONTEXT, requirements: { ...CONTEXT.requirements, variantsAllowed: false } } })],
  IBAN_INVALID_CHECKSUM: ['ADVICE', async (f) => ({ files: replace(f, 'RIB.pdf', await pdf(LINES.rib('FR76 3000 6000 0112 3456 7890 188'))), context: CONTEXT })],
};

describe('the 45 rules', () => {
  let clean: InputFile[];
  beforeAll(async () => {
    clean = await cleanDossier();
  });

  it('are all in the knowledge, each with a minimal case here', () => {
    expect(knowledge.rules).toHaveLength(45);
    expect(Object.keys(CASES).sort()).toEqual(knowledge.rules.map((rule) => rule.id).sort());
  });

  it('stay silent on the clean dossier', async () => {
    expect((await check(clean)).findings).toEqual([]);
  });

  it.each(Object.keys(CASES))('%s fires on its minimal case with its severity, in French, with its legal basis and remedy, and no other blocking rule fires', async (ruleId) => {
    const [severity, build] = CASES[ruleId]!;
    const { files, context } = await build(clean);
    const report = await check(files, context);
    const finding = report.findings.find((candidate) => candidate.rule === ruleId);
    expect(finding).toBeDefined();
    expect(finding!.severity).toBe(severity);
    const rule = knowledge.rules.find((candidate) => candidate.id === ruleId)!;
    expect(finding!.legal).toBe(rule.legal);
    expect(finding!.remedy.length).toBeGreaterThan(10);
    for (const text of [finding!.message, finding!.remedy, finding!.legal]) expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
    const otherBlocking = report.findings.filter((candidate) => candidate.rule !== ruleId && BLOCKING.includes(candidate.severity));
    expect(otherBlocking.map((other) => `${other.rule} (${other.severity}) : ${other.message}`)).toEqual([]);
  });
});
