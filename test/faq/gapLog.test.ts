import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FeedbackLog } from '../../src/faq/FeedbackLog';
import { GapLog } from '../../src/faq/GapLog';
import { openFaqLogs } from '../../src/faq/openFaqLogs';
import type { GapInput } from '../../src/faq/types';
import { FeedbackStore } from '../../src/store/FeedbackStore';
import { GapStore } from '../../src/store/GapStore';

const NOW = new Date('2026-11-20T14:37:12.345Z');

describe('GapLog: what the chat and `ask --log` record', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-gaplog-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores the scrubbed question with the hour, the channel and the guess — and those fields only', async () => {
    const store = new GapStore(dataDir);
    await new GapLog(store, { now: () => NOW }).record({ kind: 'UNANSWERED', question: 'tu connais un bon garagiste à Uzès ? mon 06 12 34 56 78', channel: 'webchat', topicGuess: 'FAQ_WHERE_FIND_TENDERS', confidence: 0.123456 });
    expect(await store.all()).toEqual([{ at: '2026-11-20T14:00:00.000Z', kind: 'UNANSWERED', question: 'tu connais un bon garagiste à Uzès ? mon [téléphone]', channel: 'webchat', topicGuess: 'FAQ_WHERE_FIND_TENDERS', confidence: 0.123 }]);
  });

  it('never stores the identifiers it is handed, whatever the caller passes', async () => {
    const store = new GapStore(dataDir);
    const identifiers = {
      userId: '29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      conversationId: 'a:1Zz9Yy8Xx7Ww6Vv5Uu4',
      aadObjectId: '6f2a1c3e-8d4b-4e2f-9a7c-1b2c3d4e5f60',
      from: { id: 'dl_user-42', name: 'Jean Dupont' },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    };
    const input = {
      kind: 'NOT_HELPFUL',
      question: 'je m’appelle Jean Dupont, jean.dupont@orange.fr, 06 12 34 56 78, SIRET 732 829 320 00074, IBAN FR76 3000 6000 0112 3456 7890 189, 12 rue de la République 30000 Nîmes : le DUME ?',
      channel: 'msteams',
      topicGuess: 'FAQ_WHAT_IS_DUME',
      confidence: 0.4,
      ...identifiers,
      conversation: { id: identifiers.conversationId },
    } as GapInput;
    await new GapLog(store).record(input);
    const stored = readFileSync(store.file, 'utf8');
    for (const secret of ['29:1AbCd', 'a:1Zz9', '6f2a1c3e', 'dl_user', 'smba', 'Dupont', 'Jean', 'orange', '06 12', '732', 'FR76', 'République', '30000']) expect(stored).not.toContain(secret);
    expect(Object.keys(JSON.parse(stored)).sort()).toEqual(['at', 'channel', 'confidence', 'kind', 'question', 'topicGuess']);
    expect(JSON.parse(stored).question).toBe('je m’appelle [nom], [courriel], [téléphone], SIRET [SIRET], IBAN [IBAN], [adresse] : le DUME ?');
  });

  it('reduces channel, topic and confidence to their shapes (a forged card value is no topic)', async () => {
    const store = new GapStore(dataDir);
    const log = new GapLog(store, { now: () => NOW });
    await log.record({ kind: 'LOW_CONFIDENCE', question: 'q', channel: 'MsTeams', topicGuess: '<img src=x>', confidence: 7 });
    await log.record({ kind: 'LOW_CONFIDENCE', question: 'q', channel: 'web chat de jean.dupont@orange.fr', topicGuess: null, confidence: Number.NaN });
    await log.record({ kind: 'WHATEVER' as GapInput['kind'], question: 'q', channel: 'cli', topicGuess: null, confidence: 0.5 });
    expect((await store.all()).map(({ channel, topicGuess, confidence }) => ({ channel, topicGuess, confidence }))).toEqual([
      { channel: 'msteams', topicGuess: null, confidence: 1 },
      { channel: 'unknown', topicGuess: null, confidence: 0 },
    ]);
  });

  it('stores HTML, binary garbage and a 10,000-character question safely', async () => {
    const store = new GapStore(dataDir);
    const log = new GapLog(store, { now: () => NOW });
    await log.record({ kind: 'UNANSWERED', question: '<script>alert(1)</script><b>c koi</b> le <img src=x onerror=alert(1)>dume', channel: 'webchat', topicGuess: null, confidence: 0 });
    await log.record({ kind: 'UNANSWERED', question: Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256)).toString('latin1'), channel: 'webchat', topicGuess: null, confidence: 0 });
    await log.record({ kind: 'UNANSWERED', question: 'pourquoi '.repeat(1_200), channel: 'webchat', topicGuess: null, confidence: 0 });
    const [html, garbage, long] = await store.all();
    expect(html?.question).toBe('c koi le dume');
    expect(garbage?.question).toBe('[illisible]');
    expect(long?.question.length).toBeLessThanOrEqual(500);
    expect(long?.question.endsWith('…')).toBe(true);
    expect(readFileSync(store.file, 'utf8')).not.toMatch(/[<>]/);
  });

  it('does not reject when the disk refuses a record, and writes it with the next one', async () => {
    const store = new GapStore(dataDir);
    // A folder where the file should be: every append fails.
    mkdirSync(store.file);
    const warnings: unknown[] = [];
    const log = new GapLog(store, { now: () => NOW, logger: { warn: (details) => warnings.push(details) } });
    await expect(log.record({ kind: 'UNANSWERED', question: 'première', channel: 'webchat', topicGuess: null, confidence: 0 })).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ event: 'faq_gap_not_saved' })]);
    expect(JSON.stringify(warnings)).not.toContain('première');
    rmSync(store.file, { recursive: true });
    await log.record({ kind: 'UNANSWERED', question: 'deuxième', channel: 'webchat', topicGuess: null, confidence: 0 });
    expect((await store.all()).map((record) => record.question)).toEqual(['première', 'deuxième']);
  });
});

