import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const APP_ID = '12345678-1234-4234-9234-123456789abc';

async function pack(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['scripts/teams-package.mjs'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

function zipEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe('Teams app package', () => {
  it('builds a zip with the validated manifest, the bot id and both icons', async () => {
    const teamsDir = mkdtempSync(path.join(tmpdir(), 'ha30-teams-'));
    cpSync(path.join(ROOT, 'teams'), teamsDir, { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
    const result = await pack({ MicrosoftAppId: APP_ID, TEAMS_DIR: teamsDir });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Paquet Teams prêt') });
    const entries = await zipEntries(path.join(teamsDir, 'build', 'ha30-assistant-teams.zip'));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal'], supportsFiles: true });
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('fr-fr');
    // PNG signatures and sizes Teams requires: 192×192 colour, 32×32 outline.
    for (const [icon, size] of [['color.png', 192], ['outline.png', 32]] as const) {
      const png = entries.get(icon)!;
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    rmSync(teamsDir, { recursive: true, force: true });
  });

  it('refuses without an App ID, in French', async () => {
    const result = await pack({ MicrosoftAppId: '', TEAMS_DIR: path.join(ROOT, 'teams') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/MicrosoftAppId doit contenir/);
  });

  it('refuses a manifest that breaks the official schema, naming the field', async () => {
    const teamsDir = mkdtempSync(path.join(tmpdir(), 'ha30-teams-'));
    cpSync(path.join(ROOT, 'teams'), teamsDir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(teamsDir, 'manifest.json'), 'utf8'));
    manifest.name.short = 'Un nom bien trop long pour tenir dans Teams';
    writeFileSync(path.join(teamsDir, 'manifest.json'), JSON.stringify(manifest));
    const result = await pack({ MicrosoftAppId: APP_ID, TEAMS_DIR: teamsDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\/name\/short/);
    rmSync(teamsDir, { recursive: true, force: true });
  });
});
