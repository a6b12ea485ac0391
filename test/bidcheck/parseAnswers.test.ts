import { isDontKnow, parseDeadline, parseNature, parseStage } from '../../src/bidcheck/parseAnswers';

describe('answers typed in the check dialog', () => {
  it.each([
    ['12/12/2026 à 12h', '2026-12-12T12:00:00+01:00'],
    ['le 4 décembre 2026 17h30', '2026-12-04T17:30:00+01:00'],
    ['lundi 14/12/26', '2026-12-14T12:00:00+01:00'],
    ['12/12 a 10h', '2026-12-12T10:00:00+01:00'],
    ['3 fevrier', '2027-02-03T12:00:00+01:00'],
    ['le 2 juin 2026 à 9h', '2026-06-02T09:00:00+02:00'],
    ['le 15/12 vers midi', '2026-12-15T12:00:00+01:00'],
    ['18/12/2026 minuit', '2026-12-18T23:59:00+01:00'],
  ])('deadline "%s" is %s (Paris time)', (text, iso) => {
    expect(parseDeadline(text, '2026-11-25')).toBe(iso);
  });

  it('reads a yearless date a few weeks gone as a missed deadline, not as next year', () => {
    expect(parseDeadline('le 12 novembre', '2026-12-01')).toBe('2026-11-12T12:00:00+01:00');
    expect(parseDeadline('le 3 septembre', '2026-12-01')).toBe('2027-09-03T12:00:00+02:00');
  });

  it('does not invent a deadline', () => {
    expect(parseDeadline('bientôt', '2026-11-25')).toBeUndefined();
  });

  it.each([
    ['je prépare mon dépot', 'DEPOT'],
    ['jai ete retenu', 'ATTRIBUTION'],
    ["l'acheteur me demande mes justificatifs", 'ATTRIBUTION'],
    ['euh', undefined],
  ])('stage "%s" is %s', (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });

  it.each([
    ['des travaux', 'TRAVAUX'],
    ['travo de peinture', 'TRAVAUX'],
    ['fourniture de mobilier', 'FOURNITURES'],
    ['prestations de nettoyage', 'SERVICES'],
  ])('nature "%s" is %s', (text, nature) => {
    expect(parseNature(text)).toBe(nature);
  });

  it.each(['je ne sais pas', 'jsp', 'chais pas', '?', 'aucune idée'])('"%s" means unknown', (text) => {
    expect(isDontKnow(text)).toBe(true);
  });
});
