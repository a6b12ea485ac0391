import { FaqClassifier, type FaqKnowledge, type FaqModel } from '../faq';
import type { Logger } from '../logger';
import type { FaqModelCache } from './faqModelCache';

const trained = new Map<string, FaqClassifier>();
const MAX_TRAINED = 4;

/** Where a classifier not yet in this process may come from before it is trained: the disk cache. */
export interface FaqModelSource {
  cache: FaqModelCache;
  logger: Logger;
}

/** Restored from the disk cache, or trained here and stored there for the next start. */
function restoredOrTrained(faq: FaqKnowledge, key: string, source: FaqModelSource | undefined): FaqClassifier {
  const cached = source?.cache.read(key, faq);
  if (cached) {
    try {
      const classifier = FaqClassifier.fromModel(faq, cached);
      source?.logger.info({ event: 'faq_model_cached', faqKey: key }, 'FAQ model restored from the cache, not trained');
      return classifier;
    } catch {
      // A model that does not fit this FAQ is one more doubt: train instead.
    }
  }
  const classifier = new FaqClassifier(faq);
  if (source) {
    const stored = source.cache.write(key, classifier.toModel());
    source.logger.info({ event: 'faq_model_trained', faqKey: key, stored }, 'FAQ model trained');
  }
  return classifier;
}

/**
 * The FAQ classifiers of this process by fingerprint: a reload that leaves the FAQ as it was, or a
 * second start over the same files (tests, a restart in place), does not train again.
 */
export function faqClassifier(faq: FaqKnowledge, key: string, model?: FaqModel, source?: FaqModelSource): FaqClassifier {
  let classifier = trained.get(key);
  if (!classifier) {
    classifier = model ? FaqClassifier.fromModel(faq, model) : restoredOrTrained(faq, key, source);
    trained.set(key, classifier);
    for (const oldest of trained.keys()) if (trained.size > MAX_TRAINED) trained.delete(oldest);
  }
  return classifier;
}

/** The fingerprints already trained: what a reload need not train again. */
export function trainedFaqKeys(): string[] {
  return [...trained.keys()];
}
