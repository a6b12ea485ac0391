import { readFileSync } from 'node:fs';
import { baseFold } from '../../text/baseFold';

/** French words the package lacks (Larousse has them) that a typo reading would take for a trade (« export » for « expert »). */
const MISSING_FROM_PACKAGE = ['export', 'exports', 'import', 'imports', 'intranet', 'intranets'];

/**
 * Every word of the npm package `an-array-of-french-words` (MIT, ~336,000 inflected forms), accents
 * folded, and the few it lacks, that is at least `minLength` letters of a–z only, each once. Read from disk at each call
 * and not kept: the caller keeps only the few it needs (about 14 MB as a Set, 0.5 s to read and fold).
 */
export function foldedFrenchWords(minLength: number): string[] {
  const list = JSON.parse(readFileSync(require.resolve('an-array-of-french-words'), 'utf8')) as string[];
  const seen = new Set<string>();
  for (const word of list) {
    if (word.length < minLength) continue;
    const folded = /^[a-z]+$/.test(word) ? word : baseFold(word);
    if (folded.length >= minLength && /^[a-z]+$/.test(folded)) seen.add(folded);
  }
  for (const word of MISSING_FROM_PACKAGE) if (word.length >= minLength) seen.add(word);
  return [...seen];
}
