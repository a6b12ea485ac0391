import { isBareAskRequest, looksLikeQuestion, namesGoalObject, withoutMarkup } from '../../dialogs/requestShape';

describe('the shape of what the SME typed', () => {
  it.each(['c koi la diff entre dc1 et dume', 'decenale a fournir qd', 'pk on me demande un kbis', 'ya t il un délai', 'le dume est obligatoire ?', "c'est quoi un marché de conception-réalisation", 'combien de temps pour être payé', 'un certificat obtenu en Italie est-il accepté'])('"%s" is asked as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['travaux', 'le 15 janvier', 'DUME', "j'ai pas de certificat", 'en groupement', 'la mairie ne me paie pas depuis 3 mois', 'lot 2', 'vérifier mon dossier'])('"%s" is not', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });

  it('tells « j’ai une question » from a question already asked', () => {
    for (const text of ['Poser une question', "j'ai une question", "Bonjour, j'aurais une petite question svp", 'une autre question', 'je voudrais vous poser une question']) expect(isBareAskRequest(text)).toBe(true);
    for (const text of ["j'ai une question sur le dume", 'question dc4', 'le dume', 'bonjour']) expect(isBareAskRequest(text)).toBe(false);
  });

  it('knows a tender search from a question about tenders or a reply', () => {
    for (const text of ['quels marchés pour moi', 'y a des appels d offres en plomberie dans le gard ?', 'trouvez-moi des marchés', 'des AO en cours ?']) expect(namesGoalObject('FIND_TENDERS', text)).toBe(true);
    for (const text of ["c'est quoi un marché de conception-réalisation ?", 'redressement judiciaire marché public possible ?', 'je vais chercher mes fichiers', "appel d offre ouvert", 'travaux']) expect(namesGoalObject('FIND_TENDERS', text)).toBe(false);
  });

  it('knows a request to reach someone or to check a dossier', () => {
    expect(namesGoalObject('CONTACT_CLUB', 'contacter un acheteur')).toBe(true);
    expect(namesGoalObject('CONTACT_CLUB', "je peux contester l'attribution ?")).toBe(false);
    expect(namesGoalObject('CHECK_DOSSIER', 'vous pouvez vérifier mon dossier ?')).toBe(true);
    expect(namesGoalObject('CHECK_DOSSIER', 'le dume c obligatoire ?')).toBe(false);
  });

  it('reads the words, not the markup', () => {
    expect(withoutMarkup('<script>alert(1)</script>')).toBe('');
    expect(withoutMarkup('<p>le <b>DUME</b> c obligatoire ?</p>')).toBe('le DUME c obligatoire ?');
    expect(withoutMarkup('<img src=x onerror=alert(1)>attestation urssaf')).toBe('attestation urssaf');
    expect(withoutMarkup('un montant < 40 000 € et > 25 000 €')).toBe('un montant < 40 000 € et > 25 000 €');
  });
});
