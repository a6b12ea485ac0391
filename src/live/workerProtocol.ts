import type { FaqModel } from '../faq';
import type { KnowledgeProblem } from '../knowledge/problems';
import type { Knowledge } from '../loadKnowledge';

/** What the reload worker is asked: a folder, today (upcoming purchases may not be past), and the FAQs already trained. */
export interface WorkerTask {
  dir: string;
  now: string;
  trained: string[];
  /** `announcedPurchases` of the knowledge in service (validateKnowledge's `alreadyAnnounced`). */
  announced: string[];
  /** The disk cache of trained FAQ models (faqModelCache.ts): read before training, written after. */
  faqCacheDir?: string;
}

/** What it answers: first `training` when it starts training (status().training), then `done`. */
export type WorkerReply =
  | { kind: 'training' }
  | { kind: 'done'; problems: KnowledgeProblem[]; knowledge?: Knowledge; version?: string; faqKey?: string; model?: FaqModel; modelCached?: boolean }
  | { kind: 'failed'; reason: string; problems: KnowledgeProblem[] };
