import { checkDossier, DEFAULT_LIMITS } from '../../../src/bidcheck';
import { LINES, pdf } from '../../fixtures/documents';
import { CONTEXT, cleanDossier, knowledge } from '../support';

const on = (referenceDate: string) => ({ referenceDate, limits: DEFAULT_LIMITS });

describe('rule texts as the SME reads them', () => {
  it('say the Kbis window the settings hold, everywhere in the finding (4 months, never "3 mois")', async () => {
    const fourMonths = { ...knowledge, checkSettings: { ...knowledge.checkSettings, kbisMaxAgeMonths: 4 } };
    const files = [{ name: 'kbis.pdf', bytes: await pdf(LINES.kbis('02/06/2026')) }];
    const report = await checkDossier(files, { ...CONTEXT, requirements: undefined }, fourMonths, on('2026-11-20'));
    const finding = report.findings.find((f) => f.rule === 'KBIS_TOO_OLD')!;
    const text = `${finding.message} ${finding.remedy} ${finding.legal}`;
    expect(text).toContain('4 mois');
    expect(text).not.toMatch(/\b3 mois\b/);
  });

  it('take the window the RC sets over the settings', async () => {
    const files = [{ name: 'kbis.pdf', bytes: await pdf(LINES.kbis('02/09/2026')) }];
    const report = await checkDossier(files, { ...CONTEXT, requirements: { ...CONTEXT.requirements, kbisMaxAgeMonths: 1 } }, knowledge, on('2026-11-20'));
    const finding = report.findings.find((f) => f.rule === 'KBIS_TOO_OLD')!;
    expect(finding.remedy).toContain('1 mois');
  });

  it('never tell an SME already retenu that a piece "sera exigée si vous êtes retenu"', async () => {
    const clean = await cleanDossier();
    const files = clean.filter((file) => !/urssaf|decennale|Kbis/i.test(file.name));
    const attribution = await checkDossier(files, { ...CONTEXT, stage: 'ATTRIBUTION' }, knowledge, on('2026-11-20'));
    expect(attribution.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['URSSAF_ATTESTATION_MISSING', 'INSURANCE_DECENNALE_MISSING_OR_MISMATCH']));
    for (const finding of attribution.findings) expect(`${finding.message} ${finding.remedy}`).not.toMatch(/si vous êtes retenu/);
    const depot = await checkDossier(files, { ...CONTEXT, stage: 'DEPOT', requirements: undefined }, knowledge, on('2026-11-20'));
    expect(depot.findings.find((f) => f.rule === 'URSSAF_ATTESTATION_MISSING')!.message).toMatch(/si vous êtes retenu/);
  });

  it('show what a PARTIAL rule cannot see with its finding, and nothing for a FULL rule', async () => {
    const files = [{ name: 'urssaf.pdf', bytes: await pdf(LINES.urssaf('02/03/2026')) }];
    const report = await checkDossier(files, CONTEXT, knowledge, on('2026-11-20'));
    const partial = report.findings.find((f) => f.rule === 'URSSAF_ATTESTATION_TOO_OLD')!;
    expect(partial.limitation).toMatch(/date de délivrance/);
    const full = report.findings.find((f) => knowledge.rules.find((rule) => rule.id === f.rule)!.automation === 'FULL')!;
    expect(full.limitation).toBeUndefined();
  });
});

describe('a piece not recognised but named', () => {
  it('is never declared missing when a file\'s name says it is there: at most ADVICE naming the file', async () => {
    const files = [{ name: 'DPGF lot 3.pdf', bytes: await pdf(['LOT 3 PLATRERIE', 'Cloisons et doublages', 'Total 12 400,00'], {}) }];
    const context = { ...CONTEXT, requirements: { documents: ['DPGF'] } };
    const report = await checkDossier(files, context, knowledge, on('2026-11-20'));
    const finding = report.findings.find((f) => f.rule === 'PRICE_DOCUMENT_INCOMPLETE')!;
    expect(finding.severity).toBe('ADVICE');
    expect(finding.message).toContain('« DPGF lot 3.pdf »');
    const without = await checkDossier([{ name: 'notes.pdf', bytes: await pdf(['Quelques notes'], {}) }], context, knowledge, on('2026-11-20'));
    expect(without.findings.find((f) => f.rule === 'PRICE_DOCUMENT_INCOMPLETE')!.severity).toBe('REGULARISABLE');
  });
});
