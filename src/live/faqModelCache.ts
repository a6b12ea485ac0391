import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type FaqKnowledge, type FaqModel, OUT_OF_SCOPE } from '../faq';
import { faqCodeFingerprint } from './faqCodeFingerprint';
import { decodeFaqModel, encodeFaqModel } from './faqModelJson';

/** Models kept: the one in service, the previous ones an undo brings back, a few test variants. */
const KEEP = 8;

/**
 * Trained FAQ models on disk, by FAQ and code: a restart, or another app start over the same FAQ
 * (the test suite starts dozens), restores the model instead of training it again. Anything doubtful
 * is ignored and replaced; every failure only means training, never an error.
 */
export class FaqModelCache {
  constructor(
    readonly dir: string,
    private readonly code: string = faqCodeFingerprint(),
  ) {}

  /** The file name's key: the FAQ's fingerprint (faqFingerprint.ts) with the classifier code's. */
  key(faqKey: string): string {
    return createHash('sha256').update(`${faqKey}\n${this.code}`).digest('hex');
  }

  file(faqKey: string): string {
    return path.join(this.dir, `${this.key(faqKey)}.json`);
  }

  /** The model trained on this FAQ by this code, if a valid one is stored. */
  read(faqKey: string, faq: FaqKnowledge): FaqModel | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(faqKey), 'utf8');
    } catch {
      return undefined;
    }
    const model = decodeFaqModel(text, [...faq.topics.map((topic) => topic.id), OUT_OF_SCOPE]);
    // A model in use counts as new: pruning removes the ones no start has asked for lately.
    if (model) this.touch(faqKey);
    return model;
  }

  private touch(faqKey: string): void {
    try {
      const now = new Date();
      utimesSync(this.file(faqKey), now, now);
    } catch {
      // Read-only cache: it still serves, it just is not reordered.
    }
  }

  /** Stores a model (temp file + rename: a reader never sees half of it), then keeps the newest files only. */
  write(faqKey: string, model: FaqModel): boolean {
    const file = this.file(faqKey);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, encodeFaqModel(model), { mode: 0o600 });
      renameSync(temp, file);
      this.prune();
      return true;
    } catch {
      rmSync(temp, { force: true });
      return false;
    }
  }

  private prune(): void {
    const entries = readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => {
        try {
          return [{ name, at: statSync(path.join(this.dir, name)).mtimeMs }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(KEEP)) rmSync(path.join(this.dir, old.name), { force: true });
  }
}
