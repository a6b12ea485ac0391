import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { FaqClassifier, type FaqKnowledge, type FaqModel } from '../../src/faq';
import { faqCodeFingerprint } from '../../src/live/faqCodeFingerprint';
import { faqClassifier } from '../../src/live/faqClassifiers';
import { faqFingerprint } from '../../src/live/faqFingerprint';
import { FaqModelCache } from '../../src/live/faqModelCache';
import { decodeFaqModel, encodeFaqModel } from '../../src/live/faqModelJson';
import { shippedFaq } from '../faq/support';

const QUESTIONS = ['combien de temps est valable un kbis ?', 'c’est quoi le DUME', 'attestation urssaf', 'délai de paiement d’une collectivité', 'tu connais un bon garagiste ?', 'azerty qsdfgh'];

let faq: FaqKnowledge;
let trained: FaqClassifier;
let model: FaqModel;
let dir: string;

beforeAll(() => {
  faq = shippedFaq();
  trained = new FaqClassifier(faq);
  model = trained.toModel();
});
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'ha30-faqcache-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function recording(): { logger: pino.Logger; events: () => string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, events: () => lines.map((line) => (JSON.parse(line) as { event: string }).event) };
}

const labels = (of: FaqKnowledge) => [...of.topics.map((topic) => topic.id), '__OUT_OF_SCOPE__'];

describe('the disk cache of trained FAQ models', () => {
  it('restores a stored model instead of training, and it understands every question as the trained one', () => {
    const cache = new FaqModelCache(dir);
    const faqKey = `${faqFingerprint(faq)}-restore`;
    expect(cache.write(faqKey, model)).toBe(true);
    const { logger, events } = recording();
    const restored = faqClassifier(faq, faqKey, undefined, { cache, logger });
    expect(events()).toEqual(['faq_model_cached']);
    for (const question of QUESTIONS) expect(restored.understand(question)).toEqual(trained.understand(question));
  });

  it('trains when nothing is stored, and stores the model for the next start', () => {
    const cache = new FaqModelCache(dir);
    const faqKey = `${faqFingerprint(faq)}-first`;
    const { logger, events } = recording();
    faqClassifier(faq, faqKey, undefined, { cache, logger });
    expect(events()).toEqual(['faq_model_trained']);
    expect(cache.read(faqKey, faq)).toBeDefined();
  });

  it('ignores a truncated file, trains again and replaces it with a valid one', () => {
    const cache = new FaqModelCache(dir);
    const faqKey = `${faqFingerprint(faq)}-corrupt`;
    cache.write(faqKey, model);
    const text = readFileSync(cache.file(faqKey), 'utf8');
    writeFileSync(cache.file(faqKey), text.slice(0, text.length / 2));
    expect(cache.read(faqKey, faq)).toBeUndefined();
    const { logger, events } = recording();
    faqClassifier(faq, faqKey, undefined, { cache, logger });
    expect(events()).toEqual(['faq_model_trained']);
    expect(readFileSync(cache.file(faqKey), 'utf8')).toBe(text);
  });

  it('gives a changed FAQ another key, so its old model is not used', () => {
    const changed: FaqKnowledge = { ...faq, topics: faq.topics.map((topic, at) => (at === 0 ? { ...topic, phrasings: [...topic.phrasings, 'une phrase de plus'] } : topic)) };
    const cache = new FaqModelCache(dir);
    cache.write(faqFingerprint(faq), model);
    expect(faqFingerprint(changed)).not.toBe(faqFingerprint(faq));
    expect(cache.key(faqFingerprint(changed))).not.toBe(cache.key(faqFingerprint(faq)));
    expect(cache.read(faqFingerprint(changed), changed)).toBeUndefined();
  });

  it('gives other classifier code another key: a model trained by other code is never read', () => {
    const faqKey = faqFingerprint(faq);
    new FaqModelCache(dir, 'code-a').write(faqKey, model);
    const other = new FaqModelCache(dir, 'code-b');
    expect(other.key(faqKey)).not.toBe(new FaqModelCache(dir, 'code-a').key(faqKey));
    expect(other.read(faqKey, faq)).toBeUndefined();
    expect(new FaqModelCache(dir, 'code-a').read(faqKey, faq)).toBeDefined();
  });

  it('fingerprints the bytes of the classifier code: one changed byte is another fingerprint', () => {
    const copy = path.join(dir, 'faq');
    cpSync(path.resolve(__dirname, '../../src/faq'), copy, { recursive: true });
    const before = faqCodeFingerprint([copy]);
    expect(faqCodeFingerprint([copy])).toBe(before);
    const file = path.join(copy, 'softmax.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('epochs: 8', 'epochs: 9'));
    expect(faqCodeFingerprint([copy])).not.toBe(before);
    expect(faqCodeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a model of other topics, wrong sizes or a number that is not finite', () => {
    const good = encodeFaqModel(model);
    expect(decodeFaqModel(good, labels(faq))).toBeDefined();
    expect(decodeFaqModel(good, labels({ ...faq, topics: faq.topics.slice(1) }))).toBeUndefined();
    const weights = model.softmax.weights.slice();
    weights[3] = Number.NaN;
    expect(decodeFaqModel(encodeFaqModel({ ...model, softmax: { ...model.softmax, weights } }), labels(faq))).toBeUndefined();
    expect(decodeFaqModel(encodeFaqModel({ ...model, softmax: { ...model.softmax, bias: model.softmax.bias.slice(1) } }), labels(faq))).toBeUndefined();
    expect(decodeFaqModel(encodeFaqModel({ ...model, space: { ...model.space, names: model.space.names.slice(1) } }), labels(faq))).toBeUndefined();
    const stored = JSON.parse(good) as { coverage: { topics: [string, string[]][] } };
    stored.coverage.topics[0]![0] = 'FAQ_OTHER';
    expect(decodeFaqModel(JSON.stringify(stored), labels(faq))).toBeUndefined();
    expect(decodeFaqModel('null', labels(faq))).toBeUndefined();
    expect(decodeFaqModel('{"labels":"x"}', labels(faq))).toBeUndefined();
  });

  it('keeps the newest eight models and writes no temporary file that stays', () => {
    const cache = new FaqModelCache(dir);
    const small: FaqModel = { ...model };
    for (let at = 0; at < 10; at += 1) {
      cache.write(`faq-${at}`, small);
      // Older files get older times: the order does not depend on the file system's clock resolution.
      utimesSync(cache.file(`faq-${at}`), new Date(1_000_000 * (at + 1)), new Date(1_000_000 * (at + 1)));
    }
    cache.write('faq-last', small);
    const left = readdirSync(dir);
    expect(left).toHaveLength(8);
    expect(left.every((name) => name.endsWith('.json'))).toBe(true);
    expect(existsSync(cache.file('faq-last'))).toBe(true);
    expect(existsSync(cache.file('faq-0'))).toBe(false);
    expect(existsSync(cache.file('faq-9'))).toBe(true);
  });
});
