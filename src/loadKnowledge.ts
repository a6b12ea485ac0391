import { type BidCheckKnowledge, loadCheckKnowledge } from './bidcheck';
import { type FaqKnowledge, loadFaq } from './faq';
import { loadConversationKnowledge, readKnowledgeFiles } from './knowledge/loadKnowledge';
import type { ConversationKnowledge } from './knowledge/types';

/** Everything the assistant knows: the conversation's texts and intents, the bid check's rules and the FAQ. */
export type Knowledge = ConversationKnowledge & BidCheckKnowledge & { faq: FaqKnowledge };

/** Reads and validates the knowledge folder once; each service cross-checks its own part. */
export function loadKnowledge(dir: string): Knowledge {
  const files = readKnowledgeFiles(dir);
  return { ...loadConversationKnowledge(files), ...loadCheckKnowledge(files), faq: loadFaq(files) };
}
