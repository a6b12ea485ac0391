import { FaqService, gapKindOf } from '../../src/faq';
import type { FaqKnowledge, FaqTopic } from '../../src/faq';
import { shippedFaq, shippedMessages, shippedService } from './support';

const service = shippedService();

describe('FAQ answers', () => {
  it('fills every {fig:ID} with the figure in force', () => {
    const answer = service.answer('FAQ_THRESHOLDS')!;
    const text = [answer.short, ...answer.details].join(' ');
    expect(text).toContain('216 000 € HT');
    expect(text).toContain('5 404 000 € HT');
    for (const topic of service.topics()) {
      const rendered = service.answer(topic.id)!;
      expect([rendered.short, ...rendered.details, ...rendered.uncertain].join(' ')).not.toMatch(/\{fig:/);
    }
  });

  it('gathers the caveats: the topic’s own, then one per uncertain figure it quotes', () => {
    const answer = service.answer('FAQ_THRESHOLDS')!;
    expect(answer.uncertain.length).toBeGreaterThanOrEqual(2);
    expect(answer.uncertain.at(-1)).toMatch(/^Le chiffre 432 000 € HT \(Seuil de procédure formalisée — fournitures et services des entités adjudicatrices.*\) n’a pas pu être confirmé/);
    expect(service.answer('FAQ_MAPA_VS_FORMALISEE')!.uncertain.join(' ')).not.toContain('432 000');
  });

  it('names its related topics by title, and lists every topic', () => {
    const answer = service.answer('FAQ_WHAT_IS_DUME')!;
    expect(answer.related).toContainEqual({ id: 'FAQ_DC1_DC2_DC4', title: service.topics().find((t) => t.id === 'FAQ_DC1_DC2_DC4')!.title });
    expect(answer.legal.length).toBeGreaterThan(0);
    expect(answer.links.every((link) => link.url.startsWith('https://'))).toBe(true);
    expect(service.topics()).toHaveLength(shippedFaq().topics.length);
    expect(service.answer('FAQ_NOWHERE')).toBeUndefined();
  });

  it('never hands out its own data to be changed by a caller', () => {
    const answer = service.answer('FAQ_WHAT_IS_DUME')!;
    answer.links.push({ label: 'x', url: 'https://example.org' });
    answer.legal.length = 0;
    const again = service.answer('FAQ_WHAT_IS_DUME')!;
    expect(again.legal.length).toBeGreaterThan(0);
    expect(again.links.map((l) => l.url)).not.toContain('https://example.org');
  });
});

describe('decisions', () => {
  it('asks which topic when two are equally likely, logging it as low confidence', () => {
    // Two tiny topics that share every word of the question: the classifier cannot tell them apart.
    const base = shippedFaq();
    const twin = (id: string, extra: string): FaqTopic => ({
      ...base.topics[0]!,
      id,
      title: id,
      related: [],
      phrasings: ['attestation de vigilance', 'attestation de vigilance urssaf', `attestation ${extra}`, `vigilance ${extra}`, `${extra} urssaf`],
    });
    const knowledge: FaqKnowledge = {
      ...base,
      topics: [twin('FAQ_A', 'alpha'), twin('FAQ_B', 'beta')],
      settings: { ...base.settings, answerThreshold: 0.95, askThreshold: 0.5, ambiguityMargin: 0.5, minCoverage: 0, calibration: {} },
    };
    const result = new FaqService(knowledge, shippedMessages()).understand('attestation de vigilance urssaf');
    expect(result.decision).toBe('choose');
    expect(result.candidates.map((c) => c.id).sort()).toEqual(['FAQ_A', 'FAQ_B']);
    expect(gapKindOf(result)).toBe('LOW_CONFIDENCE');
  });

  it('logs nothing for an answer', () => {
    expect(gapKindOf(service.understand('c koi le dume'))).toBeNull();
  });
});
