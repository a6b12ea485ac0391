import { Analyzer } from '../../src/faq/analyzer';
import { createNormalizer, foldWords, MAX_QUESTION_CHARS } from '../../src/faq/normalizeQuestion';
import { shippedFaq } from './support';

const faq = shippedFaq();
const normalize = createNormalizer(faq.settings.lexicon);
const words = (text: string): string => normalize(text).tokens.join(' ');
const topicTexts = faq.topics.flatMap((topic) => [topic.title, ...topic.phrasings]);
const analyzer = new Analyzer({ lexicon: faq.settings.lexicon, stopWords: faq.settings.stopWords ?? [] }, topicTexts);

describe('question normalisation', () => {
  it('folds accents, case, apostrophes and punctuation', () => {
    expect(foldWords('Où DÉPOSER l’offre ?!')).toEqual(['ou', 'deposer', 'l', 'offre']);
    expect(foldWords('Décennale — ÉCHÉANCE')).toEqual(['decennale', 'echeance']);
  });

  it('reads SMS spellings through the lexicon of settings.json', () => {
    expect(words('c koi le dume')).toBe('c est quoi le dume');
    expect(words('pk jdois signer qd meme')).toBe('pourquoi je dois signer quand meme');
    expect(words('pr les marchés ds le gard tt est en ligne ?')).toBe('pour les marches dans le gard tout est en ligne');
  });

  it('splits glued or slashed form names, keeps times and amounts whole', () => {
    expect(words('dc1/dc2')).toBe('dc1 dc2');
    expect(words('dc1dc2 ou dume')).toBe('dc1 dc2 ou dume');
    expect(words('déposé à 12h01')).toBe('depose a 12h01');
    expect(words('seuil 216 000 € HT ou 40k')).toBe('seuil 216000 ht ou 40000');
  });

  it('squashes phone emphasis', () => {
    expect(words('c koiii le dumeee ???')).toBe('c est quoi le dume');
  });

  it('treats HTML as markup, not words, and drops scripts whole', () => {
    expect(words('<b>c koi</b> le <script>alert(1)</script> dume &amp; dc1')).toBe('c est quoi le dume dc1');
  });

  it('reads only the start of a very long paste', () => {
    const tokens = normalize('dume '.repeat(5_000)).tokens;
    expect(tokens.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS / 5 + 1);
  });
});

describe('typo tolerance against the FAQ vocabulary', () => {
  it('corrects one or two slips towards a word the FAQ knows', () => {
    expect(analyzer.analyze('attestaion urssaf').content).toEqual(['attestation', 'urssaf']);
    expect(analyzer.analyze('decenale obligatoire').content).toEqual(['decennale', 'obligatoire']);
    expect(analyzer.analyze('atestasion de vigilence').content).toEqual(['attestation', 'vigilance']);
  });

  it('does not turn an unknown word into a different known one', () => {
    expect(analyzer.analyze('un bon garagiste').content).toContain('garagiste');
    expect(analyzer.analyze('conception réalisation').content).toEqual(expect.arrayContaining(['conception']));
  });

  it('leaves short words and references alone (the lexicon handles them)', () => {
    expect(analyzer.analyze('dc4 noti1').content).toEqual(['dc4', 'noti1']);
  });
});

describe('elisions typed without their apostrophe', () => {
  it('reads « lacte dengagement » as « acte engagement » when the glued word is unknown', () => {
    expect(analyzer.analyze('jai oublie lacte dengagement').content).toEqual(expect.arrayContaining(['acte', 'engagement']));
    expect(analyzer.analyze('lattestation urssaf').content).toEqual(['attestation', 'urssaf']);
  });

  it('leaves a known word that happens to start like an elision alone', () => {
    expect(analyzer.analyze('delai de paiement').content).toEqual(['delai', 'paiement']);
  });
});
