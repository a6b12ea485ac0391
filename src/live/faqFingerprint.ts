import { createHash } from 'node:crypto';
import type { FaqKnowledge } from '../faq';
import type { Knowledge } from '../loadKnowledge';

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** What the FAQ classifier is trained on, as a key: the same FAQ is never trained twice in a process. */
export function faqFingerprint(faq: FaqKnowledge): string {
  return hash(faq);
}

/** The version of a whole knowledge (GET /api/knowledge/status): a change of any file's content changes it. */
export function knowledgeVersion(knowledge: Knowledge): string {
  return hash(knowledge);
}
