/**
 * Storage hygiene for any text a user typed and a buyer will read later: no markup, no control or
 * invisible characters, one space between words, and never something a page could render as HTML.
 * Returns '' when nothing readable is left (binary garbage, control characters only).
 */
export function cleanForStorage(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  const wellFormed = raw.replace(LONE_SURROGATE, '\uFFFD');
  if (looksBinary(wellFormed)) return '';
  const text = stripMarkup(decodeEntities(wellFormed))
    .normalize('NFKC')
    .replace(/[\t\n\r\f\v\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    // Left over after the tags are gone: « montant < 40 000 € ». Angle quotes read the same and open no tag.
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/\s+/g, ' ')
    .trim();
  return /[\p{L}\p{N}\p{S}]/u.test(text) ? text : '';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Controls, format characters (zero-width, bidi overrides, soft hyphen), private use, noncharacters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\uFFFD\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;
/** What a file's bytes decoded as text are full of, and a question never holds. */
const GARBAGE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD\p{Co}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;

function looksBinary(text: string): boolean {
  const garbage = text.match(GARBAGE)?.length ?? 0;
  if (garbage === 0) return false;
  const visible = text.replace(/\s+/g, '').length;
  return garbage >= 3 && garbage >= visible * 0.1;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', euro: '€' };

/** Once, so that « &lt;script&gt; » is stripped like « <script> ». */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

const HIDDEN_OPENER = /<(script|style|iframe|object|embed|template|noscript|svg|math|textarea|title|xmp)\b[^<>]*>/gi;
/** Block-level tags separate words; inline ones (« <b>DC</b>1 ») do not. */
const BLOCK_TAG = /<\/?(?:p|div|br|hr|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|section|article|header|footer)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-z][^<>]*>|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^<>]*>/gi;

/** Elements whose content is code or invisible go whole; one left open takes the rest of the text with it. */
function stripHiddenElements(text: string): string {
  let out = '';
  let from = 0;
  HIDDEN_OPENER.lastIndex = 0;
  for (let opener = HIDDEN_OPENER.exec(text); opener; opener = HIDDEN_OPENER.exec(text)) {
    out += `${text.slice(from, opener.index)} `;
    const closer = new RegExp(`</${opener[1]}\\s*>`, 'i');
    const rest = text.slice(HIDDEN_OPENER.lastIndex);
    const end = closer.exec(rest);
    if (!end) return out;
    from = HIDDEN_OPENER.lastIndex + end.index + end[0].length;
    HIDDEN_OPENER.lastIndex = from;
  }
  return out + text.slice(from);
}

function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return stripHiddenElements(text).replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
}
