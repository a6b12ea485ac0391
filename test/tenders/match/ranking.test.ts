import { rankTenders, TenderIndex } from '../../../src/tenders/match/TenderIndex';
import type { SmeProfile } from '../../../src/tenders/match/profile';
import { makeTender } from './makeTender';

const NOW = new Date('2026-12-01T09:00:00+01:00');
const in_ = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

const plumber: SmeProfile = {
  activity: 'plombier chauffagiste : plomberie, chauffage, sanitaires, entretien de chaudières',
  departments: ['30'],
  natures: ['TRAVAUX', 'SERVICES'],
  employees: 6,
  turnover: 450_000,
};

const catalogue = [
  makeTender('plomberie-ales', { title: 'Réfection des sanitaires et de la plomberie de l’école Jean-Moulin', buyer: { name: 'Ville d’Alès' }, town: 'Alès', nature: 'TRAVAUX', cpv: ['45330000'], estimatedValue: { amountEur: 85_000 }, deadlineAt: in_(20) }),
  makeTender('chaudieres-habitat', { title: 'Entretien et dépannage des chaudières gaz individuelles', description: 'Maintenance annuelle des chaudières, ramonage et dépannage des logements.', buyer: { name: 'Habitat du Gard' }, nature: 'SERVICES', cpv: ['50720000'], estimatedValue: { amountEur: 120_000 }, durationMonths: 36, deadlineAt: in_(25) }),
  makeTender('nettoyage-locaux', { title: 'Nettoyage des locaux administratifs', description: 'Entretien courant des bureaux, vitrerie et sanitaires.', nature: 'SERVICES', cpv: ['90910000'], estimatedValue: { amountEur: 60_000 }, deadlineAt: in_(18) }),
  makeTender('nettoyage-ecoles', { title: 'Prestations de nettoyage des écoles et du gymnase', nature: 'SERVICES', cpv: ['90911200'], deadlineAt: in_(30) }),
  makeTender('chauffage-closed', { title: 'Remplacement de la chaufferie du collège', nature: 'TRAVAUX', cpv: ['45331000'], deadlineAt: in_(-2) }),
  makeTender('plomberie-cancelled', { title: 'Travaux de plomberie à la mairie', nature: 'TRAVAUX', cpv: ['45330000'], lifecycle: 'CANCELLED', deadlineAt: in_(10) }),
  makeTender('plomberie-awarded', { title: 'Plomberie sanitaire du foyer rural', nature: 'TRAVAUX', cpv: ['45330000'], lifecycle: 'AWARDED', deadlineAt: in_(10) }),
  makeTender('pac-upcoming', { title: 'Installation de pompes à chaleur dans trois groupes scolaires', status: 'UPCOMING', noticeType: 'projet_achat', nature: 'TRAVAUX', cpv: ['45331000'], expectedPublicationDate: '2027-03-01', estimatedValue: { rangeLabel: '100k - 500k€' } }),
  makeTender('fournitures-robinetterie', { title: 'Fourniture de robinetterie et de pièces de plomberie', nature: 'FOURNITURES', cpv: ['44115200'], deadlineAt: in_(15) }),
  makeTender('voirie', { title: 'Travaux de voirie et réseaux divers', nature: 'TRAVAUX', cpv: ['45233140'], deadlineAt: in_(15) }),
];

