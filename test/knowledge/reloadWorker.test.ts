import { existsSync, rmSync } from 'node:fs';
import { FaqService } from '../../src/faq';
import { Messages } from '../../src/knowledge/Messages';
import { faqFingerprint } from '../../src/live/faqFingerprint';
import { loadInWorker, workerFile } from '../../src/live/loadInWorker';
import { createLogger } from '../../src/logger';
import { editJson, knowledgeCopy, writeRaw } from './support/liveFolder';

jest.setTimeout(120_000);

const logger = createLogger('silent');
const context = (training: () => void = () => undefined) => ({ signal: new AbortController().signal, training: (busy: boolean) => busy && training() });

describe('the reload worker thread', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is the compiled worker (dist/, built before the tests), not the in-process fallback', () => {
    expect(workerFile()).toMatch(/dist[\\/]src[\\/]live[\\/]knowledgeWorker\.js$/);
    expect(existsSync(workerFile())).toBe(true);
  });

  it('reads, validates and trains off the main thread, and its model answers as a FAQ trained here', async () => {
    const dir = knowledgeCopy();
    dirs.push(dir);
    let trained = false;
    const loaded = await loadInWorker(dir, context(() => (trained = true)), [], logger);
    expect(loaded.problems).toEqual([]);
    expect(trained).toBe(true);
    const { knowledge, model, faqKey } = loaded.knowledge!;
    expect(faqKey).toBe(faqFingerprint(knowledge.faq));
    const messages = new Messages(knowledge.messages);
    const fromWorker = FaqService.fromModel(knowledge.faq, messages, model!);
    const here = new FaqService(knowledge.faq, messages);
    for (const question of ['kbis de moins de 3 mois c obligatoire ?', 'c koi le dume', 'tu connais un bon garagiste ?', 'avance de 30 % pour une PME ?']) {
      expect(fromWorker.understand(question)).toEqual(here.understand(question));
    }
  });

  it('does not train a FAQ already trained, and reports every problem of an invalid folder', async () => {
    const dir = knowledgeCopy();
    dirs.push(dir);
    const first = await loadInWorker(dir, context(), [], logger);
    let trained = false;
    const again = await loadInWorker(dir, context(() => (trained = true)), [first.knowledge!.faqKey], logger);
    expect(trained).toBe(false);
    expect(again.knowledge!.model).toBeUndefined();
    expect(again.version).toBe(first.version);
    writeRaw(dir, 'events.json', '{');
    editJson(dir, 'rules/settings.json', (data) => {
      data.kbisMaxAgeMonths = 'trois';
    });
    const refused = await loadInWorker(dir, context(), [], logger);
    expect(refused.knowledge).toBeUndefined();
    expect(refused.problems.map((p) => p.file).sort()).toEqual(['events.json', 'rules/settings.json']);
  });

  it('gives up when the app stops', async () => {
    const dir = knowledgeCopy();
    dirs.push(dir);
    const controller = new AbortController();
    const pending = loadInWorker(dir, { signal: controller.signal, training: () => undefined }, [], logger);
    controller.abort();
    await expect(pending).resolves.toEqual({ problems: [] });
  });
});
