import { validateProposal } from '../../src/proposals';
import { NIMES, ORGANISATIONS, purchase } from './support';

const context = { organisation: { id: NIMES.id, name: NIMES.name }, organisations: new Set(ORGANISATIONS.map((org) => org.id)), now: new Date('2026-12-02T10:00:00Z') };

function problemsOf(input: unknown): { path: string; message: string }[] {
  const checked = validateProposal(input, context);
  if (checked.ok) throw new Error('accepted');
  return checked.problems;
}

describe('a proposed upcoming purchase is checked as the entry of upcoming.json it would become', () => {
  it('keeps a valid purchase, with the buyer forced to the proposer’s organisation and no slug', () => {
    const checked = validateProposal(purchase({ buyer: { name: 'Autre', organisationId: 'ha30-chu-nimes' }, slug: 'x', status: 'PUBLISHED' }), context);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.record.buyer).toEqual({ name: NIMES.name, organisationId: NIMES.id });
    expect(checked.record).not.toHaveProperty('slug');
    expect(checked.record).not.toHaveProperty('status');
    expect(checked.record.title).toBe('Réfection de la toiture du gymnase Jean-Bouin');
  });

  it('scrubs personal data out of the free texts', () => {
    const checked = validateProposal(purchase({ description: 'Renseignements auprès de M. Jean Martin, 06 12 34 56 78, jean.martin@nimes-metropole.fr' }), context);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.record.description).not.toMatch(/06 12|@|Martin/);
    expect(checked.record.description).toBe('Renseignements auprès de M. [nom], [téléphone], [courriel]');
  });

  it('refuses a publication month or a deadline already past, in French', () => {
    expect(problemsOf(purchase({ expectedPublicationDate: '2026-11' }))).toEqual([{ path: '/expectedPublicationDate', message: expect.stringMatching(/déjà passé/) }]);
    expect(problemsOf(purchase({ deadlineAt: '2026-12-01T12:00' }))).toEqual([{ path: '/deadlineAt', message: expect.stringMatching(/déjà passée/) }]);
    expect(validateProposal(purchase({ expectedPublicationDate: '2026-12' }), context).ok).toBe(true);
  });

  it('refuses HTML in a text, wrong types, unknown fields and a missing date, each with its path', () => {
    expect(problemsOf(purchase({ title: 'Toiture <b>urgente</b> du gymnase' }))).toEqual([{ path: '/title', message: expect.stringMatching(/contient du HTML/) }]);
    const paths = problemsOf(purchase({ cpv: '45261000', departments: [30], estimatedValue: { amountEur: 'beaucoup' }, couleur: 'bleu' })).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/cpv', '/departments/0', '/estimatedValue/amountEur']));
    expect(paths.some((p) => p === '/' || p === '/couleur')).toBe(true);
    expect(problemsOf(purchase({ expectedPublicationDate: undefined }))).toEqual([{ path: '/expectedPublicationDate', message: expect.stringMatching(/requis/) }]);
    expect(problemsOf(purchase({ expectedPublicationDate: '2027-02-30' }))[0]!.message).toMatch(/n’est pas un mois ni un jour réel/);
    for (const input of [null, [], 'achat', 42]) expect(problemsOf(input)).toEqual([{ path: '/', message: expect.stringMatching(/objet JSON/) }]);
  });

  it('refuses a notice or buyer-profile address that is not a web address (javascript:, data:, mailto:), which the chat would open', () => {
    for (const url of ['javascript:alert(document.cookie)', 'JavaScript:alert(1)', 'vbscript:msgbox(1)', 'mailto:jean.martin@nimes-metropole.fr', 'file:///etc/passwd']) {
      expect([url, problemsOf(purchase({ noticeUrl: url })).map((p) => p.path)]).toEqual([url, ['/noticeUrl']]);
      expect([url, problemsOf(purchase({ buyerProfileUrl: url })).map((p) => p.path)]).toEqual([url, ['/buyerProfileUrl']]);
    }
    expect(problemsOf(purchase({ noticeUrl: 'javascript:alert(1)' }))[0]!.message).toMatch(/https:\/\//);
    expect(validateProposal(purchase({ noticeUrl: 'https://www.marches-securises.fr/avis/1234', buyerProfileUrl: 'http://achats.nimes.fr' }), context).ok).toBe(true);
  });

  it('lists every mistake of a proposal in one refusal: codes in words, HTML in a text, a past month, a number in words', () => {
    const problems = problemsOf(
      purchase({
        title: 'Toiture <b>urgente</b> du gymnase',
        cpv: ['plomberie'],
        departments: ['Gard'],
        expectedPublicationDate: '2026-10',
        estimatedValue: { amountEur: 'cent mille' },
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['/cpv/0', '/departments/0', '/estimatedValue/amountEur', '/expectedPublicationDate', '/title']);
    expect(problems.find((p) => p.path === '/departments/0')!.message).toMatch(/« Gard ».*numéro de département/);
    expect(problems.find((p) => p.path === '/title')!.message).toMatch(/contient du HTML/);
  });

  it('says a field the schema refuses once, without a cross-check on the same field after it', () => {
    expect(problemsOf(purchase({ expectedPublicationDate: 'mars' })).map((p) => p.path)).toEqual(['/expectedPublicationDate']);
    expect(problemsOf(purchase({ deadlineAt: 'demain', expectedPublicationDate: '2026-11' })).map((p) => p.path).sort()).toEqual(['/deadlineAt', '/expectedPublicationDate']);
  });

  it('tells a buyer proposing a past month to choose a month to come, not to withdraw a purchase from the catalogue', () => {
    const [past] = problemsOf(purchase({ expectedPublicationDate: '2026-11' }));
    expect(past!.message).toBe('« 2026-11 » est déjà passé : un achat à venir ne peut pas être annoncé pour une date révolue — choisissez un mois à venir (une faute de frappe sur l’année ?)');
    expect(past!.message).not.toMatch(/retirez/);
  });

  it('every message is French and says how to fix it', () => {
    for (const p of problemsOf({ title: 'x', cpv: [], departments: ['99'] })) expect(p.message).toMatch(/ — /);
  });
});
