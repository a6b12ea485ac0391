/** Words kept between two trade words: « agent de sécurité », « bureau d'études ». */
const LINKS = new Set(['de', "d'", 'du', 'des', 'en', 'et', 'à', 'a', 'au', 'aux', 'la', 'le', "l'"]);
/** A trade is said in a few words; a longer answer is a sentence, not a trade. */
const MAX_ANSWER_WORDS = 12;
const MAX_TRADE_WORDS = 6;

/**
 * The trade an SME gave, reduced to the words the trade table knows (`isTradeWord`, the CPV
 * keywords): « Martin Plomberie SARL » → « plomberie », « plombier chez Dupont à Alès » →
 * « plombier ». A firm's or a person's name is no trade word, so it cannot be kept; undefined
 * when no trade word is left.
 */
export function tradeOf(text: string, isTradeWord: (word: string) => boolean): string | undefined {
  const tokens = text
    .normalize('NFC')
    .replace(/’/g, "'")
    .toLowerCase()
    .split(/[\s,;:.!?()«»"/]+|(?<=')/u)
    .filter(Boolean);
  if (tokens.length > MAX_ANSWER_WORDS) return undefined;
  const kept: string[] = [];
  let links: string[] = [];
  for (const token of tokens) {
    if (LINKS.has(token)) {
      if (kept.length) links.push(token);
    } else if (/^\p{L}[\p{L}\p{M}-]{2,}$/u.test(token) && isTradeWord(token)) {
      kept.push(...links, token);
      links = [];
    } else {
      links = [];
    }
  }
  if (kept.length === 0) return undefined;
  return kept.slice(0, MAX_TRADE_WORDS).join(' ').replace(/' /g, "'");
}
