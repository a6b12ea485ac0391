import { satisfactionByTopic } from '../../src/insights/satisfaction';
import type { FeedbackRecord } from '../../src/insights/types';

function answers(topic: string, yes: number, no: number, day = '2026-03-10'): FeedbackRecord[] {
  return [...Array.from({ length: yes }, () => true), ...Array.from({ length: no }, () => false)].map((helpful) => ({ at: `${day}T10:00:00Z`, topic, helpful, channel: 'webchat' }));
}

describe('satisfaction per FAQ topic', () => {
  const records = [...answers('FAQ_DUME', 8, 2), ...answers('FAQ_KBIS', 1, 6), ...answers('FAQ_DEADLINE', 5, 0), ...answers('FAQ_AVANCE', 0, 1, '2026-02-27')];

  it('counts Oui and Non per topic, with the share of Oui, most « Non » first', () => {
    const report = satisfactionByTopic(records, { from: '2026-03-01', to: '2026-03-31' });
    expect(report.topics).toEqual([
      { topic: 'FAQ_KBIS', helpful: 1, notHelpful: 6, total: 7, helpfulShare: 1 / 7 },
      { topic: 'FAQ_DUME', helpful: 8, notHelpful: 2, total: 10, helpfulShare: 0.8 },
      { topic: 'FAQ_DEADLINE', helpful: 5, notHelpful: 0, total: 5, helpfulShare: 1 },
    ]);
    expect(report.mostNotHelpful.map((entry) => entry.topic)).toEqual(['FAQ_KBIS', 'FAQ_DUME']);
    expect(report.overall).toEqual({ topic: '*', helpful: 14, notHelpful: 8, total: 22, helpfulShare: 14 / 22 });
  });

  it('merges Oui and Non of a topic when either is 1 or 2 and the period is not whole months', () => {
    const report = satisfactionByTopic(records, { from: '2026-03-05', to: '2026-03-20' });
    expect(report.cut).toBe('finer');
    const byTopic = Object.fromEntries(report.topics.map((entry) => [entry.topic, entry]));
    expect(byTopic.FAQ_KBIS).toEqual({ topic: 'FAQ_KBIS', helpful: null, notHelpful: null, total: 7, helpfulShare: null });
    expect(byTopic.FAQ_DEADLINE).toEqual({ topic: 'FAQ_DEADLINE', helpful: 5, notHelpful: 0, total: 5, helpfulShare: 1 });
    // Only topics whose « Non » can be shown are ranked: a hidden count is not hinted at by its rank.
    expect(report.mostNotHelpful).toEqual([]);
  });

  it('shows « moins de 3 » for a topic answered once or twice in a short period', () => {
    const report = satisfactionByTopic(answers('FAQ_AVANCE', 0, 1), { from: '2026-03-09', to: '2026-03-15' });
    expect(report.topics).toEqual([{ topic: 'FAQ_AVANCE', helpful: 0, notHelpful: { lessThan: 3 }, total: { lessThan: 3 }, helpfulShare: null }]);
  });
});
