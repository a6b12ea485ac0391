import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readable } from '../support/replies';
import { expectReplies, startTestApp } from '../support/startTestApp';

describe('a conversation survives a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resumes the file check where the user left it', async () => {
    const first = await startTestApp({}, dataDir);
    const started = await expectReplies(first.url, { type: 'message', text: 'je veux vérifier mon dossier' });
    expect(started.replies.map((reply) => readable(reply)).join('\n')).toMatch(/Où en êtes-vous/);
    await first.stop();

    const second = await startTestApp({}, dataDir);
    try {
      const resumed = await expectReplies(second.url, { type: 'message', text: 'je suis retenu' });
      expect(resumed.replies.map((reply) => readable(reply)).join('\n')).toMatch(/travaux, de fournitures ou de services/);
    } finally {
      await second.stop();
    }
  });
});
