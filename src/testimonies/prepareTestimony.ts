import { capLength, cleanForStorage, prepareForStorage, UNREADABLE_TOKEN } from '../privacy';
import type { PreparedText } from './types';

/**
 * Characters of a testimony kept: a page of text, enough to tell what went wrong and what would
 * help, short enough for a buyer to read between two others (the digest quotes 600 of them).
 */
export const MAX_TESTIMONY_CHARS = 2_000;
/** « Trop de papiers » says something; « oui » or « bof » does not. */
const MIN_WORDS = 3;
const MAX_TRADE_CHARS = 60;
/** A trade is said in a few words (« plombier chauffagiste », « traiteur événementiel »). */
const MAX_TRADE_WORDS = 8;
/** The scrubber's tokens ([nom], [téléphone]…): no word of the SME's. */
const TOKEN = /\[[^\]\s]{1,20}\]/gu;

function wordsOf(text: string): string[] {
  return text.replace(TOKEN, ' ').match(/\p{L}[\p{L}\p{M}'’-]*|\p{N}+/gu) ?? [];
}

/** The shared scrubber (« gérant de Martin Plomberie » included); the token may lengthen the text past the cut. */
function scrubbed(raw: string, maxLength: number): string {
  return capLength(prepareForStorage(raw, { maxLength }), maxLength);
}

/** Markup removed, personal data scrubbed, at most `maxLength` characters; `trimmed` when the SME wrote more. */
export function prepareTestimonyText(raw: string, maxLength = MAX_TESTIMONY_CHARS): PreparedText {
  const text = scrubbed(raw, maxLength);
  if (text === UNREADABLE_TOKEN || wordsOf(text).filter((word) => /\p{L}/u.test(word)).length < MIN_WORDS) return { ok: false, reason: 'tooShort' };
  // The cut is made after scrubbing: a text just under the limit that the tokens lengthen is cut too.
  const cleaned = cleanForStorage(raw.slice(0, maxLength * 4));
  const trimmed = cleaned.length > maxLength || (text.endsWith('…') && !cleaned.endsWith('…'));
  return { ok: true, text, trimmed };
}

/** A trade as the SME says it, scrubbed; a name or a company in its place leaves nothing, so no trade. */
export function prepareTestimonyTrade(raw: string): string | undefined {
  if (wordsOf(cleanForStorage(raw.slice(0, 1_000))).length > MAX_TRADE_WORDS) return undefined;
  const trade = scrubbed(raw, MAX_TRADE_CHARS).replace(TOKEN, ' ').replace(/\s+/g, ' ').replace(/^[\s,;:.-]+|[\s,;:-]+$/g, '');
  return /\p{L}{2}/u.test(trade) && trade !== UNREADABLE_TOKEN ? trade : undefined;
}
