import { checkDossier } from '../../src/bidcheck/checkDossier';
import { DEFAULT_LIMITS } from '../../src/bidcheck/intake/limits';
import { LINES, pdf } from '../fixtures/documents';
import { cleanDossier, CONTEXT, knowledge } from './support';

// The CCI retires a rule from /admin with "retired": true (docs/admin-api.md): it stays in the
// knowledge for the statistics' titles, and the bid check never fires it again.
describe('a retired rule', () => {
  it('produces no finding on the very dossier that fires it, and the other rules still run', async () => {
    const oldKbis = await pdf(LINES.kbis('15 mai 2026'));
    const dossier = (await cleanDossier()).map((file) => (file.name === 'Kbis BATI-GARD.pdf' ? { ...file, bytes: oldKbis } : file));
    const withoutUrssaf = dossier.filter((file) => file.name !== 'attestation-urssaf.pdf');
    const options = { referenceDate: '2026-11-20', limits: DEFAULT_LIMITS };

    const live = await checkDossier(withoutUrssaf, CONTEXT, knowledge, options);
    expect(live.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['KBIS_TOO_OLD', 'URSSAF_ATTESTATION_MISSING']));

    const retired = { ...knowledge, rules: knowledge.rules.map((rule) => (rule.id === 'KBIS_TOO_OLD' ? { ...rule, retired: true } : rule)) };
    const report = await checkDossier(withoutUrssaf, CONTEXT, retired, options);
    expect(report.findings.map((finding) => finding.rule)).not.toContain('KBIS_TOO_OLD');
    expect(report.findings.map((finding) => finding.rule)).toContain('URSSAF_ATTESTATION_MISSING');
  });
});
