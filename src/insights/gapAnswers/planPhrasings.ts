import { createNormalizer } from '../../faq/normalizeQuestion';
import type { FaqSettings, FaqTopic } from '../../faq/types';
import { prepareForStorage, UNREADABLE_TOKEN } from '../../privacy';

/** The schema's longest phrasing (knowledge/schemas/faq-topic.schema.json). */
export const MAX_PHRASING_CHARS = 200;

/** A question that another topic (or the out-of-scope list) already owns: the FAQ loader refuses it twice. */
export interface PhrasingConflict {
  question: string;
  /** null: it is in faq/settings.json's outOfScope. */
  topicId: string | null;
  title?: string;
}

export interface PhrasingPlan {
  /** Scrubbed, distinct once normalised, new to the target: the phrasings to add, in the order given. */
  added: string[];
  /** Already phrasings of the target topic (or given twice): nothing to add. */
  alreadyThere: string[];
  /** Nothing readable left once scrubbed (empty, markup only, control characters). */
  unreadable: number;
  conflicts: PhrasingConflict[];
}

/**
 * What a gap cluster's questions become in a topic: scrubbed again (the log scrubbed them, a CCI
 * adviser may have edited them), folded as the FAQ loader folds phrasings, without the ones the
 * target already has, and with those another topic owns set apart (they would make the save fail).
 */
export function planPhrasings(questions: readonly string[], topics: readonly FaqTopic[], settings: FaqSettings, targetId: string): PhrasingPlan {
  const normalize = createNormalizer(settings.lexicon);
  const keyOf = (text: string) => normalize(text).tokens.join(' ');
  const owners = new Map<string, FaqTopic | null>();
  for (const topic of topics) for (const phrasing of topic.phrasings) if (!owners.has(keyOf(phrasing))) owners.set(keyOf(phrasing), topic);
  for (const phrasing of settings.outOfScope) if (!owners.has(keyOf(phrasing))) owners.set(keyOf(phrasing), null);
  const plan: PhrasingPlan = { added: [], alreadyThere: [], unreadable: 0, conflicts: [] };
  const seen = new Set<string>();
  for (const raw of questions) {
    const text = prepareForStorage(raw, { maxLength: MAX_PHRASING_CHARS });
    const key = text === UNREADABLE_TOKEN ? '' : keyOf(text);
    if (!key) {
      plan.unreadable += 1;
      continue;
    }
    const owner = owners.get(key);
    if (seen.has(key) || owner?.id === targetId) plan.alreadyThere.push(text);
    else if (owner === undefined) plan.added.push(text);
    else plan.conflicts.push({ question: text, topicId: owner?.id ?? null, ...(owner ? { title: owner.title } : {}) });
    seen.add(key);
  }
  return plan;
}
