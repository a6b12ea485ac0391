import { FaqService, type FaqKnowledge, type FaqTopic } from '../../src/faq';
import { GapAnswerError, GapAnswerService, parseGapAnswer, planPhrasings } from '../../src/insights/gapAnswers';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../support/services';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const DUME = knowledge.faq.topics.find((topic) => topic.id === 'FAQ_WHAT_IS_DUME')!;

/** The editor's faqTopics collection in memory, and a FAQ retrained on each write (as the live reload does). */
class InMemoryFaq {
  faqKnowledge: FaqKnowledge = knowledge.faq;
  service = new FaqService(knowledge.faq, new Messages(knowledge.messages));
  writes: { kind: string; record: FaqTopic; who: string }[] = [];
  editor = {
    faq: () => this.faqKnowledge,
    read: async (id: string) => {
      const record = this.faqKnowledge.topics.find((topic) => topic.id === id);
      return record && { record, version: 'v1' };
    },
    update: async (_id: string, record: FaqTopic, _version: string, who: string) => this.write('update', record, who),
    create: async (record: FaqTopic, who: string) => this.write('create', record, who),
  };
  live = { current: () => this.service, trained: async () => true };
  private write(kind: string, record: FaqTopic, who: string) {
    this.writes.push({ kind, record, who });
    this.faqKnowledge = { ...this.faqKnowledge, topics: [...this.faqKnowledge.topics.filter((t) => t.id !== record.id), record] };
    this.service = new FaqService(this.faqKnowledge, new Messages(knowledge.messages));
    return { action: 'gap.answer' };
  }
}

describe('planPhrasings: a cluster’s questions as new phrasings', () => {
  it('scrubs, folds duplicates, skips the target’s own phrasings and sets apart another topic’s', () => {
    const plan = planPhrasings(
      ['le dume c quoi exactement pour une mairie', 'LE DUME c quoi exactement, pour une mairie ?', DUME.phrasings[0]!, knowledge.faq.topics.find((t) => t.id === 'FAQ_KBIS_AGE')!.phrasings[0]!, '<b></b>', 'appelez-moi au 06 12 34 56 78 pour le dume'],
      knowledge.faq.topics,
      knowledge.faq.settings,
      'FAQ_WHAT_IS_DUME',
    );
    expect(plan.added).toEqual(['le dume c quoi exactement pour une mairie', 'appelez-moi au [téléphone] pour le dume']);
    expect(plan.alreadyThere).toHaveLength(2);
    expect(plan.conflicts).toEqual([expect.objectContaining({ topicId: 'FAQ_KBIS_AGE' })]);
    expect(plan.unreadable).toBe(1);
  });
});

describe('parseGapAnswer refuses malformed bodies in French', () => {
  it.each([null, [], {}, { questions: [] }, { questions: 'x', topicId: 'FAQ_A' }, { questions: ['x'] }, { questions: ['x'], topicId: 'FAQ_A', topic: {} }, { questions: [1], topicId: 'FAQ_A' }, { questions: ['x'], topic: { id: 'FAQ_X', title: 't', short: 5 } }, { questions: Array(201).fill('x'), topicId: 'FAQ_A' }])('%j', (body) => {
    expect(() => parseGapAnswer(body)).toThrow(GapAnswerError);
  });
});

describe('GapAnswerService', () => {
  const question = 'est ce que la cci organise des petits dejeuners pour les artisans du batiment';

  it('adds new phrasings to an existing topic, then says the question is answered by it', async () => {
    const faq = new InMemoryFaq();
    expect(faq.service.understand(question).decision).not.toBe('answer');
    const service = new GapAnswerService(faq.editor, faq.live);
    const result = await service.answer({ questions: [question, 'la cci fait des petits dejeuners pour les artisans ?'], topicId: 'FAQ_WHERE_FIND_TENDERS' }, 'paul.cci');
    expect(faq.writes).toEqual([expect.objectContaining({ kind: 'update', who: 'paul.cci' })]);
    expect(faq.writes[0]!.record.phrasings.slice(-2)).toEqual([question, 'la cci fait des petits dejeuners pour les artisans ?']);
    expect(result.answered[0]).toEqual({ question, answered: true, by: { topicId: 'FAQ_WHERE_FIND_TENDERS', title: expect.any(String) } });
  });

  it('refuses with the topic named when a question belongs to another topic, and writes nothing', async () => {
    const faq = new InMemoryFaq();
    const service = new GapAnswerService(faq.editor, faq.live);
    await expect(service.answer({ questions: [DUME.phrasings[3]!], topicId: 'FAQ_KBIS_AGE' }, 'paul.cci')).rejects.toThrow(/est déjà une formulation du sujet « .+ » \(FAQ_WHAT_IS_DUME\)/);
    // Typed among « Autres formulations » rather than ticked: the way out says both.
    await expect(service.answer({ questions: [DUME.phrasings[3]!], topicId: 'FAQ_KBIS_AGE' }, 'paul.cci')).rejects.toThrow(/: décochez-la ou retirez-la des autres formulations, ou ajoutez-la à ce sujet-là\.$/);
    await expect(service.answer({ questions: [DUME.phrasings[3]!], topicId: 'FAQ_WHAT_IS_DUME' }, 'paul.cci')).rejects.toThrow(/déjà des formulations de ce sujet/);
    await expect(service.answer({ questions: ['x'], topicId: 'FAQ_NULLE_PART' }, 'paul.cci')).rejects.toThrow(/Sujet inconnu/);
    await expect(service.answer({ questions: ['x'], topic: { id: 'FAQ_KBIS_AGE', title: 'Kbis', short: 'x' } }, 'paul.cci')).rejects.toThrow(/existe déjà/);
    expect(faq.writes).toEqual([]);
  });

  it('says « pending » when the FAQ is not retrained in time', async () => {
    const faq = new InMemoryFaq();
    const service = new GapAnswerService(faq.editor, { current: faq.live.current, trained: async () => false });
    const result = await service.answer({ questions: [question], topicId: 'FAQ_WHERE_FIND_TENDERS' }, 'paul.cci');
    expect(result.answered).toEqual([{ question, answered: 'pending', by: null }]);
  });
});
