import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestimonyStore } from '../../src/store/TestimonyStore';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

// `npm run digest` on the compiled command (dist/ is built once by the jest global setup), over a DATA_DIR the chat wrote.
describe('npm run digest and the testimonies', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ha30-digest-testimonies-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('quotes the month’s testimonies with their trade and size band only, and not those of another month', async () => {
    const dataDir = path.join(dir, 'data');
    const store = new TestimonyStore(dataDir);
    await store.append({ month: '2026-10', text: 'Un témoignage d’octobre, hors du mois.' });
    await store.append({ month: '2026-11', text: 'Le DCE faisait 400 pages pour un petit lot de peinture : il faudrait une synthèse d’une page.', trade: 'peintre', sizeBand: '1-9' });
    await store.flush();
    const out = path.join(dir, 'novembre.pdf');
    await run('node', [path.join(ROOT, 'dist/src/cli/digest.js'), '--month', '2026-11', '--out', out], { cwd: dir, env: { ...process.env, DATA_DIR: dataDir, KNOWLEDGE_DIR: path.join(ROOT, 'knowledge') } });
    const pdf = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(pdf).toContain('Le DCE faisait 400 pages pour un petit lot de peinture');
    expect(pdf).toContain('peintre, 1 à 9 salariés');
    expect(pdf).not.toContain('octobre, hors du mois');
  });
});
