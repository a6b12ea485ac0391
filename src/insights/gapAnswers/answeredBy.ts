import type { FaqAsker } from '../../faq/types';

export interface AnsweredBy {
  topicId: string;
  title: string;
}

/** Per trained FAQ (one per knowledge version): a new version is a new FaqAsker, so stale answers go with the old one. */
const memo = new WeakMap<FaqAsker, Map<string, AnsweredBy | null>>();
/** The dashboard shows at most a few hundred clusters; beyond this the memo starts again. */
const MAX_MEMO = 5_000;

/**
 * The topic that now answers a question with confidence (the chat would answer it, unasked), or null:
 * a question the FAQ hesitates on ('choose') or does not know is not answered.
 */
export function answeredBy(faq: FaqAsker, question: string): AnsweredBy | null {
  let known = memo.get(faq);
  if (!known || known.size >= MAX_MEMO) memo.set(faq, (known = new Map()));
  const cached = known.get(question);
  if (cached !== undefined) return cached;
  const understanding = faq.understand(question);
  const topicId = understanding.decision === 'answer' ? understanding.faq : null;
  const title = topicId ? faq.topics().find((topic) => topic.id === topicId)?.title : undefined;
  const result = topicId ? { topicId, title: title ?? topicId } : null;
  known.set(question, result);
  return result;
}
