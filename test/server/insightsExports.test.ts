import { CheckStatsStore } from '../../src/store/CheckStatsStore';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER } from '../accounts/support';
import { type Browser, signedIn } from './web/support';

freezeDate('2026-11-20T10:00:00Z');

/** The bytes of a download, as Excel reads them (fetch's text() would hide the BOM). */
async function download(app: TestApp, browser: Browser, route: string): Promise<{ bytes: Buffer; text: string; disposition: string | null }> {
  const response = await fetch(`${app.url}${route}`, { headers: { cookie: browser.cookie } });
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, text: bytes.toString('utf8'), disposition: response.headers.get('content-disposition') };
}

/** RFC 4180 with « ; »: what Excel reads out of the file, cell by cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"', i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') (row.push(cell), (cell = ''));
    else if (char === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += char;
  }
  return rows;
}

// The CSV exports of the dashboard as a French Excel opens them (web-contract §3), from the real logs.
describe('CSV exports of the buyers’ dashboard', () => {
  let app: TestApp;
  let buyer: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER]);
    buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    // Through the recorders the chat uses: scrubbed, hour only.
    for (const question of [
      'Où déposer l’attestation d’assurance décennale ?',
      'où je dépose mon attestation décennale',
      'Attestation décennale : où la déposer ?',
      '=HYPERLINK("http://pirate.example";"Cliquez") marché de voirie',
      '@SUM(1+1) sous-traitance déclarée ?',
    ]) {
      await app.faqLogs.gaps.record({ kind: 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0.1 });
    }
    const stats = new CheckStatsStore(app.database);
    await stats.record({ at: new Date().toISOString(), documentTypes: ['URSSAF_VIGILANCE'], findings: [{ rule: 'URSSAF_ATTESTATION_TOO_OLD', severity: 'REGULARISABLE' }] });
    await stats.record({ at: new Date().toISOString(), documentTypes: ['DC1'], findings: [] });
  }, 60_000);
  afterAll(async () => app.cleanup());

  it('writes the gap clusters in UTF-8 with a BOM, « ; » between cells, CRLF, accents intact', async () => {
    const { bytes, text, disposition } = await download(app, buyer, '/api/insights/gaps.csv?from=2026-11-01&to=2026-11-30');
    expect(disposition).toBe('attachment; filename="ha30-questions-sans-reponse_2026-11-01_2026-11-30.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Question représentative;Autres formulations;Nombre de questions;Première fois;Dernière fois;Motifs;Sujets de la FAQ les plus proches;Par semaine');
    const decennale = parseCsv(text.slice(1)).find((row) => /d[ée]cennale/.test(row[0]!))!;
    // The three phrasings of one need are one row of size 3, first and last seen on the day.
    expect(decennale.slice(2, 5)).toEqual(['3', '20/11/2026', '20/11/2026']);
    expect(decennale[1]!.split('\n')).toHaveLength(2);
    expect(text).toContain('Où déposer l’attestation d’assurance décennale ?');
    expect(bytes.includes(Buffer.from('é', 'utf8'))).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const { text } = await download(app, buyer, '/api/insights/gaps.csv');
    const cells = parseCsv(text.slice(1)).flat();
    expect(cells).toContain(`'=HYPERLINK("http://pirate.example";"Cliquez") marché de voirie`);
    expect(cells).toContain(`'@SUM(1+1) sous-traitance déclarée ?`);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('writes the rejection causes with French numbers and the sentence buyers read', async () => {
    const { text, disposition } = await download(app, buyer, '/api/insights/rejections.csv?from=2026-11-01&to=2026-11-30');
    expect(disposition).toBe('attachment; filename="ha30-causes-de-rejet_2026-11-01_2026-11-30.csv"');
    expect(text.slice(1).split('\r\n')[1]).toBe(
      'novembre 2026;URSSAF_ATTESTATION_TOO_OLD;Attestation de vigilance trop ancienne;À régulariser;1;2;50,0;1 dossier sur 2 a ce problème\u00a0: attestation de vigilance trop ancienne',
    );
  });

  it('gives the same figures as the JSON the dashboard draws', async () => {
    const response = await fetch(`${app.url}/api/insights/gaps?from=2026-11-01&to=2026-11-30`, { headers: { cookie: buyer.cookie } });
    const gaps = (await response.json()) as { total: { value: number }; clusters: { representative: string; size: { value: number } }[] };
    expect(gaps.total.value).toBe(5);
    expect(gaps.clusters[0]!.size).toEqual({ value: 3, text: '3' });
    // Finer than a month: the single questions are « moins de 3 », in the JSON as in the CSV.
    const week = (await (await fetch(`${app.url}/api/insights/gaps?from=2026-11-16&to=2026-11-22`, { headers: { cookie: buyer.cookie } })).json()) as typeof gaps;
    expect(week.clusters.slice(1).map((cluster) => cluster.size)).toEqual([
      { value: null, text: 'moins de 3' },
      { value: null, text: 'moins de 3' },
    ]);
    const csv = await download(app, buyer, '/api/insights/gaps.csv?from=2026-11-16&to=2026-11-22');
    expect(csv.text).toContain(';moins de 3;novembre 2026;novembre 2026;');
  });
});
