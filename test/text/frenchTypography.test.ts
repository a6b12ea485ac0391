import { frenchTypography, NARROW_NBSP as F, NBSP as N } from '../../src/text/frenchTypography';

describe('French typography', () => {
  it.each([
    ['Que faire : corriger', `Que faire${N}: corriger`],
    ['Attention: le pli est parti', `Attention${N}: le pli est parti`],
    ['Voulez-vous continuer ?', `Voulez-vous continuer${F}?`],
    ['Vraiment?! Oui', `Vraiment${F}?! Oui`],
    ['dépôt ; attribution', `dépôt${F}; attribution`],
    ['Bonjour !', `Bonjour${F}!`],
    ['J’ai bien reçu « kbis.pdf ».', `J’ai bien reçu «${F}kbis.pdf${F}».`],
    ['«collé»', `«${F}collé${F}»`],
    ['Répondez « oui »?', `Répondez «${F}oui${F}»${F}?`],
  ])('%s', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each([
    ['a time', 'Date limite le 12/12/2026 à 12:00 (heure de Paris)'],
    ['a web address', 'Voir https://www.marches-publics.gouv.fr/?page=entreprise.EntrepriseHome&lang=fr'],
    ['a bare address', 'www.gard.cci.fr?x=1'],
    ['an e-mail', 'Écrire à contact@gard.cci.fr'],
    ['an emoticon', 'Parfait :) ;-)'],
    ['a ratio and a query', 'Échelle 1:2, page.php?id=3'],
    ['new lines', 'Pièces reconnues\n: rien\n?'],
  ])('leaves %s alone', (_what, text) => {
    expect(frenchTypography(text)).toBe(text);
  });

  it('is idempotent, and fixes the spaces already typed as ordinary or the wrong non-breaking ones', () => {
    const once = frenchTypography(`« a » : b ?${N}! c${F}:`);
    expect(frenchTypography(once)).toBe(once);
    expect(once).toBe(`«${F}a${F}»${N}: b${F}?${F}! c${N}:`);
  });
});

describe('typography kept for texts seen before', () => {
  it('gives the same result the second time, for short texts and for texts too long to keep', () => {
    const short = 'Attention: le dépôt ferme à 12:00 ! Voir « DUME »';
    const long = `${'Question ? '.repeat(500)}fin: oui`;
    const first = [frenchTypography(short), frenchTypography(long)];
    expect([frenchTypography(short), frenchTypography(long)]).toEqual(first);
    expect(first[0]).toBe(`Attention${N}: le dépôt ferme à 12:00${F}! Voir «${F}DUME${F}»`);
    expect(first[1]!.endsWith(`fin${N}: oui`)).toBe(true);
  });
});
