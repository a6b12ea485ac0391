import { rmSync } from 'node:fs';
import { formatProblem } from '../../src/knowledge/problems';
import { validateKnowledge } from '../../src/validateKnowledge';
import { BROKEN_CASES, brokenFolder, editJson, SHIPPED, TODAY } from '../fixtures/knowledge-broken/cases';

function linesAfter(edit: (dir: string) => void, now = TODAY): string[] {
  const dir = brokenFolder(edit);
  try {
    return validateKnowledge(dir, { now }).map(formatProblem);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('validateKnowledge: every problem of a folder, one French line each', () => {
  it('finds nothing wrong in the shipped folder', () => {
    expect(validateKnowledge(SHIPPED, { now: TODAY })).toEqual([]);
  });

  it.each(BROKEN_CASES.map((c) => [c.name, c] as const))('%s → its precise line, and only it', (_name, broken) => {
    expect(linesAfter(broken.edit)).toEqual([broken.line]);
  });

  it('lists the problems of several files at once, file by file', () => {
    const lines = linesAfter((dir) => {
      for (const broken of BROKEN_CASES.filter((c) => /HTML|placeholder|organiser|phrasings/.test(c.name))) broken.edit(dir);
    });
    expect(lines.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
      'events.json: /events/0/organiserId',
      'faq/figures.json: /figures/0/value',
      'faq/topics/FAQ_AVANCE.json: /phrasings',
      'faq/topics/FAQ_KBIS_AGE.json: /details/0',
      'messages.json: /messages/checkDossier.received',
      'messages.json: /messages/welcome.title',
      'rules/e-identity.json: /rules/4/remedy',
    ]);
  });

  it('an upcoming purchase of this month or later is fine; "today" is the clock given', () => {
    const add = (expected: string) => (dir: string) =>
      editJson(dir, 'tenders/upcoming.json', (data) => data.tenders.push({ slug: 'achat', title: 'Un achat annoncé', buyer: { name: 'CHU de Nîmes', organisationId: 'ha30-chu-nimes' }, cpv: ['45331000'], departments: ['30'], expectedPublicationDate: expected }));
    expect(linesAfter(add('2026-12'))).toEqual([]);
    expect(linesAfter(add('2026-12-02'))).toEqual([]);
    expect(linesAfter(add('2026-12-01'))).toHaveLength(1);
    expect(linesAfter(add('2026-11'), new Date('2026-11-30T23:30:00+01:00'))).toEqual([]);
  });

  it('a FAQ topic whose own file is broken does not make its mentions look unknown (no false alarm)', () => {
    const lines = linesAfter((dir) => editJson(dir, 'faq/topics/FAQ_AVANCE.json', (data) => (data.short = 42)));
    expect(lines).toEqual([expect.stringMatching(/^faq\/topics\/FAQ_AVANCE\.json: \/short: doit être un texte entre guillemets, pas un nombre entier — /)]);
  });

  it('reads every value wrong in one file, not only the first', () => {
    const lines = linesAfter((dir) =>
      editJson(dir, 'contacts.json', (data) => {
        data.contacts[0].id = 'Mauvais Id';
        data.contacts[1].channel.email = 'jean.dupont@gard.fr';
        data.contacts[2].kind = 'AMI';
      }),
    );
    expect(lines.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual(['contacts.json: /contacts/0/id', 'contacts.json: /contacts/1/channel/email', 'contacts.json: /contacts/2/kind']);
    expect(lines[2]).toContain('choisissez l’une de ces valeurs : MEMBER, SUPPORT');
  });

  it('a text that is too short where a text or a list was allowed says "too short", not "wrong form"', () => {
    const lines = linesAfter((dir) => editJson(dir, 'messages.json', (data) => (data.messages['welcome.title'] = '')));
    expect(lines).toEqual([expect.stringMatching(/^messages\.json: \/messages\/welcome\.title: est trop court : 0 caractère, il en faut au moins 1/)]);
    const object = linesAfter((dir) => editJson(dir, 'messages.json', (data) => (data.messages['welcome.title'] = { texte: 'Bonjour' })));
    expect(object).toEqual([expect.stringMatching(/n’a aucune des formes attendues \(reçu un objet \{ … \}\) — écrivez un texte entre guillemets, ou une liste de textes/)]);
  });
});
