import { linksIn, textProblems } from '../../src/knowledge/textChecks';

/** The problems of one text, as "what — fix". */
function refusals(text: string): string[] {
  return textProblems('messages.json', { messages: { 'a.b': text } }).map((p) => `${p.what} — ${p.fix}`);
}

describe('links in knowledge texts: only to public https:// sites, never an image', () => {
  it.each([
    ['[cliquez ici](javascript:alert(1))', /un lien \(« \[cliquez ici\]\(javascript:alert\(1\)\) »\) vers un script ou un contenu caché/],
    ['[x](<javascript:alert(1)>)', /vers un script/],
    ['[x](data:text/html,bonjour)', /vers un script ou un contenu caché \(javascript:, data:, file:…\)/],
    ['<javascript:alert(1)>', /un lien \(« <javascript:alert\(1\)> »\) vers un script/],
    ['[x](http://127.0.0.1/admin)', /vers une adresse locale ou privée/],
    ['[x](https://127.0.0.1/admin)', /vers une adresse locale ou privée/],
    ['voir https://0x7f000001/ (le même ordinateur, écrit autrement)', /l’adresse « https:\/\/0x7f000001\/ » : le chat en fait un lien vers une adresse locale ou privée/],
    ['[x](https://[::1]/)', /adresse locale ou privée/],
    ['[x](https://localhost:3978/api)', /adresse locale ou privée/],
    ['[x](https://intranet/dce.zip)', /adresse locale ou privée/],
    ['[x](https://serveur.local/dce.zip)', /adresse locale ou privée/],
    ['[x](http://www.economie.gouv.fr/daj)', /vers une adresse non chiffrée .* — écrivez l’adresse en https:\/\//],
    ['Voir http://www.boamp.fr/avis pour le détail.', /l’adresse « http:\/\/www\.boamp\.fr\/avis » : le chat en fait un lien vers une adresse non chiffrée/],
    ['Voir //www.boamp.fr/avis', /non chiffrée/],
    ['[impots.gouv.fr](https://www.impots.gouv.fr@exemple-piege.com/)', /ce qui précède « @ » n’est pas le site ouvert/],
    ['[la fiche]({noticeUrl})', /autre chose qu’une adresse web complète en https:\/\/ \(une adresse relative, une valeur \{…\}/],
    ['[la fiche](/admin)', /autre chose qu’une adresse web complète/],
    ['Voir [la fiche][1].\n\n[1]: javascript:alert(1)', /une définition de lien \(« \[1\]: javascript:alert\(1\) »\) vers un script/],
    ['<contact@cci-gard.fr>', /une adresse électronique écrite entre chevrons — écrivez l’adresse sans les chevrons/],
    ['![](https://suivi.exemple-pub.com/p.gif)', /une image Markdown .*\(un pixel espion.* — retirez-la/],
    ['![le logo de la CCI](https://www.cci.fr/logo.png)', /une image Markdown/],
  ])('%s is refused', (text, expected) => {
    const found = refusals(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it.each([
    '[le guide de la DAJ](https://www.economie.gouv.fr/daj)',
    '[le guide]( https://www.economie.gouv.fr/daj "Guide de la DAJ")',
    '<https://www.marches-publics.gouv.fr>',
    'Contrôlez-le sur le validateur (https://esignature.chorus-pro.gouv.fr, rubrique « Vérifier une signature »).',
    'Le DSS (https://ec.europa.eu/digital-building-blocks/DSS/webapp-demo/validation) le vérifie aussi.',
    'Le montant (HT) [voir annexe] est dû (art. R2143-4).',
    'Les pièces [DC1, DC2] (ou le DUME) sont demandées.',
    '[sic](voir plus haut)',
    'La case [x] (cochée) suffit ; [Note] : (a) et (b).',
    'Voir la rubrique [1]: elle dit tout',
    'Un seuil < 40 000 € HT et > 10 € ; a<b.',
    'Et/ou 1/2 ; 3 € HT/mois ; 24h/24.',
    'Écrivez « marchespublics.gard.fr » dans votre navigateur.',
    '{count, plural, one {# marché} other {# marchés}} (voir [la liste] ci-dessous)',
  ])('ordinary French is fine: %s', (text) => {
    expect(refusals(text)).toEqual([]);
  });

  it('says the first link the chat must not draw, once per text, with an HTML problem apart', () => {
    expect(refusals('[a](http://www.exemple.fr) puis [b](javascript:x)')).toEqual([expect.stringMatching(/non chiffrée/)]);
    expect(refusals('<b>Gras</b> et [b](javascript:x)')).toEqual([expect.stringMatching(/^contient du HTML/), expect.stringMatching(/vers un script/)]);
  });

  it('finds every kind of link in text order, an address inside a link counted once', () => {
    expect(linksIn('[a](https://a.fr) <https://b.fr> https://c.fr ![i](https://d.fr/i.png)').map((link) => [link.kind, link.target])).toEqual([
      ['link', 'https://a.fr'],
      ['autolink', 'https://b.fr'],
      ['address', 'https://c.fr'],
      ['image', 'https://d.fr/i.png'],
    ]);
  });
});
