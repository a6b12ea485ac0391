import { GapStore } from '../../src/store/GapStore';
import { freezeDate } from '../support/clock';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { addAccounts, BUYER } from '../accounts/support';
import { call, signedIn } from './web/support';

freezeDate('2026-11-20T10:00:00Z');

/** Cells as a spreadsheet splits them (RFC 4180 with « ; »). */
function cellsOf(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"', i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';' || char === '\n') (cells.push(cell.replace(/\r$/, '')), (cell = ''));
    else cell += char;
  }
  return cells;
}

/** What Google Sheets and LibreOffice still run once they have trimmed the blanks in front. */
const RUNS_AS_FORMULA = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@]/;

// Formulas hidden behind blanks: Excel reads « ␣=… » as text, but Google Sheets and LibreOffice trim
// the cell first and run it. A question stored with such a start must leave as inert text.
describe('CSV exports against formulas behind blanks', () => {
  let app: TestApp;
  const QUESTIONS = [
    ' =HYPERLINK("http://pirate.example";"Cliquez") pour la caution',
    '\u00a0+cmd|\' /C calc\'!A0 pour la garantie',
    '\u200b=IMPORTXML("http://pirate.example";"//a") pour le mémoire technique',
    '\u2003\u2003@SUM(1+1) pour le groupement',
  ];

  beforeAll(async () => {
    app = await startTestApp();
    await addAccounts(app.config.dataDir, [BUYER]);
    for (const question of QUESTIONS) await app.faqLogs.gaps.record({ kind: 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0.1 });
    // And straight into the log, as an older version or a hand edit could have left it.
    const store = new GapStore(app.config.dataDir);
    for (const question of QUESTIONS) await store.append({ at: '2026-11-19T09:00:00.000Z', kind: 'LOW_CONFIDENCE', question: `\n${question}`, channel: 'webchat', topicGuess: null, confidence: 0.2 });
    await store.flush();
  }, 60_000);
  afterAll(async () => app.cleanup());

  it('leaves no cell of the gaps CSV that a spreadsheet would run, whatever blank comes first', async () => {
    const buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    const answer = await call(`${app.url}/api/insights/gaps.csv`, { headers: { cookie: buyer.cookie } });
    expect(answer.status).toBe(200);
    const cells = cellsOf(answer.text.replace(/^\uFEFF/, ''));
    expect(cells.some((cell) => /HYPERLINK|IMPORTXML|calc|SUM/.test(cell))).toBe(true);
    expect(cells.filter((cell) => RUNS_AS_FORMULA.test(cell))).toEqual([]);
  });
});
