import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp } from '../support/startTestApp';

describe('the running app and the FAQ logs', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-gaplog-app-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('purges gaps and feedback past GAP_RETENTION_MONTHS at start, and records through app.faqLogs', async () => {
    const line = (at: string, question: string) => `${JSON.stringify({ at, kind: 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0 })}\n`;
    const recent = new Date(Date.now() - 20 * 86_400_000).toISOString();
    mkdirSync(path.join(dataDir, 'faq'), { recursive: true });
    writeFileSync(path.join(dataDir, 'faq', 'gaps.jsonl'), line('2020-03-01T10:00:00.000Z', 'vieille') + line(recent, 'récente'));
    writeFileSync(path.join(dataDir, 'faq', 'feedback.jsonl'), `${JSON.stringify({ at: '2020-03-01T10:00:00.000Z', topic: 'FAQ_DEADLINE', helpful: true, channel: 'webchat' })}\n`);
    const app = await startTestApp({ GAP_RETENTION_MONTHS: '6' }, dataDir);
    try {
      expect((await app.faqLogs.listGaps()).map((record) => record.question)).toEqual(['récente']);
      expect(await app.faqLogs.listFeedback()).toEqual([]);
      await app.faqLogs.gaps.record({ kind: 'UNANSWERED', question: 'c’est quoi un marché de conception-réalisation ? Cordialement, Pierre Lefèvre', channel: 'webchat', topicGuess: null, confidence: 0.1 });
    } finally {
      await app.cleanup();
    }
    expect(readFileSync(path.join(dataDir, 'faq', 'gaps.jsonl'), 'utf8')).toContain('c’est quoi un marché de conception-réalisation ? Cordialement, [nom]');
  });
});
