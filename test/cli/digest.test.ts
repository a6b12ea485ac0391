import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openCatalogue } from '../../src/tenders';
import { SEEDED_MONTH, seedMonth } from '../insights/support/digestSeed';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
/** The month after the current one in Paris: the command runs on the real clock. */
const NEXT_MONTH = (() => {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
})();

interface Outcome {
  code: number;
  stdout: Buffer;
  stderr: string;
}

// `npm run digest`, run on the compiled command as the script does (dist/ is built once by the jest global setup).
describe('npm run digest', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-digest-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], env: Record<string, string>): Promise<Outcome> {
    try {
      const { stdout, stderr } = await run('node', [path.join(ROOT, 'dist/src/cli/digest.js'), ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'buffer', maxBuffer: 20_000_000 });
      return { code: 0, stdout, stderr: stderr.toString('utf8') };
    } catch (error) {
      const failure = error as { code: number; stdout: Buffer; stderr: Buffer };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr.toString('utf8') };
    }
  }

  const text = (file: string): string => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');

  it('writes the month’s PDF from DATA_DIR and KNOWLEDGE_DIR: figures, clusters, remedies from that knowledge, the flagged catalogue tender', async () => {
    const dataDir = path.join(dir, 'data');
    const knowledgeDir = path.join(dir, 'knowledge');
    cpSync(path.join(ROOT, 'knowledge'), knowledgeDir, { recursive: true });
    // The CCI rewords a remedy in its own knowledge folder: the digest says what that folder says.
    const rulesFile = path.join(knowledgeDir, 'rules/f-attestations.json');
    const rules = JSON.parse(readFileSync(rulesFile, 'utf8')) as { rules: { id: string; remedy: unknown }[] };
    rules.rules.find((rule) => rule.id === 'URSSAF_ATTESTATION_TOO_OLD')!.remedy = 'Passez à la CCI : nous téléchargeons avec vous une attestation de moins de {months} mois.';
    writeFileSync(rulesFile, JSON.stringify(rules, null, 2));
    const catalogue = await openCatalogue(dataDir, { knowledgeDir });
    const tender = catalogue.all().find((entry) => entry.buyer.organisationId)!;
    await seedMonth(dataDir, { flagTender: { id: tender.id, organisationId: tender.buyer.organisationId!, ...(tender.deadlineAt ? { deadlineAt: tender.deadlineAt } : {}) } });

    const out = path.join(dir, 'novembre.pdf');
    const result = await cli(['--month', SEEDED_MONTH, '--out', out], { DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString('utf8')).toMatch(new RegExp(`^Synthèse de novembre 2026 écrite dans ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ Ko\\)\\.\\n$`));
    const pdf = text(out);
    expect(pdf).toContain('Synthèse du club HA30 — novembre 2026');
    expect(pdf).toContain('8 dossiers de candidature vérifiés');
    expect(pdf).toContain('9 questions restées sans bonne réponse');
    expect(pdf).toContain('50 % de « Oui »');
    expect(pdf).toMatch(/1\. « [^»]*visite[^»]* » 5 questions posées/);
    expect(pdf).toContain('Ce que propose la CCI : Passez à la CCI : nous téléchargeons avec vous une attestation de moins de 6 mois.');
    expect(pdf).toContain(tender.title.replace(/\s+/g, ' '));
    expect(pdf).toContain('Vu par 5 PME dans leurs résultats');
  });

  it('writes the PDF on stdout with --out -, and a short honest one for a month without data', async () => {
    const result = await cli(['--month', '2025-01', '--out', '-'], { DATA_DIR: path.join(dir, 'empty') });
    expect(result.code).toBe(0);
    expect(result.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dir, 'vide.pdf');
    writeFileSync(file, result.stdout);
    expect(text(file)).toContain('Synthèse du club HA30 — janvier 2025 Ce que l’assistant');
    expect(text(file)).toContain('Aucune donnée ce mois-ci');
  });

  it.each([
    [['--month', '2026-13'], /--month attend un mois au format AAAA-MM, de 01 à 12 \(par exemple 2026-11\)\u00a0: «\u202f2026-13\u202f» ne convient pas\./],
    [['--month', 'novembre'], /«\u202fnovembre\u202f» ne convient pas/],
    [[], /^Indiquez le mois de la synthèse\u00a0: --month AAAA-MM/],
    [['--month', '2026-11', '--couleur'], /^Option inconnue\u00a0: --couleur\./],
    [['--month', '2026-11', '--out', path.join(tmpdir(), 'pas-de-dossier-ici', 'x.pdf')], /^Dossier introuvable pour --out\u00a0: /],
    // A slip of the year (2027-01 typed for 2026-01): the month to come would give an empty bulletin that reads « nothing happened ».
    [['--month', NEXT_MONTH], new RegExp(`^Le mois ${NEXT_MONTH} n’a pas encore commencé\u00a0: le bulletin d’un mois se prépare à partir de son premier jour\\.`)],
  ])('refuses %j in French with exit 2, writing nothing', async (args, message) => {
    const dataDir = path.join(dir, 'refused');
    const result = await cli(args, { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage\u00a0: npm run --silent digest -- --month AAAA-MM [--out fichier.pdf]');
    expect(result.stdout.length).toBe(0);
    // Refused before anything is opened: not even the data folder is created.
    expect(existsSync(dataDir)).toBe(false);
  });
});
