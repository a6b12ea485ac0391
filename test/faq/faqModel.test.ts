import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FaqService } from '../../src/faq';
import { shippedFaq, shippedMessages, shippedService } from './support';

const POOL = path.resolve(__dirname, '../../bench/faq/pool.json');

/** Independent questions (bench/faq), plus garbage and typos: every kind of decision the FAQ makes. */
function questions(): string[] {
  const pool = JSON.parse(readFileSync(POOL, 'utf8')) as { questions: { q: string }[] };
  return [...pool.questions.map((entry) => entry.q), '', '😀😀', 'azerty qsdfgh', 'atestasion urssaf', 'tu connais un bon garagiste ?'];
}

describe('a FAQ trained in one place and rebuilt from its model in another', () => {
  it('understands every question exactly as the one that was trained, after a structured clone (what postMessage does)', () => {
    const trained = shippedService();
    const model = structuredClone(trained.toModel());
    const rebuilt = FaqService.fromModel(shippedFaq(), shippedMessages(), model);
    const asked = questions();
    expect(asked.length).toBeGreaterThan(100);
    const decisions = new Set<string>();
    for (const question of asked) {
      const expected = trained.understand(question);
      decisions.add(expected.decision);
      expect(rebuilt.understand(question)).toEqual(expected);
    }
    // The set covers answers, choices, refusals and unreadable input, not just one path.
    expect([...decisions].sort()).toEqual(expect.arrayContaining(['answer', 'unknown', 'unreadable']));
    expect(rebuilt.answer('FAQ_THRESHOLDS')).toEqual(trained.answer('FAQ_THRESHOLDS'));
  });

  it('refuses a model trained on other topics', () => {
    const model = shippedService().toModel();
    const faq = shippedFaq();
    expect(() => FaqService.fromModel({ ...faq, topics: faq.topics.slice(1) }, shippedMessages(), model)).toThrow(/other topics/);
  });
});
