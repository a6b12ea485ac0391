import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addAccounts, BUYER, CCI } from '../accounts/support';
import { REPO_KNOWLEDGE } from '../knowledge/editor/support';
import { startTestApp, type TestApp } from '../support/startTestApp';
import { type Browser, call, signedIn } from './web/support';

interface Status {
  version: string;
  loadedAt: string;
  source: string;
  training: boolean;
  refusals: { at: string; source: string; problems: { file: string; path: string; message: string }[] }[];
}

// GET /api/knowledge/status (docs/admin-api.md « Live status »): what the home of /admin shows.
describe('GET /api/knowledge/status', () => {
  let app: TestApp;
  let root: string;
  let knowledgeDir: string;
  let buyer: Browser;
  let cci: Browser;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-status-'));
    knowledgeDir = path.join(root, 'knowledge');
    cpSync(REPO_KNOWLEDGE, knowledgeDir, { recursive: true });
    app = await startTestApp({ KNOWLEDGE_DIR: knowledgeDir });
    await addAccounts(app.config.dataDir, [BUYER, CCI]);
    buyer = await signedIn(app.url, BUYER.login, BUYER.password);
    cci = await signedIn(app.url, CCI.login, CCI.password);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (who?: Browser) => call(`${app.url}/api/knowledge/status`, { headers: who ? { cookie: who.cookie } : {} });

  it('is for CCI staff only: anonymous 401, buyer 403', async () => {
    expect((await get()).status).toBe(401);
    expect((await get(buyer)).status).toBe(403);
    expect((await get(cci)).status).toBe(200);
  });

  it('says which knowledge is in service, then shows a refused file edit with its French problems, the old knowledge still in service', async () => {
    const first = (await get(cci)).json as unknown as Status;
    expect(first).toMatchObject({ version: expect.stringMatching(/\w{8,}/), source: 'start', training: false, refusals: [] });
    expect(Number.isNaN(Date.parse(first.loadedAt))).toBe(false);

    const file = path.join(knowledgeDir, 'messages.json');
    const broken = readFileSync(file, 'utf8').replace(/\}\s*$/, '');
    writeFileSync(file, broken);
    // What the folder watcher does on a file edit, awaited here (the watcher may also run: same outcome).
    const outcome = await app.knowledge.reloadNow('file');
    expect(outcome.applied).toBe(false);
    const after = (await get(cci)).json as unknown as Status;
    expect(after.version).toBe(first.version);
    expect(after.refusals[0]).toMatchObject({ source: 'file', problems: [expect.objectContaining({ file: 'messages.json', message: expect.stringMatching(/JSON/) })] });
  }, 30_000);
});
