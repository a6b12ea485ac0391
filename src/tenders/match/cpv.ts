import { existsSync } from 'node:fs';
import path from 'node:path';
import { boundedEditDistance } from '../../faq/editDistance';
import { readValidated } from '../../knowledge/validateFile';
import { baseFold } from '../../text/baseFold';
import { foldedFrenchWords } from './frenchWords';
import { prefixTerm, PREFIX_WEIGHT, stems, stemWord, words } from './text';

export interface CpvEntry {
  code: string;
  label: string;
  keywords?: string[];
}
export interface CpvFile {
  codes: CpvEntry[];
}

export type CpvLevel = 'division' | 'groupe' | 'classe' | 'catégorie';

export interface CpvSuggestion {
  code: string;
  label: string;
  level: CpvLevel;
  score: number;
}

/** Number of meaningful leading digits: 45330000 → 4 (a class), 45000000 → 2 (a division). */
export function significantLength(code: string): number {
  let length = 8;
  while (length > 2 && code[length - 1] === '0') length -= 1;
  return length;
}

export function levelOf(code: string): CpvLevel {
  const length = significantLength(code);
  return length <= 2 ? 'division' : length === 3 ? 'groupe' : length === 4 ? 'classe' : 'catégorie';
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < 8 && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  return i;
}

export interface CpvOverlap {
  score: number;
  /** Digits the two codes share where it counts (2 = same division … 8 = same code). */
  depth: number;
  /** The tender code falls inside the SME's code (or is the same). */
  inside: boolean;
}

/**
 * How close a tender's CPV code is to one the SME declared. A tender code inside the SME's class
 * is a full match; a tender announced only by its group while the SME named a class is almost
 * one; sharing only the division (45, "travaux de construction") says little.
 */
export function cpvOverlap(profileCode: string, tenderCode: string): CpvOverlap {
  const common = commonPrefix(profileCode, tenderCode);
  const sigProfile = significantLength(profileCode);
  const sigTender = significantLength(tenderCode);
  if (common >= Math.min(sigProfile, sigTender)) {
    if (sigProfile <= sigTender) return { score: 1, depth: sigProfile, inside: true };
    const depth = sigTender;
    return { score: depth <= 2 ? 0.45 : depth === 3 ? 0.75 : depth === 4 ? 0.9 : 0.95, depth, inside: false };
  }
  const score = common < 2 ? 0 : common === 2 ? 0.3 : common === 3 ? 0.6 : common === 4 ? 0.8 : 0.9;
  return { score, depth: common, inside: false };
}

/** Shorter words are never read as a misspelt trade word: one letter off, « point » is « pont », « tente » « tonte ». */
export const TRADE_TYPO_MIN_LENGTH = 6;
/** From this length two edits are allowed (« carelleur » → « carreleur »), if most trigrams are kept. */
const TWO_EDITS_FROM = 8;
const MIN_TRIGRAM_OVERLAP = 0.3;

