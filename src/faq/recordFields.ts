/**
 * The fields of the anonymous FAQ records, reduced to what they may hold: a record must carry
 * nothing that could single out a user or a conversation, even when a caller passes more.
 */

/** Channel ids are short lowercase words (msteams, webchat, directline, emulator, cli). */
export function channelOf(raw: unknown): string {
  const channel = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return /^[a-z][a-z0-9._-]{0,31}$/.test(channel) ? channel : 'unknown';
}

/** FAQ ids look like FAQ_WHAT_IS_DUME; anything else (a forged card value) is no topic. */
export function topicIdOf(raw: unknown): string | null {
  return typeof raw === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(raw) ? raw : null;
}

export function confidenceOf(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return 0;
  return Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;
}

/**
 * The hour the record was made, not the second: enough for the buyers' figures and the retention,
 * too coarse to match a record with one conversation's turn in the server's logs.
 */
export function hourOf(date: Date): string {
  const hour = new Date(date.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
