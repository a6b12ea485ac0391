import type { MatchText } from '../../../src/tenders/match/fit';
import { referenceInstant, searchCommand } from '../../../src/tenders/match/searchOutput';
import { makeTender } from './makeTender';

const boamp = makeTender('x', {
  id: 'boamp:26-90001',
  source: 'boamp',
  sourceId: '26-90001',
  title: 'Travaux de plomberie et de chauffage du collège de Bagnols-sur-Cèze',
  buyer: { name: 'Conseil départemental du Gard' },
  nature: 'TRAVAUX',
  cpv: ['45330000'],
  estimatedValue: { amountEur: 140_000 },
  deadlineAt: '2026-12-18T12:00:00+01:00',
  noticeUrl: 'https://www.boamp.fr/pages/avis/?q=idweb:26-90001',
});
const example = makeTender('plomberie-ales', { title: 'Réfection des sanitaires de l’école', nature: 'TRAVAUX', cpv: ['45332000'], deadlineAt: '2026-12-20T12:00:00+01:00' });
const closed = makeTender('closed', { title: 'Plomberie de la mairie', nature: 'TRAVAUX', cpv: ['45330000'], deadlineAt: '2026-11-30T12:00:00+01:00' });
const upcoming = makeTender('pac', { id: 'approch:64999', source: 'approch', sourceId: '64999', status: 'UPCOMING', title: 'Installation de pompes à chaleur', nature: 'TRAVAUX', cpv: ['45331000'], buyer: { name: 'Ministère des Armées' }, expectedPublicationDate: '2027-02-01' });
const catalogue = [boamp, example, closed, upcoming];
const profile = { activity: 'plomberie chauffage sanitaire, entretien chaudières', cpv: ['45330000'], departments: ['30'], natures: ['TRAVAUX', 'SERVICES'], employees: 6, turnover: 450000, certifications: ['QUALIBAT 5211', 'RGE'] };

describe('searchCommand (tenders search --json)', () => {
  const outcome = searchCommand(catalogue, profile, { date: '2026-12-01', limit: 10 });

  it('returns exactly the contract fields, best first, open and upcoming only', () => {
    expect(outcome.ok).toBe(true);
    const results = outcome.ok ? outcome.results : [];
    expect(results.map((r) => r.id)).toEqual(['26-90001', 'example:plomberie-ales', 'approch:64999']);
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['buyer', 'contact', 'deadline', 'id', 'reasons', 'score', 'status', 'title', 'url']);
    expect(results[0]).toEqual({
      id: '26-90001',
      title: 'Travaux de plomberie et de chauffage du collège de Bagnols-sur-Cèze',
      buyer: 'Conseil départemental du Gard',
      deadline: '2026-12-18T12:00:00+01:00',
      status: 'PUBLISHED',
      score: expect.any(Number),
      reasons: expect.arrayContaining(['CPV 45330000 (travaux de plomberie)', 'dans le Gard', 'montant adapté à votre taille (140 000 €)']),
      contact: { organisation: 'Département du Gard (Conseil départemental)', channel: expect.stringContaining('https://marchespublics.gard.fr') },
      url: 'https://www.boamp.fr/pages/avis/?q=idweb:26-90001',
    });
    expect(results[2]).toMatchObject({ status: 'UPCOMING', deadline: null, url: null, contact: { organisation: 'Ministère des Armées', channel: expect.stringContaining('APProch') } });
  });

  it('says when a result is an example, never passing it off as a real tender', () => {
    const results = outcome.ok ? outcome.results : [];
    expect(results[1]!.reasons[0]).toBe('exemple de démonstration, pas un vrai marché');
    expect(results[0]!.reasons).not.toContain('exemple de démonstration, pas un vrai marché');
  });

  it('applies the limit and the reference date (a later date closes a tender)', () => {
    const one = searchCommand(catalogue, profile, { date: '2026-12-01', limit: 1 });
    expect(one.ok && one.results.map((r) => r.id)).toEqual(['26-90001']);
    const later = searchCommand(catalogue, profile, { date: '2026-12-19' });
    // The BOAMP tender is closed; one day left puts the example below the upcoming purchase.
    expect(later.ok && later.results.map((r) => r.id)).toEqual(['approch:64999', 'example:plomberie-ales']);
    expect(later.ok && later.results[1]!.reasons.join(' | ')).toContain('trop court pour bien répondre');
  });

  it('answers bad input with French messages, not a crash', () => {
    expect(searchCommand(catalogue, { activity: '' }, { date: '2026-12-01' })).toEqual({ ok: false, errors: ['Décrivez votre activité en quelques mots (« activity »), par exemple « plomberie chauffage sanitaire ».'] });
    expect(searchCommand(catalogue, profile, { date: '2026-02-30' })).toEqual({ ok: false, errors: ['La date « 2026-02-30 » n’est pas une date valide au format AAAA-MM-JJ.'] });
    expect(searchCommand(catalogue, profile, { limit: 0 })).toEqual({ ok: false, errors: ['Le nombre de résultats (--limit) doit être un entier entre 1 et 1000.'] });
  });

  it('reads the reference date as midnight in Paris, winter and summer', () => {
    expect(referenceInstant('2026-12-01')!.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(referenceInstant('2026-07-14')!.toISOString()).toBe('2026-07-13T22:00:00.000Z');
  });
  it('takes the example mark, the reasons and its errors from the texts it is given', () => {
    const tagged: MatchText = (id, ...[params]) => `[${id}]${params ? '+' : ''}`;
    const tagging = searchCommand(catalogue, profile, { date: '2026-12-01', limit: 10, text: tagged });
    const example = tagging.ok ? tagging.results.find((r) => r.id === 'example:plomberie-ales') : undefined;
    expect(example?.reasons[0]).toBe('[tenders.search.example]');
    expect(searchCommand(catalogue, profile, { date: 'demain', text: tagged })).toEqual({ ok: false, errors: ['[tenders.search.badDate]+'] });
  });
});
