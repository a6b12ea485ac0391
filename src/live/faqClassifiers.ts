import { FaqClassifier, type FaqKnowledge, type FaqModel } from '../faq';

const trained = new Map<string, FaqClassifier>();
const MAX_TRAINED = 4;

/**
 * The FAQ classifiers of this process by fingerprint: a reload that leaves the FAQ as it was, or a
 * second start over the same files (tests, a restart in place), does not train again.
 */
export function faqClassifier(faq: FaqKnowledge, key: string, model?: FaqModel): FaqClassifier {
  let classifier = trained.get(key);
  if (!classifier) {
    classifier = model ? FaqClassifier.fromModel(faq, model) : new FaqClassifier(faq);
    trained.set(key, classifier);
    for (const oldest of trained.keys()) if (trained.size > MAX_TRAINED) trained.delete(oldest);
  }
  return classifier;
}

/** The fingerprints already trained: what a reload need not train again. */
export function trainedFaqKeys(): string[] {
  return [...trained.keys()];
}
