import { capLength } from './capLength';
import { cleanForStorage } from './cleanForStorage';
import { scrubPersonalData } from './scrubPersonalData';
import { UNREADABLE_TOKEN } from './tokens';

export interface PrepareOptions {
  /** Characters kept; longer texts end with « … ». */
  maxLength: number;
}

/** Far beyond any chat message (Teams caps them near 28 KB): the rest is not even cleaned. */
const MAX_INPUT = 65_536;
/** Longer clean texts are cut before scrubbing, which bounds its cost (a 10,000-character message). */
const SCRUB_WINDOW_FACTOR = 8;
/**
 * An identifier cut in two by that first cut may be unrecognisable: the last characters before
 * it are dropped too, more than the longest spaced identifier (a spelled-out e-mail, an address).
 */
const CUT_MARGIN = 120;

/** Clean, scrub, shorten: the one way a user's free text is written to disk. */
export function prepareForStorage(raw: string, options: PrepareOptions): string {
  if (typeof raw !== 'string') return UNREADABLE_TOKEN;
  const clean = cleanForStorage(raw.slice(0, MAX_INPUT));
  if (!clean) return UNREADABLE_TOKEN;
  const window = options.maxLength * SCRUB_WINDOW_FACTOR;
  if (clean.length <= window) return capLength(scrubPersonalData(clean), options.maxLength);
  const scrubbed = scrubPersonalData(clean.slice(0, window));
  const kept = scrubbed.slice(0, Math.max(0, scrubbed.lastIndexOf(' ', scrubbed.length - CUT_MARGIN))).trimEnd();
  return capLength(`${kept}…`, options.maxLength);
}