describe('FeedbackLog: the anonymous « Cette réponse vous a aidé ? »', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-feedbacklog-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores topic, answer, channel and hour only, and ignores forged or unknown topics', async () => {
    const store = new FeedbackStore(dataDir);
    const log = new FeedbackLog(store, { now: () => NOW, isKnownTopic: (id) => id.startsWith('FAQ_') });
    await log.record({ topic: 'FAQ_DEADLINE', helpful: false, channel: 'webchat', userId: '29:1abc', conversationId: 'a:1xyz' } as Parameters<FeedbackLog['record']>[0]);
    await log.record({ topic: 'NOT_A_TOPIC', helpful: true, channel: 'webchat' });
    await log.record({ topic: '<script>', helpful: true, channel: 'webchat' });
    await log.record({ topic: 'FAQ_DEADLINE', helpful: 'oui' as unknown as boolean, channel: 'webchat' });
    expect(readFileSync(store.file, 'utf8')).toBe(`${JSON.stringify({ at: '2026-11-20T14:00:00.000Z', topic: 'FAQ_DEADLINE', helpful: false, channel: 'webchat' })}\n`);
  });
});

describe('openFaqLogs: one pair of logs for the chat, the CLI and the retention', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-faqlogs-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('purges both logs by the retention in months, and by any age asked for', async () => {
    let now = new Date('2025-10-15T10:00:00Z');
    const logs = openFaqLogs(dataDir, { retentionMonths: 12, now: () => now });
    await logs.gaps.record({ kind: 'UNANSWERED', question: 'il y a 13 mois', channel: 'webchat', topicGuess: null, confidence: 0 });
    await logs.feedback.record({ topic: 'FAQ_WHAT_IS_DUME', helpful: true, channel: 'webchat' });
    now = new Date('2026-01-15T10:00:00Z');
    await logs.gaps.record({ kind: 'UNANSWERED', question: 'il y a 10 mois', channel: 'webchat', topicGuess: null, confidence: 0 });
    now = new Date('2026-11-20T10:00:00Z');
    await logs.gaps.record({ kind: 'NOT_HELPFUL', question: 'aujourd’hui', channel: 'webchat', topicGuess: 'FAQ_DEADLINE', confidence: 0.7 });

    await logs.purgeExpired();
    expect((await logs.listGaps()).map((record) => record.question)).toEqual(['il y a 10 mois', 'aujourd’hui']);
    expect(await logs.listFeedback()).toEqual([]);

    const report = await logs.purge(1);
    expect(report).toEqual({
      cutoff: '2026-10-20T10:00:00.000Z',
      gaps: { file: path.join(dataDir, 'faq', 'gaps.jsonl'), removed: 1, kept: 1 },
      feedback: { file: path.join(dataDir, 'faq', 'feedback.jsonl'), removed: 0, kept: 0 },
    });
    expect(await logs.close(1_000)).toBe(true);
  });
});
