import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { boundedEditDistance } from '../../src/faq/editDistance';

describe('bounded edit distance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit', () => {
    expect(boundedEditDistance('decenale', 'decennale', 2)).toBe(1);
    expect(boundedEditDistance('decennale', 'decenale', 2)).toBe(1);
    expect(boundedEditDistance('garnatie', 'garantie', 2)).toBe(1);
    expect(boundedEditDistance('atestasion', 'attestation', 2)).toBe(2);
    expect(boundedEditDistance('dume', 'dume', 2)).toBe(0);
  });

  it('stops at max + 1 when the words are further apart', () => {
    expect(boundedEditDistance('garagiste', 'garantie', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('agrees with natural’s restricted Damerau-Levenshtein within the bound', () => {
    const words = ['attestation', 'atestation', 'attestaion', 'vigilance', 'vigilence', 'vijilance', 'signature', 'singature', 'marche', 'march', 'dume', 'duem', 'kbis', 'kibs'];
    for (const a of words) {
      for (const b of words) {
        const reference = DamerauLevenshteinDistance(a, b, { restricted: true });
        expect([a, b, boundedEditDistance(a, b, 2)]).toEqual([a, b, Math.min(reference, 3)]);
      }
    }
  });
});
