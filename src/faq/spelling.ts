import { boundedEditDistance } from './editDistance';

/** Words shorter than this are abbreviations or SMS (the lexicon's job), never typos to correct. */
const MIN_LENGTH = 4;
/** Two edits may also turn one real word into another (« garagiste » → « garantie »): they must keep most trigrams. */
const MIN_TRIGRAM_OVERLAP = 0.3;
/** A known word seen at most this often may be a typo of the texts themselves… */
const RARE = 5;
/** …when a word one edit away is this many times more frequent. */
const COMMONER = 5;

function trigrams(word: string): Set<string> {
  const marked = `^${word}$`;
  const grams = new Set<string>();
  for (let at = 0; at + 3 <= marked.length; at++) grams.add(marked.slice(at, at + 3));
  return grams;
}

/** Jaccard overlap of the two words' trigrams (with word boundaries). */
function trigramOverlap(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

/**
 * Typo correction against the words the FAQ knows: an unknown word becomes the known word at edit
 * distance 1 (2 from 8 letters, if most trigrams are kept: « attestaion », « decenale », « atestasion »), the most frequent
 * one on ties. A word too far from every known word stays as it is: it is the coverage gate's
 * evidence that the question speaks of something the FAQ does not know.
 */
export class Spelling {
  /** Known words by first letter and length: the only ones a typo of a word is compared with. */
  private readonly byStart = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    for (const word of frequency.keys()) {
      const key = `${word[0]}${word.length}`;
      const list = this.byStart.get(key) ?? [];
      list.push(word);
      this.byStart.set(key, list);
    }
  }

  knows(word: string): boolean {
    return this.frequency.has(word);
  }

  correct(word: string): string {
    const once = this.correctOnce(word);
    // « atestasion » → « atestation » (a slip the texts also make) → « attestation ».
    return once === word ? once : this.correctOnce(once);
  }

  private correctOnce(word: string): string {
    if (word.length < MIN_LENGTH || /\d/.test(word)) return word;
    const known = this.frequency.get(word) ?? 0;
    // A word the texts themselves misspell once or twice (« decenale ») joins its common spelling.
    if (known > RARE || (known > 0 && word.length < 6)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const allowed = known > 0 ? 1 : word.length >= 8 ? 2 : 1;
    const floor = known > 0 ? known * COMMONER : 0;
    let best = word;
    let bestDistance = allowed + 1;
    let bestFrequency = 0;
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      // The first letter is rarely the typo; requiring it also keeps the comparisons few.
      for (const candidate of this.byStart.get(`${word[0]}${length}`) ?? []) {
        const distance = boundedEditDistance(word, candidate, allowed);
        if (distance > allowed || (distance === 2 && trigramOverlap(word, candidate) < MIN_TRIGRAM_OVERLAP)) continue;
        const frequency = this.frequency.get(candidate)!;
        if (distance === 0 || frequency <= floor) continue;
        if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
          best = candidate;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    // Bounded: a flood of distinct garbage words must not grow memory without limit.
    if (this.cache.size < 50_000) this.cache.set(word, best);
    return best;
  }
}
