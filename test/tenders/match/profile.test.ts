import { normaliseCpv, parseProfile } from '../../../src/tenders/match/profile';
import { sharedCpvCatalogue } from '../../../src/tenders/match/cpv';

const known = (division: string) => sharedCpvCatalogue().hasDivision(division);

describe('parseProfile', () => {
  it('accepts the contract example and normalises codes and departments', () => {
    const parsed = parseProfile(
      { activity: 'plomberie chauffage sanitaire, entretien chaudières', cpv: ['45330000-9', '45330000'], departments: ['30', '7'], natures: ['travaux', 'SERVICES'], employees: 6, turnover: 450000, certifications: ['QUALIBAT 5211', 'RGE'] },
      known,
    );
    expect(parsed).toEqual({
      ok: true,
      profile: { activity: 'plomberie chauffage sanitaire, entretien chaudières', cpv: ['45330000'], departments: ['30', '07'], natures: ['TRAVAUX', 'SERVICES'], employees: 6, turnover: 450000, certifications: ['QUALIBAT 5211', 'RGE'] },
    });
  });

  it('re-asks in French for an empty activity, an absurd turnover, an unknown CPV, all at once', () => {
    const parsed = parseProfile({ activity: '   ', turnover: 9e12, cpv: ['47000000', '4533'], departments: ['99'], employees: -2 }, known);
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toEqual([
      'Décrivez votre activité en quelques mots (« activity »), par exemple « plomberie chauffage sanitaire ».',
      'Le code CPV « 47000000 » est inconnu : sa division 47 n’existe pas dans la nomenclature CPV.',
      'Le code CPV « 4533 » n’a pas 8 chiffres (exemple : 45330000).',
      'Département inconnu : 99 (exemples : 30 pour le Gard, 34 pour l’Hérault).',
      'Le nombre de salariés (« employees ») doit être un nombre entier entre 0 et 100 000.',
      expect.stringMatching(/^Un chiffre d’affaires de 9[\s\u202f]000[\s\u202f]000[\s\u202f]000[\s\u202f]000 € paraît impossible pour une PME/),
    ]);
  });

  it('refuses what is not a profile, and unknown fields, with a French sentence', () => {
    expect(parseProfile('plombier', known)).toEqual({ ok: false, errors: [expect.stringContaining('Le profil doit être un objet JSON')] });
    expect(parseProfile({ activity: 'peinture', ville: 'Alès' }, known)).toEqual({ ok: false, errors: [expect.stringContaining('Le champ « ville » est inconnu')] });
    expect(parseProfile({ activity: 'peinture', natures: ['TRAVAUX', 'BATIMENT'] }, known)).toEqual({ ok: false, errors: ['« natures » doit contenir TRAVAUX, FOURNITURES et/ou SERVICES.'] });
  });

  it('normalises CPV codes with their check digit and refuses other shapes', () => {
    expect(normaliseCpv('45000000-7')).toBe('45000000');
    expect(normaliseCpv(' 90910000 ')).toBe('90910000');
    expect(normaliseCpv('4500000')).toBeUndefined();
    expect(normaliseCpv('45000000-77')).toBeUndefined();
  });
});
