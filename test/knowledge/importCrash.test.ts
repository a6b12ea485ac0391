import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeFile, folderFiles } from '../../src/knowledge/bundle/format';
import { exportKnowledge } from '../../src/knowledgeBundle';
import { loadKnowledge } from '../../src/loadKnowledge';
import { brokenFolder, editJson, SHIPPED } from '../fixtures/knowledge-broken/cases';

const ROOT = path.resolve(__dirname, '../..');

function state(dir: string): Record<string, string> {
  return Object.fromEntries(folderFiles(dir).files.map((file) => [file, describeFile(dir, file).sha256]));
}

/** Runs an import in another process that is killed at `step` of the swap. */
function crashingImport(bundle: string, target: string, step: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'importCrashChild.cjs'), ROOT, bundle, target, step], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

// The compiled code is run (dist/, built by the jest global setup), as `npm run knowledge` runs it.
describe('a crash in the middle of an import leaves the old folder or the new one, never a mix', () => {
  let root: string;
  let target: string;
  let bundle: string;
  let oldState: Record<string, string>;
  let newState: Record<string, string>;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ha30-crash-'));
    const edited = brokenFolder((dir) => editJson(dir, 'messages.json', (data) => (data.messages['welcome.title'] = 'Bienvenue, nouvelle version')));
    bundle = (await exportKnowledge(edited, path.join(root, 'nouveau.zip'))).file;
    newState = state(edited);
    rmSync(edited, { recursive: true, force: true });
    oldState = state(SHIPPED);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    target = path.join(root, `knowledge-${Math.random().toString(36).slice(2)}`);
    cpSync(SHIPPED, target, { recursive: true });
  });

  it.each([
    ['journal', 'old'],
    ['backup', 'old'],
    ['swap', 'new'],
    ['sync', 'new'],
    ['done', 'new'],
  ] as const)('killed at the "%s" step: the bot starts on the %s folder, whole', async (step, expected) => {
    expect(await crashingImport(bundle, target, step)).toBe('SIGKILL');
    // Right after the crash: the old folder, the new one, or (between the two renames only) none.
    if (existsSync(target)) expect([oldState, newState]).toContainEqual(state(target));
    else expect(step).toBe('swap');
    const knowledge = loadKnowledge(target);
    expect(state(target)).toEqual(expected === 'old' ? oldState : newState);
    expect(knowledge.messages.messages['welcome.title']).toBe(expected === 'old' ? 'Bienvenue sur l\'assistant HA30' : 'Bienvenue, nouvelle version');
    const name = path.basename(target);
    expect(readdirSync(root).filter((entry) => entry.startsWith(`.${name}`))).toEqual([]);
  });

  it('a crash while unpacking leaves a partial folder beside it, removed at the next start; the folder is untouched', () => {
    const partial = path.join(root, `.${path.basename(target)}.import-999999-x`);
    mkdirSync(path.join(partial, 'faq'), { recursive: true });
    writeFileSync(path.join(partial, 'messages.json'), '{ "locale": ');
    loadKnowledge(target);
    expect(existsSync(partial)).toBe(false);
    expect(state(target)).toEqual(oldState);
  });
});