describe('rankTenders: a plumber in Alès', () => {
  const results = rankTenders(catalogue, plumber, { now: NOW, limit: 20 });
  const ids = results.map((r) => r.tender.sourceId);

  it('gets plumbing and heating tenders before cleaning ones', () => {
    const worstTrade = Math.max(ids.indexOf('plomberie-ales'), ids.indexOf('chaudieres-habitat'), ids.indexOf('pac-upcoming'));
    expect(ids.slice(0, 3).sort()).toEqual(['chaudieres-habitat', 'pac-upcoming', 'plomberie-ales']);
    for (const cleaning of ['nettoyage-locaux', 'nettoyage-ecoles']) {
      const at = ids.indexOf(cleaning);
      if (at >= 0) expect(at).toBeGreaterThan(worstTrade);
    }
  });

  it('never shows closed, cancelled or awarded tenders, nor the natures it does not want', () => {
    expect(ids).not.toContain('chauffage-closed');
    expect(ids).not.toContain('plomberie-cancelled');
    expect(ids).not.toContain('plomberie-awarded');
    expect(ids).not.toContain('fournitures-robinetterie');
  });

  it('gives its reasons in French: CPV with its label, place, size, deadline', () => {
    const first = results.find((r) => r.tender.sourceId === 'plomberie-ales')!;
    expect(first.reasons).toEqual(
      expect.arrayContaining([
        'CPV 45330000 (travaux de plomberie), proche de votre activité',
        'à Alès (30)',
        'montant adapté à votre taille (85 000 €)',
        expect.stringMatching(/^date limite dans 20 jours \(21 décembre 2026\)$/),
      ]),
    );
    expect(first.reasons.some((r) => /^votre activité : .*plomberie/.test(r))).toBe(true);
    const upcoming = results.find((r) => r.tender.sourceId === 'pac-upcoming')!;
    expect(upcoming.reasons.join(' | ')).toContain('marché à venir (publication prévue en mars 2027)');
  });

  it('scores between 0 and 1, best first', () => {
    for (const r of results) expect(r.score).toBeGreaterThan(0);
    for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('pages with offset and limit over the same order', () => {
    const index = new TenderIndex(catalogue);
    const all = index.rank(plumber, { now: NOW, limit: 10 }).map((r) => r.tender.id);
    const page2 = index.rank(plumber, { now: NOW, limit: 2, offset: 2 }).map((r) => r.tender.id);
    expect(page2).toEqual(all.slice(2, 4));
  });

  it('a deadline passed between two dates drops the tender', () => {
    const later = new Date(NOW.getTime() + 21 * 86_400_000);
    const idsLater = rankTenders(catalogue, plumber, { now: later, limit: 20 }).map((r) => r.tender.sourceId);
    expect(idsLater).not.toContain('plomberie-ales');
    expect(idsLater).toContain('chaudieres-habitat');
  });
});

describe('rankTenders: geography, time left, size, declared CPV', () => {
  const base = { nature: 'TRAVAUX' as const, cpv: ['45310000'], estimatedValue: { amountEur: 50_000 } };
  const electrician: SmeProfile = { activity: 'électricité générale, courant fort et faible', cpv: ['45310000'], departments: ['30'], turnover: 800_000 };

  it('puts the Gard first, then its neighbours, then far away; a national notice performed in the Gard is local', () => {
    const set = [
      makeTender('var', { ...base, title: 'Travaux d’électricité à la salle des fêtes', departments: ['83'], deadlineAt: in_(20) }),
      makeTender('herault', { ...base, title: 'Travaux d’électricité à la salle des fêtes', departments: ['34'], deadlineAt: in_(20) }),
      makeTender('gard', { ...base, title: 'Travaux d’électricité à la salle des fêtes', departments: ['30'], deadlineAt: in_(20) }),
      makeTender('national', { ...base, title: 'Travaux d’électricité dans les locaux de l’État', departments: Array.from({ length: 30 }, (_, i) => String(i + 10)), deadlineAt: in_(20) }),
    ];
    const results = rankTenders(set, electrician, { now: NOW });
    const ids = results.map((r) => r.tender.sourceId);
    expect(ids.indexOf('gard')).toBeLessThan(ids.indexOf('herault'));
    expect(ids.indexOf('herault')).toBeLessThan(ids.indexOf('var'));
    expect(ids.indexOf('national')).toBeLessThan(ids.indexOf('herault'));
    expect(results.find((r) => r.tender.sourceId === 'national')!.reasons).toContain('marché national, exécuté aussi dans le Gard');
    expect(results.find((r) => r.tender.sourceId === 'herault')!.reasons).toContain('dans l’Hérault, département voisin');
    expect(results.find((r) => r.tender.sourceId === 'var')!.reasons).toContain('loin de chez vous : dans le Var');
  });

  it('lowers a tender whose deadline is too short to answer', () => {
    const set = [
      makeTender('two-days', { ...base, title: 'Travaux d’électricité du gymnase', deadlineAt: in_(2.5) }),
      makeTender('month', { ...base, title: 'Travaux d’électricité du gymnase', deadlineAt: in_(30) }),
    ];
    const results = rankTenders(set, electrician, { now: NOW });
    expect(results.map((r) => r.tender.sourceId)).toEqual(['month', 'two-days']);
    expect(results[1]!.reasons.join(' | ')).toMatch(/date limite dans 2 jours .* trop court pour bien répondre/);
  });

  it('matches CPV at the right depth: same class before same group before same division', () => {
    const set = [
      makeTender('division', { nature: 'TRAVAUX', title: 'Travaux divers', cpv: ['45233140'], deadlineAt: in_(20) }),
      makeTender('class', { nature: 'TRAVAUX', title: 'Travaux divers', cpv: ['45311000'], deadlineAt: in_(20) }),
      makeTender('group', { nature: 'TRAVAUX', title: 'Travaux divers', cpv: ['45320000'], deadlineAt: in_(20) }),
    ];
    const results = rankTenders(set, { activity: 'installations', cpv: ['45310000'] }, { now: NOW });
    expect(results.map((r) => r.tender.sourceId)).toEqual(['class', 'group', 'division']);
    expect(results[1]!.reasons[0]).toBe("CPV 45320000 (travaux d'isolation) : même groupe que 45310000");
    expect(results[2]!.reasons[0]).toBe('CPV 45233140 (travaux routiers) : même division que 45310000');
  });
});