function trigramOverlap(a: string, b: string): number {
  const grams = (word: string) => {
    const marked = `^${word}$`;
    const set = new Set<string>();
    for (let at = 0; at + 3 <= marked.length; at++) set.add(marked.slice(at, at + 3));
    return set;
  };
  const left = grams(a);
  const right = grams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Keywords (sorted, joined) → the real French words near them; at most two keyword sets kept. */
const REAL_WORDS_NEAR_KEYWORDS = new Map<string, ReadonlySet<string>>();

export class CpvCatalogue {
  private readonly byCode = new Map<string, CpvEntry>();
  private readonly terms: { entry: CpvEntry; weights: Map<string, number> }[] = [];
  private readonly idf = new Map<string, number>();
  /** The keywords' words, accents folded, with the spelling to show (a label's accents when it has the word). */
  private readonly vocabulary = new Map<string, string>();
  /** The same words by first letter and length: the only ones a typo is compared with. */
  private readonly vocabularyByStart = new Map<string, string[]>();
  private readonly readings = new Map<string, string | null>();
  /**
   * The French words (a dictionary's) that a typo of a keyword could look like: read as themselves,
   * never as the keyword (« transfert » is not « transport », « partager » not « paysager »). Only
   * those within reach of a keyword are kept, worked out once at the first word to read.
   */
  private realWordsNearKeywords: ReadonlySet<string> | undefined;

  constructor(entries: readonly CpvEntry[]) {
    for (const entry of entries) this.byCode.set(entry.code, entry);
    // Only the keywords are trade words; a label's words (« contre », « base », « électrique ») would
    // also take ordinary words typed right (« centre », « basse », « électronique »).
    for (const entry of entries) for (const word of words((entry.keywords ?? []).join(' '))) this.learn(word);
    const accented = new Map<string, string>();
    for (const entry of entries) for (const word of words(entry.label)) accented.set(baseFold(word), word);
    for (const [folded, word] of this.vocabulary) this.vocabulary.set(folded, accented.get(folded) ?? word);
    const documentFrequency = new Map<string, number>();
    for (const entry of entries) {
      const weights = new Map<string, number>();
      const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      for (const stem of stems(entry.label)) {
        add(stem, 0.7);
        const prefix = prefixTerm(stem);
        if (prefix) add(prefix, 0.7 * PREFIX_WEIGHT);
      }
      for (const stem of stems((entry.keywords ?? []).join(' '))) {
        add(stem, 1);
        const prefix = prefixTerm(stem);
        if (prefix) add(prefix, PREFIX_WEIGHT);
      }
      for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      this.terms.push({ entry, weights });
    }
    for (const [term, df] of documentFrequency) this.idf.set(term, Math.log(1 + entries.length / df));
  }

  private learn(word: string): void {
    const folded = baseFold(word);
    if (this.vocabulary.has(folded) || !stemWord(folded)) return;
    this.vocabulary.set(folded, word);
    const key = `${folded[0]}${folded.length}`;
    const list = this.vocabularyByStart.get(key) ?? [];
    list.push(folded);
    this.vocabularyByStart.set(key, list);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /**
   * The catalogue's word a misspelt trade word stands for (« netoyage » → « nettoyage »,
   * « plonbier » → « plombier », « carelleur » → « carreleur »), or undefined when the word is
   * known, short, or not close to exactly one keyword. One edit is allowed, two from eight
   * letters; the first letter must be kept. `isKnown` names other real words (a tender catalogue's
   * vocabulary) that are never read as another word.
   */
  tradeWordFor(word: string, isKnown?: (folded: string) => boolean): string | undefined {
    const folded = baseFold(word);
    if (folded.length < TRADE_TYPO_MIN_LENGTH || this.vocabulary.has(folded) || !/^[a-z]+$/.test(folded)) return undefined;
    // A stop word (« entreprise », « salaries ») is no trade, whatever word it is close to.
    if (!stemWord(folded) || isKnown?.(folded)) return undefined;
    const cached = this.readings.get(folded);
    if (cached !== undefined) return cached ?? undefined;
    this.realWordsNearKeywords ??= this.cachedRealWordsNearKeywords();
    if (this.realWordsNearKeywords.has(folded)) return undefined;
    const best = this.nearestKeywords(folded);
    // Two known words as close (« peintr » is « peintre », but « plombe » could be « plombier » or « plomb »):
    // read only when they are one family (one stem); otherwise guessing would pick a trade for the SME.
    const families = new Set(best.map((candidate) => stemWord(candidate)));
    const reading = families.size === 1 ? this.vocabulary.get(best.sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!)! : null;
    if (this.readings.size < 20_000) this.readings.set(folded, reading);
    return reading ?? undefined;
  }

  /** The keywords closest to a folded word within the edit distance its length allows (none when none is). */
  private nearestKeywords(folded: string): string[] {
    const allowed = folded.length >= TWO_EDITS_FROM ? 2 : 1;
    let bestDistance = allowed + 1;
    let best: string[] = [];
    for (let length = folded.length - allowed; length <= folded.length + allowed; length++) {
      for (const candidate of this.vocabularyByStart.get(`${folded[0]}${length}`) ?? []) {
        const distance = boundedEditDistance(folded, candidate, allowed);
        if (distance > allowed || (distance === 2 && trigramOverlap(folded, candidate) < MIN_TRIGRAM_OVERLAP)) continue;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = [candidate];
        } else if (distance === bestDistance) best.push(candidate);
      }
    }
    return best;
  }

  /**
   * The dictionary's words `tradeWordFor` would otherwise read as a keyword (about 2,000 of ~310,000).
   * Each edit changes a word's letter counts by two at most, so a keyword whose counts differ by more
   * than twice the allowed edits is out of reach without working out the distance: that skips
   * nearly all of the dictionary.
   */
  /**
   * The set depends on the keywords only: a catalogue rebuilt on a reload (same CPV list, new
   * tenders) reuses it instead of blocking a chat turn for a second again.
   */
  private cachedRealWordsNearKeywords(): ReadonlySet<string> {
    const key = [...this.vocabulary.keys()].sort().join(' ');
    let near = REAL_WORDS_NEAR_KEYWORDS.get(key);
    if (!near) {
      near = this.findRealWordsNearKeywords();
      if (REAL_WORDS_NEAR_KEYWORDS.size >= 2) REAL_WORDS_NEAR_KEYWORDS.clear();
      REAL_WORDS_NEAR_KEYWORDS.set(key, near);
    }
    return near;
  }

  private findRealWordsNearKeywords(): ReadonlySet<string> {
    const counts = (word: string, into: Int16Array) => {
      into.fill(0);
      for (let at = 0; at < word.length; at++) {
        const letter = word.charCodeAt(at) - 97;
        into[letter >= 0 && letter < 26 ? letter : 26]! += 1;
      }
      return into;
    };
    const keywordCounts = new Map<string, Int16Array>();
    for (const keyword of this.vocabulary.keys()) keywordCounts.set(keyword, counts(keyword, new Int16Array(27)));
    const wordCounts = new Int16Array(27);
    const withinReach = (word: string): boolean => {
      const allowed = word.length >= TWO_EDITS_FROM ? 2 : 1;
      counts(word, wordCounts);
      for (let length = word.length - allowed; length <= word.length + allowed; length++) {
        for (const candidate of this.vocabularyByStart.get(`${word[0]}${length}`) ?? []) {
          const other = keywordCounts.get(candidate)!;
          let apart = 0;
          for (let letter = 0; letter < 27 && apart <= 2 * allowed; letter++) apart += Math.abs(wordCounts[letter]! - other[letter]!);
          if (apart <= 2 * allowed) return true;
        }
      }
      return false;
    };
    const near = new Set<string>();
    for (const word of foldedFrenchWords(TRADE_TYPO_MIN_LENGTH)) {
      if (!this.vocabulary.has(word) && withinReach(word) && this.nearestKeywords(word).length) near.add(word);
    }
    return near;
  }

  /** The activity's words, each misspelt trade word replaced by the catalogue's (see `tradeWordFor`). */
  readTrades(activity: string, isKnown?: (folded: string) => boolean): string {
    return words(activity)
      .map((word) => this.tradeWordFor(word, isKnown) ?? word)
      .join(' ');
  }

  hasDivision(division: string): boolean {
    return this.byCode.has(`${division}000000`);
  }

  /** The label of the code or of its nearest listed ancestor, and which code that label is for. */
  describe(code: string): { code: string; label: string } | undefined {
    for (let length = 8; length >= 2; length -= 1) {
      const ancestor = code.slice(0, length).padEnd(8, '0');
      const entry = this.byCode.get(ancestor);
      if (entry) return { code: ancestor, label: entry.label };
    }
    return undefined;
  }

  /**
   * CPV codes an activity text points to, best first: "plombier chauffagiste" → 45330000 Travaux de
   * plomberie, 45331000 chauffage…. Divisions only come when nothing finer matches. Misspelt trade
   * words are read first (« netoyage de bureau » is cleaning, not office supplies).
   */
  suggest(activity: string, limit = 5, isKnown?: (folded: string) => boolean): CpvSuggestion[] {
    const query = new Set<string>();
    for (const stem of stems(this.readTrades(activity, isKnown))) {
      query.add(stem);
      const prefix = prefixTerm(stem);
      if (prefix) query.add(prefix);
    }
    if (!query.size) return [];
    const scored: CpvSuggestion[] = [];
    for (const { entry, weights } of this.terms) {
      let score = 0;
      for (const term of query) {
        const weight = weights.get(term);
        if (weight) score += weight * (this.idf.get(term) ?? 0);
      }
      if (score > 0) scored.push({ code: entry.code, label: entry.label, level: levelOf(entry.code), score });
    }
    if (!scored.length) return [];
    const best = Math.max(...scored.map((s) => s.score));
    const strong = scored.filter((s) => s.score >= best * 0.45);
    const fine = strong.filter((s) => s.level !== 'division');
    const pool = fine.length ? fine : strong;
    return pool
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, limit)
      .map((s) => ({ ...s, score: Math.round((s.score / best) * 100) / 100 }));
  }
}

/** The knowledge folder: KNOWLEDGE_DIR, else the nearest `knowledge/` above this module (src or dist). */
export function defaultKnowledgeDir(): string {
  if (process.env.KNOWLEDGE_DIR) return path.resolve(process.env.KNOWLEDGE_DIR);
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'knowledge');
    if (existsSync(path.join(candidate, 'cpv.json'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('knowledge');
}

export function loadCpvCatalogue(knowledgeDir: string = defaultKnowledgeDir()): CpvCatalogue {
  const file = readValidated<CpvFile>(path.join(knowledgeDir, 'cpv.json'), knowledgeDir);
  return new CpvCatalogue(file.codes);
}

let shared: CpvCatalogue | undefined;
/** One catalogue per process, read and validated on first use. */
export function sharedCpvCatalogue(): CpvCatalogue {
  shared ??= loadCpvCatalogue();
  return shared;
}

/** Suggests CPV codes from an activity text, with the shipped knowledge/cpv.json. */
export function suggestCpv(activity: string, limit = 5, catalogue: CpvCatalogue = sharedCpvCatalogue()): CpvSuggestion[] {
  return catalogue.suggest(activity, limit);
}
