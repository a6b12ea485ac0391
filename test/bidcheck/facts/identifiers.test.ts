import { findCompanyNumbers, findIbans, findRibs, luhnValid, malformedCompanyNumbers, sirenOrSiretValid } from '../../../src/bidcheck/facts/identifiers';
import { lightFold } from '../../../src/bidcheck/textForms';

describe('SIREN / SIRET (bid-rules.md R26 vectors)', () => {
  it.each([
    ['73282932000074', true],
    ['35600000000048', true],
    ['35600000049837', true],
    ['552081317', true],
    ['12345678912345', false],
    ['552081318', false],
    ['35600000049838', false],
  ])('%s valid: %s', (digits, valid) => {
    expect(sirenOrSiretValid(digits)).toBe(valid);
  });

  it('Luhn is the plain algorithm', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('reads numbers through NBSP, glued words and labels, not EUID nor phone numbers', () => {
    const text = lightFold('Immatriculation au RCS, numéro982\u00a0574\u00a0717 R.C.S. Nîmes EUIDFR3801.982574717 Tél. 04 66 00 00 00 SIRET : 732\u202f829\u202f320 00074');
    const numbers = findCompanyNumbers(text).map((n) => n.digits);
    expect(numbers).toContain('982574717');
    expect(numbers).toContain('73282932000074');
    expect(numbers.filter((n) => n === '982574717')).toHaveLength(1);
  });
});

describe('IBAN and RIB key (R45)', () => {
  it('accepts the reference French IBAN and its RIB key', () => {
    expect(findIbans('IBAN : FR76 3000 6000 0112 3456 7890 189')).toEqual([{ value: 'FR7630006000011234567890189', valid: true, ribKeyValid: true }]);
  });

  it('rejects a one-digit typo', () => {
    expect(findIbans('IBAN FR76 3000 6000 0112 3456 7890 188')[0]).toMatchObject({ valid: false });
  });

  it('tells a wrong RIB key inside an IBAN whose own checksum is right', () => {
    // BBAN 30006 00001 12345678901 88 (wrong key) with IBAN check digits recomputed over it: 06.
    expect(findIbans('IBAN FR06 3000 6000 0112 3456 7890 188')).toEqual([{ value: 'FR0630006000011234567890188', valid: true, ribKeyValid: false }]);
  });

  it('checks a RIB written as its four fields, letters in the account number included', () => {
    const rib = (key: string) => lightFold(`Code banque  Code guichet  N° de compte  Clé RIB\n30006  00001  12345678901  ${key}`);
    expect(findRibs(rib('89'))).toEqual([{ bban: '30006000011234567890189', keyValid: true }]);
    expect(findRibs(rib('88'))[0]).toMatchObject({ keyValid: false });
    expect(findRibs(lightFold('Code banque : 20041 Code guichet : 01005 Compte : 0500013M026 Clé : 06'))[0]).toMatchObject({ keyValid: true });
    expect(findRibs(lightFold('Téléphone 04 66 12 34 56, commande 12345 du 01/02/2026'))).toEqual([]);
  });
});

describe('malformed SIRET/SIREN (R25)', () => {
  it.each([
    ['SIRET : 552 081 317 0001', true],
    ['N° SIRET 5520813170001899', true],
    ['SIRET : 552 081 317 00018', false],
    ['SIRET 55208131700018 12 rue des Arènes', false],
    ['SIREN : 552 081 317', false],
    ['SIRET : 552 081 317', false],
    ['SIREN 552 081 317 Nîmes 30000', false],
  ])('"%s" malformed: %s', (text, malformed) => {
    expect(malformedCompanyNumbers(lightFold(text)).length > 0).toBe(malformed);
  });
});
