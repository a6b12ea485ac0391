/**
 * What the FAQ cards' buttons post back (Action.Submit data, read from the activity's value). Only
 * references and topic ids: what was asked stays in the conversation state (dialogs/faq/faqMemory.ts).
 */
export type FaqSubmit =
  /** A related topic, or one of the two of a « which one? »: answer it. */
  | { ha30Faq: 'topic'; topic: string; ref?: number }
  /** « Cette réponse vous a aidé ? Oui / Non ». */
  | { ha30Faq: 'feedback'; ref: number; topic: string; helpful: boolean }
  /** « Aucun des deux ». */
  | { ha30Faq: 'none'; ref: number };

const TOPIC_ID = /^[A-Z][A-Z0-9_]{1,79}$/;

function isRef(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** The button's data if it is one of ours and well formed; anything else is not an FAQ click. */
export function faqSubmitOf(value: unknown): FaqSubmit | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const topic = typeof data.topic === 'string' && TOPIC_ID.test(data.topic) ? data.topic : undefined;
  switch (data.ha30Faq) {
    case 'topic':
      if (!topic) return undefined;
      return isRef(data.ref) ? { ha30Faq: 'topic', topic, ref: data.ref } : { ha30Faq: 'topic', topic };
    case 'feedback':
      return topic && isRef(data.ref) && typeof data.helpful === 'boolean' ? { ha30Faq: 'feedback', ref: data.ref, topic, helpful: data.helpful } : undefined;
    case 'none':
      return isRef(data.ref) ? { ha30Faq: 'none', ref: data.ref } : undefined;
    default:
      return undefined;
  }
}

/** Any value that claims to be an FAQ click, even malformed: it must not fall through to another reading. */
export function claimsFaqSubmit(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'ha30Faq' in value;
}
