import { PorterStemmerFr } from 'natural/lib/natural/stemmers';
import { memoStemmer } from '../../src/intents/memoStemmer';
import { loadKnowledge } from '../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../support/services';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const texts = [
  ...knowledge.intents.intents.flatMap((intent) => intent.utterances),
  ...knowledge.faq.topics.flatMap((topic) => [topic.title, ...topic.phrasings]),
  "l'attestation d'assurance décennale, c'est obligatoire ?! (2 fois)",
  'Les  marchés   publics—à Nîmes',
];

// The intent model's reading must not move when its stemming is memoised: every training phrasing
// of the knowledge, stemmed twice (the second time from the memo), gives natural's own result.
describe('memoised French stemming', () => {
  it.each([false, true])('gives natural tokenizeAndStem for every knowledge phrasing (keepStops %s)', (keepStops) => {
    const stemmer = memoStemmer();
    for (const pass of [1, 2]) {
      const mismatches = texts.filter((text) => JSON.stringify(stemmer.tokenizeAndStem(text, keepStops)) !== JSON.stringify(PorterStemmerFr.tokenizeAndStem(text, keepStops)));
      expect({ pass, mismatches }).toEqual({ pass, mismatches: [] });
    }
  });
});
