import { fill, Messages, templatePlaceholders, templateProblem } from '../../src/knowledge/Messages';
import { MESSAGE_IDS, MESSAGE_PLACEHOLDERS } from '../../src/knowledge/messageIds';
import { loadKnowledge } from '../../src/loadKnowledge';
import { KNOWLEDGE_DIR } from '../support/services';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const PIECES = '{count, plural, =0 {aucune pièce reçue} one {# pièce reçue} other {# pièces reçues}}';

describe('message plurals', () => {
  it.each([
    [0, 'aucune pièce reçue'],
    [1, '1 pièce reçue'],
    [3, '3 pièces reçues'],
    [1234, '1\u202f234 pièces reçues'],
  ])('%d → %s', (count, text) => {
    expect(fill(PIECES, { count })).toBe(text);
  });

  it('uses the French rule without an exact branch (0 is singular), and fills placeholders inside branches', () => {
    const template = 'Dans « {file} », {count, plural, one {# ligne n’a pas de prix} other {# lignes n’ont pas de prix}}.';
    expect(fill(template, { file: 'bpu.xlsx', count: 0 })).toBe('Dans « bpu.xlsx », 0 ligne n’a pas de prix.');
    expect(fill(template, { file: 'bpu.xlsx', count: 2 })).toBe('Dans « bpu.xlsx », 2 lignes n’ont pas de prix.');
    expect(fill('{n, plural, one {un fichier ({names})} other {# fichiers ({names})}}', { n: 2, names: 'a, b' })).toBe('2 fichiers (a, b)');
  });

  it('leaves a plural whose number is not given as written, never half-filled', () => {
    expect(fill(`Reçu : ${PIECES}.`, {})).toBe(`Reçu : ${PIECES}.`);
  });

  it('names the placeholders a template reads, and says in French what is wrong with one', () => {
    expect(templatePlaceholders(`{file} ${PIECES} {file}`).sort()).toEqual(['count', 'file']);
    expect(templateProblem(PIECES, ['count'])).toBeUndefined();
    expect(templateProblem('{count, plural, one {# pièce}}', ['count'])).toMatch(/forme plurielle mal écrite[\s\S]*other/);
    expect(templateProblem('{count, plural, one {# pièce} other {# pièces}', ['count'])).toMatch(/mal écrite/);
    expect(templateProblem('Bonjour {nom}', ['name'])).toMatch(/utilise \{nom\}, que l’assistant ne fournit pas \(disponibles ici : \{name\}\)/);
  });
});

// Placeholders that choose a plural form (« {employees, plural, …} » in any text): a number, as the code gives them.
const PLURAL_COUNTS = new Set([...JSON.stringify(knowledge.messages.messages).matchAll(/\{(\w+), ?plural\b/g)].map((match) => match[1]!));

describe('Messages', () => {
  it('refuses at start a CCI text that uses a placeholder the code never gives, naming the JSON path', () => {
    const broken = { ...knowledge.messages, messages: { ...knowledge.messages.messages, 'checkDossier.received': 'Reçu « {nom} » ({size}).' } };
    expect(() => new Messages(broken)).toThrow(/messages\.json — \/messages\/checkDossier\.received utilise \{nom\}/);
    const variants = { ...knowledge.messages, messages: { ...knowledge.messages.messages, 'unknown.text': ['Pardon ?', '{count, plural, one {x}}'] } };
    expect(() => new Messages(variants)).toThrow(/\/messages\/unknown\.text\/1 a une forme plurielle mal écrite/);
  });

  it('gives every text of the knowledge folder with French typography and no placeholder left', () => {
    const messages = new Messages(knowledge.messages);
    const sample = Object.fromEntries(Object.values(MESSAGE_PLACEHOLDERS).flat().map((name) => [name, PLURAL_COUNTS.has(name) ? 2 : 'X']));
    for (const id of MESSAGE_IDS) {
      const text = (messages.text as (id: string, params: object) => string)(id, sample);
      expect({ id, text }).toEqual({ id, text: expect.not.stringMatching(/[{}]|\(s\)| [:;?!»]|« /) });
    }
  });

  it('every rule text of the knowledge parses: plurals well formed, and no "(s)" for a plural', () => {
    for (const rule of knowledge.rules) {
      for (const [kind, template] of Object.entries(rule.message).flatMap(([key, text]) => (typeof text === 'string' ? [[key, text]] : Object.values(text).map((wording) => [key, wording])))) {
        expect({ rule: rule.id, kind, problem: templateProblem(template, templatePlaceholders(template)) }).toEqual({ rule: rule.id, kind, problem: undefined });
        expect({ rule: rule.id, kind, template }).toEqual({ rule: rule.id, kind, template: expect.not.stringMatching(/\w\(s\)/) });
      }
    }
  });
});
