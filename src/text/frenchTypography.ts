/** Espace fine insécable: before ; ! ? and inside « » (Lexique des règles typographiques de l'Imprimerie nationale). */
export const NARROW_NBSP = '\u202F';
/** Espace insécable: before the colon. */
export const NBSP = '\u00A0';

/** Web addresses and e-mail addresses are left exactly as written: a space inside would break them. */
const PROTECTED = /(?:https?:\/\/|www\.)[^\s«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function typesetPlain(text: string): string {
  return (
    text
      // A space already typed before the sign becomes the right non-breaking one — unless the sign
      // starts an emoticon (" :)", " ;-)").
      .replace(/[ \u00A0\u202F]+([!?])(?=[\s*»")\].,!?]|$)/g, `${NARROW_NBSP}$1`)
      .replace(/[ \u00A0\u202F]+;(?=[\s*»"]|$)/g, `${NARROW_NBSP};`)
      .replace(/[ \u00A0\u202F]+:(?=[\s*»"]|$)/g, `${NBSP}:`)
      // A sign glued to a word and followed by a space or the end: "Attention:" → "Attention :". The colon
      // only after a letter, so that "12:00", "1:2" and ":)" stay as they are; a sign followed by text
      // ("page.php?id=3") is not touched.
      .replace(/([\p{L}\p{N}»)])([;!?]+)(?=\s|$)/gu, `$1${NARROW_NBSP}$2`)
      .replace(/([\p{L}»)]):(?=\s|$)/gu, `$1${NBSP}:`)
      // Guillemets: one narrow non-breaking space inside each.
      .replace(/«[ \u00A0\u202F]*/g, `«${NARROW_NBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NARROW_NBSP}»`)
  );
}

/**
 * Every chat turn typesets the same knowledge texts again (an FAQ card is a dozen of them, seven
 * regular expressions each: ~10 % of a turn's CPU). The function is pure, so its results are kept.
 */
const memo = new Map<string, string>();
const MEMO_MAX_ENTRIES = 5_000;
const MEMO_MAX_CHARS = 4_000;

/**
 * French typography for a text a person will read: non-breaking spaces before « : ; ? ! » and inside
 * « ». Pure and idempotent, applied where texts leave for the user (chat messages, cards, the text
 * report), so that texts edited by the CCI get it without thinking about it. Addresses, e-mails,
 * times ("12:00") and emoticons are left alone; newlines are never replaced.
 */
export function frenchTypography(text: string): string {
  if (text.length > MEMO_MAX_CHARS) return typeset(text);
  let done = memo.get(text);
  if (done === undefined) {
    // Bounded: texts filled with what users typed must not grow memory without limit.
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, (done = typeset(text)));
  }
  return done;
}

function typeset(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    out += typesetPlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + typesetPlain(text.slice(last));
}
