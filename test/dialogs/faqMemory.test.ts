import { faqSubmitOf } from '../../dialogs/cards/faqSubmit';
import { emptyFaqMemory, findAnswer, MAX_KEPT_QUESTION, MAX_REMEMBERED_ANSWERS, withAnswer, withFeedback } from '../../dialogs/faq/faqMemory';

describe('what the FAQ cards refer to', () => {
  it('keeps a bounded list of shown answers, each found only by its reference and topic', () => {
    let memory = emptyFaqMemory();
    const refs: number[] = [];
    for (let i = 0; i < MAX_REMEMBERED_ANSWERS + 3; i++) {
      const next = withAnswer(memory, { topic: `FAQ_T${i}`, question: `question ${i}`, confidence: 0.9 });
      memory = next.memory;
      refs.push(next.ref);
    }
    expect(memory.answers).toHaveLength(MAX_REMEMBERED_ANSWERS);
    expect(findAnswer(memory, refs[0]!, 'FAQ_T0')).toBeUndefined();
    expect(findAnswer(memory, refs.at(-1)!, 'FAQ_T10')?.question).toBe('question 10');
    // A forged button naming another topic for the same reference finds nothing.
    expect(findAnswer(memory, refs.at(-1)!, 'FAQ_T9')).toBeUndefined();
  });

  it('shortens a pasted novel and forgets the question once the feedback is given', () => {
    const { memory, ref } = withAnswer(emptyFaqMemory(), { topic: 'FAQ_WHAT_IS_DUME', question: 'x'.repeat(10_000), confidence: 0.8 });
    expect(findAnswer(memory, ref, 'FAQ_WHAT_IS_DUME')!.question).toHaveLength(MAX_KEPT_QUESTION);
    const after = withFeedback(memory, ref, false);
    expect(findAnswer(after, ref, 'FAQ_WHAT_IS_DUME')).toEqual({ ref, topic: 'FAQ_WHAT_IS_DUME', confidence: 0.8, helpful: false });
  });

  it('reads only well-formed button data', () => {
    expect(faqSubmitOf({ ha30Faq: 'feedback', ref: 3, topic: 'FAQ_WHAT_IS_DUME', helpful: false })).toEqual({ ha30Faq: 'feedback', ref: 3, topic: 'FAQ_WHAT_IS_DUME', helpful: false });
    expect(faqSubmitOf({ ha30Faq: 'topic', topic: 'FAQ_AVANCE' })).toEqual({ ha30Faq: 'topic', topic: 'FAQ_AVANCE' });
    for (const forged of [{ ha30Faq: 'feedback', ref: '3', topic: 'FAQ_X', helpful: true }, { ha30Faq: 'feedback', ref: 3, topic: '<script>', helpful: true }, { ha30Faq: 'topic', topic: 'x'.repeat(500) }, { ha30Faq: 'none', ref: -1 }, { ha30Faq: 'delete' }, null, 'FAQ_X']) {
      expect(faqSubmitOf(forged)).toBeUndefined();
    }
  });
});
