import path from 'node:path';
import { countText, groupsText, joinedLabels, kindLabel, monthLabel, signalLabel, weekLabel, weeksLabel } from '../../src/insights/labels';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';

const messages = new Messages(loadKnowledge(path.resolve(__dirname, '../../knowledge')).messages);

describe('the words of the insights', () => {
  it('writes counts, months and weeks in French', () => {
    expect(countText(messages, 1234)).toBe('1\u202f234');
    expect(countText(messages, { lessThan: 3 })).toBe('moins de 3');
    expect(monthLabel('2026-02')).toBe('février 2026');
    expect(weekLabel(messages, '2026-W05')).toBe('semaine 5 de 2026');
    expect(weeksLabel(messages, ['2026-W05', '2026-W06', '2026-W07'])).toBe('semaine 5 de 2026 – semaine 7 de 2026');
  });

  it('names kinds and signals from the knowledge', () => {
    expect(kindLabel(messages, 'NOT_HELPFUL')).toBe('Réponse jugée inutile');
    expect(signalLabel(messages, 'NO_LOCAL_INTEREST')).toBe('Aucune PME locale intéressée');
  });

  it('lists merged groups on one line, zeros left out', () => {
    const text = groupsText(
      messages,
      [
        { keys: ['UNANSWERED' as const], count: 5 },
        { keys: ['LOW_CONFIDENCE' as const, 'NOT_HELPFUL' as const], count: { lessThan: 3 } },
        { keys: ['NOT_HELPFUL' as const], count: 0 },
      ],
      joinedLabels((kind) => kindLabel(messages, kind)),
    );
    expect(text).toBe('Sans réponse\u00a0: 5 ; Réponse incertaine + Réponse jugée inutile\u00a0: moins de 3');
  });
});
