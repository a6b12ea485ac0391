import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { damerauDistance } from '../../src/intents/damerauDistance';
import { loadKnowledge } from '../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../support/services';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const words = [
  ...new Set(
    [...knowledge.intents.intents.flatMap((intent) => intent.utterances), ...knowledge.faq.topics.flatMap((topic) => topic.phrasings)]
      .join(' ')
      .toLowerCase()
      .split(/[^a-zà-ÿ0-9]+/)
      .filter((word) => word.length >= 3),
  ),
];

/** A fixed pseudo-random sequence: the same typos at every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Phone typos: a letter dropped, doubled, swapped with the next, or replaced. */
function typos(word: string, random: () => number): string[] {
  const at = Math.floor(random() * word.length);
  const letter = 'aeiousnrtmc'[Math.floor(random() * 11)]!;
  return [word.slice(0, at) + word.slice(at + 1), word.slice(0, at) + word[at] + word.slice(at), word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2), word.slice(0, at) + letter + word.slice(at + 1)];
}

// The intent classifier's typo search must read exactly as before: same distance as natural's
// DamerauLevenshteinDistance on typo'd knowledge words against the whole vocabulary.
describe('damerauDistance', () => {
  it('gives natural DamerauLevenshteinDistance on hand-picked pairs, its quirks included', () => {
    const pairs: Array<[string, string]> = [
      ['', ''],
      ['', 'abc'],
      ['abc', ''],
      ['moment', 'comment'],
      ['ca', 'abc'],
      ['abcdef', 'badcfe'],
      ['aaaa', 'aa'],
      ['dossier', 'dosier'],
      ['verifer', 'verifier'],
      ['recomencer', 'recommencer'],
      ['abab', 'baba'],
      ['marché', 'marche'],
    ];
    for (const [a, b] of pairs) expect({ a, b, distance: damerauDistance(a, b) }).toEqual({ a, b, distance: DamerauLevenshteinDistance(a, b) });
  });

  it('gives natural DamerauLevenshteinDistance for typo’d knowledge words against the vocabulary', () => {
    const random = sequence(7);
    const typed = words.filter((_, i) => i % 120 === 0).flatMap((word) => typos(word, random));
    expect(typed.length).toBeGreaterThan(20);
    const mismatches: string[] = [];
    let compared = 0;
    for (const word of typed) {
      for (const candidate of words) {
        if (Math.abs(candidate.length - word.length) > 2) continue;
        compared++;
        const ours = damerauDistance(word, candidate);
        const natural = DamerauLevenshteinDistance(word, candidate);
        if (ours !== natural) mismatches.push(`${word}/${candidate}: ${ours} vs ${natural}`);
      }
    }
    expect(compared).toBeGreaterThan(2_000);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
