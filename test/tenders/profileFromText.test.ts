import { isForgetProfile, isMoreResults, profileFromText } from '../../src/tenders/profileFromText';

describe('profile sentence reader', () => {
  it('reads trade, town and headcount from phone-typed sentences', () => {
    expect(profileFromText('jsuis plombier a ales 6 salaries')).toEqual({ activity: 'plombier', town: 'Alès', departments: ['30'], employees: 6 });
    expect(profileFromText('électricien Nimes')).toEqual({ activity: 'électricien', town: 'Nîmes', departments: ['30'] });
    expect(profileFromText('entreprise de nettoyage 12 personnes uzes')).toEqual({ activity: 'nettoyage', town: 'Uzès', departments: ['30'], employees: 12 });
  });

  it('takes the request words out of the activity', () => {
    expect(profileFromText('je suis plombier à Alès, quels marchés pour moi ?')).toEqual({ activity: 'plombier', town: 'Alès', departments: ['30'] });
    expect(profileFromText('quels marchés pour moi')).toEqual({});
    expect(profileFromText('trouve moi des marches')).toEqual({});
  });

  it('reads turnovers with their units, French decimals and thousands', () => {
    expect(profileFromText('je suis plombier à Alès, 6 salariés, CA 450 k€').turnover).toBe(450_000);
    expect(profileFromText('CA 1,2 M€').turnover).toBe(1_200_000);
    expect(profileFromText("chiffre d'affaires de 2 millions").turnover).toBe(2_000_000);
    expect(profileFromText('menuisier, 3 personnes, 450.000 €')).toMatchObject({ activity: 'menuisier', employees: 3, turnover: 450_000 });
    // The headcount is not taken from the amount's digits, nor the amount from the headcount.
    expect(profileFromText('peintre 4 salariés CA 320 000 €')).toMatchObject({ activity: 'peintre', employees: 4, turnover: 320_000 });
  });

  it('flags a turnover no SME can have instead of keeping it', () => {
    expect(profileFromText("chiffre d'affaires 450000000000 €")).toEqual({ absurdTurnover: 450_000_000_000 });
    expect(profileFromText('CA 12 €')).toEqual({ absurdTurnover: 12 });
    expect(profileFromText('CA 12 €').turnover).toBeUndefined();
  });

  it('reads certifications, their absence, kinds of contracts and several departments', () => {
    expect(profileFromText('Qualibat 5211 et RGE').certifications).toEqual(['Qualibat 5211', 'RGE']);
    expect(profileFromText('aucune').certifications).toEqual([]);
    expect(profileFromText('ESAT de blanchisserie').certifications).toEqual(['ESAT']);
    expect(profileFromText('des travaux et des services').natures).toEqual(['TRAVAUX', 'SERVICES']);
    expect(profileFromText("paysagiste dans le Gard et l'Hérault")).toEqual({ activity: 'paysagiste', departments: ['30', '34'] });
    expect(profileFromText('couvreur à Saint-Christol-lès-Alès')).toEqual({ activity: 'couvreur', town: 'Saint-Christol-lès-Alès', departments: ['30'] });
    expect(profileFromText('maçon basé à Avignon')).toEqual({ activity: 'maçon', town: 'Avignon', departments: ['84'] });
    expect(profileFromText('je travaille seul').employees).toBe(0);
  });

  it('never throws on empty or odd input', () => {
    expect(profileFromText('')).toEqual({});
    expect(profileFromText('???')).toEqual({});
    expect(() => profileFromText('1'.repeat(5000))).not.toThrow();
    expect(profileFromText('plomberie chauffage '.repeat(500)).activity!.split(' ')).toHaveLength(20);
  });

  it('recognises "oublier mon profil" and "plus de résultats" only as whole requests', () => {
    expect(isForgetProfile('oublier mon profil')).toBe(true);
    expect(isForgetProfile('Supprimez mon profil svp')).toBe(true);
    expect(isForgetProfile('je veux oublier mon profil de plombier et trouver des marchés')).toBe(false);
    expect(isMoreResults('Plus de résultats')).toBe(true);
    expect(isMoreResults("d'autres marchés")).toBe(true);
    expect(isMoreResults('plus de résultats sur la plomberie à Nîmes')).toBe(false);
  });
});
