import { cleanForStorage, scrubPersonalData } from '../../src/privacy';
import { FIRST_NAMES } from '../../src/privacy/lists/firstNames';
import { foldWord } from '../../src/privacy/regexWords';

/** As the gap log does it: cleaned (NFKC, one space), then scrubbed. */
function scrub(text: string): string {
  return scrubPersonalData(cleanForStorage(text));
}

describe('scrubPersonalData: each kind of personal data, in the spellings people type', () => {
  it.each([
    ['écrivez-moi à jean.dupont@orange.fr svp', 'écrivez-moi à [courriel] svp'],
    ['Jean.Dupont@Orange.FR', '[courriel]'],
    ['mail : contact@plomberie-gardoise.fr', 'mail : [courriel]'],
    ['jean_dupont@wanadoo.fr, marie-claire.durand@laposte.net', '[courriel], [courriel]'],
    ['écrire à contact @ mairie-uzes.fr', 'écrire à [courriel]'],
    ["mon mail c'est jean point dupont arobase gmail point com merci", "mon mail c'est [courriel] merci"],
    ['jean.dupont (at) free (dot) fr', '[courriel]'],
    ['jean.dupont[at]gmail[dot]com', '[courriel]'],
  ])('e-mail: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it.each([
    ['appelez-moi au 06 12 34 56 78', 'appelez-moi au [téléphone]'],
    ['06.12.34.56.78', '[téléphone]'],
    ['06-12-34-56-78', '[téléphone]'],
    ['0612345678 après 18h', '[téléphone] après 18h'],
    ['le bureau : 04 66 12 34 56', 'le bureau : [téléphone]'],
    ['+33 6 12 34 56 78', '[téléphone]'],
    ['+33 (0)6 12 34 56 78', '[téléphone]'],
    ['+33(0)612345678', '[téléphone]'],
    ['0033 6 12 34 56 78', '[téléphone]'],
    ['0033612345678', '[téléphone]'],
    ['+33612345678', '[téléphone]'],
    ['tél : 06 123 456 78', 'tél : [téléphone]'],
    ['mon portable 0 6 1 2 3 4 5 6 7 8', 'mon portable [téléphone]'],
    ['en Belgique +32 2 123 45 67', 'en Belgique [téléphone]'],
    // Non-breaking and narrow non-breaking spaces, as phones and word processors type them.
    ['06\u00a012\u00a034\u00a056\u00a078', '[téléphone]'],
    ['06\u202f12\u202f34\u202f56\u202f78', '[téléphone]'],
    // Slashes, spaced or typographic dashes, underscores, the first pair in brackets.
    ['rappel au 06/12/34/56/78.', 'rappel au [téléphone].'],
    ['06 - 12 - 34 - 56 - 78', '[téléphone]'],
    ['06–12–34–56–78', '[téléphone]'],
    ['06_12_34_56_78', '[téléphone]'],
    ['(04) 66 12 34 56', '[téléphone]'],
    // A mobile grouped any way with spaces or dots (a date before a time is not one).
    ['0612 34 56 78', '[téléphone]'],
    ['06 1234 5678', '[téléphone]'],
    ['07 12 345 678', '[téléphone]'],
    ['06 12.34.56.78', '[téléphone]'],
    ['vous pouvez me joindre 04 66 123 456', 'vous pouvez me joindre [téléphone]'],
    ['me contacter 04 66 123 456', 'me contacter [téléphone]'],
  ])('phone: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it.each([
    ['mon siret 732 829 320 00074', 'mon siret [SIRET]'],
    ['73282932000074', '[SIRET]'],
    ['SIRET : 123 456 789 00012', 'SIRET : [SIRET]'],
    // A mistyped key, announced as a SIRET: scrubbed all the same.
    ["mon siret c'est 12345678900013", "mon siret c'est [SIRET]"],
    ['siren 732829320', 'siren [SIREN]'],
    ['notre entreprise 732 829 320 peut-elle répondre ?', 'notre entreprise [SIREN] peut-elle répondre ?'],
    ['RCS Nîmes 732 829 320', 'RCS Nîmes [SIREN]'],
    ['La Poste 356 000 000 00048', 'La Poste [SIRET]'],
    ['TVA FR 40 732829320', 'TVA [TVA]'],
    ['FR40732829320', '[TVA]'],
  ])('SIREN, SIRET, VAT number: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it.each([
    ['iban FR76 3000 6000 0112 3456 7890 189 merci', 'iban [IBAN] merci'],
    ['fr76 3000 6000 0112 3456 7890 189', '[IBAN]'],
    ['IBAN FR7630006000011234567890189', 'IBAN [IBAN]'],
    ['FR76-3000-6000-0112-3456-7890-189', '[IBAN]'],
    // A French IBAN with a wrong key is still an account number.
    ['mon RIB FR76 3000 6000 0112 3456 7890 188', 'mon RIB [IBAN]'],
    ['DE89 3704 0044 0532 0130 00', '[IBAN]'],
  ])('IBAN: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it.each([
    ["j'habite 12 rue de la République", "j'habite [adresse]"],
    ['12, rue de la république', '[adresse]'],
    ['3 bis av. Jean Jaurès 30000 Nîmes', '[adresse]'],
    ['12bis rue Victor Hugo, 30000 Nîmes', '[adresse]'],
    ['7 bd Gambetta 30000 Nîmes : le DUME ?', '[adresse] : le DUME ?'],
    ['10 chemin du Mas de Roux 30230 Rodilhan', '[adresse]'],
    ['2 impasse des Lilas 30700 Uzès', '[adresse]'],
    ['impasse des Lilas, BP 123, 30000 Nîmes Cedex 9', '[adresse]'],
    ['lieu-dit Les Cabanes 30210 Vers-Pont-du-Gard', '[adresse]'],
    ['lieu dit la bastide, c koi le dume', '[adresse], c koi le dume'],
    ['B.P. 45 et CS 30001', '[adresse] et [adresse]'],
    ['on est à 30900 Nîmes', 'on est à [adresse]'],
    ['1 place de la Maison Carrée', '[adresse]'],
  ])('postal address: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it.each([
    ['je m’appelle Jean Dupont et je voudrais savoir c koi le dume', 'je m’appelle [nom] et je voudrais savoir c koi le dume'],
    ["je m'appelle jean dupont, je voudrais savoir", "je m'appelle [nom], je voudrais savoir"],
    ['je me présente : Sophie Durand, gérante', 'je me présente : [nom], gérante'],
    ["moi c'est kevin", "moi c'est [nom]"],
    ['M. Martin m’a dit que le DC1 suffisait', 'M. [nom] m’a dit que le DC1 suffisait'],
    ['M. Jean-Pierre Martin', 'M. [nom]'],
    ['Mme Sophie Durand de Nîmes Métropole', 'Mme [nom] de Nîmes Métropole'],
    ['madame Durand et Monsieur Leroy', 'madame [nom] et Monsieur [nom]'],
    ['Me Bernard, notre avocat', 'Me [nom], notre avocat'],
    ["c'est Paul de la boîte Plomberie Gardoise, on peut répondre seul ?", "c'est [nom] de la boîte [entreprise], on peut répondre seul ?"],
    ["c'est Paul de chez Martin Électricité", "c'est [nom] de chez [entreprise]"],
    ['je suis Sophie Martin, de la société Durand', 'je suis [nom], de la société [entreprise]'],
    ['Cordialement, Pierre Lefèvre', 'Cordialement, [nom]'],
    ['Bien cordialement,\nPierre Lefèvre', 'Bien cordialement, [nom]'],
    ['cordialement pierre', 'cordialement [nom]'],
    ['Bien à vous, Anne-Sophie de La Tour', 'Bien à vous, [nom]'],
    ['Merci, Jean', 'Merci, [nom]'],
    ['Merci beaucoup Marc !', 'Merci beaucoup [nom] !'],
    ['Cordialement, Pierre Lefèvre, SARL Lefèvre Plomberie, 06 12 34 56 78', 'Cordialement, [nom], SARL [entreprise], [téléphone]'],
    ['la SARL Dupont BTP peut-elle candidater ?', 'la SARL [entreprise] peut-elle candidater ?'],
    ["ma société s'appelle dupont renov", "ma société s'appelle [entreprise]"],
    // How people introduce the firm they run or work for, and a name before its legal form.
    ['je suis gérant de Martin Plomberie, le DUME est obligatoire ?', 'je suis gérant de [entreprise], le DUME est obligatoire ?'],
    ["gérante d'Azur Nettoyage : on peut répondre à deux ?", "gérante d'[entreprise] : on peut répondre à deux ?"],
    ['je travaille chez Durand Bâtiment', 'je travaille chez [entreprise]'],
    ['Durand Frères SARL peut-elle candidater ?', '[entreprise] SARL peut-elle candidater ?'],
    ['les pièces de Martin Plomberie SARL étaient complètes', 'les pièces de [entreprise] SARL étaient complètes'],
    ['on a monté Lefèvre SAS en 2024, trop jeune ?', 'on a monté [entreprise] SAS en 2024, trop jeune ?'],
    ['gérant de SARL Martin, je peux répondre seul ?', 'gérant de SARL [entreprise], je peux répondre seul ?'],
    // A full name before the role it holds in a firm, with no other cue.
    ['Jean Dupont, gérant de Dupont Rénovation : le DC1 est-il signé ?', '[nom], gérant de [entreprise] : le DC1 est-il signé ?'],
    ['Bonjour, Marie-Claire Durand, gérante d’une SARL à Alès, le DUME ?', 'Bonjour, [nom], gérante d’une SARL à Alès, le DUME ?'],
    ['ici Paul Roux gérant chez Roux Peinture', 'ici [nom] gérant chez [entreprise]'],
    ['Anne de La Tour (dirigeante de la SCOP), on peut répondre ?', '[nom] (dirigeante de la SCOP), on peut répondre ?'],
    ['Kevin Martin, fondateur d’une jeune entreprise de nettoyage', '[nom], fondateur d’une jeune entreprise de nettoyage'],
    // A full name before the firm it comes from, as a testimony signs; a buyer's proposal naming its contact.
    ['jai été rejeté, Jean Dupuis de chez Dupuis Plomberie 06 11 22 33 44.', 'jai été rejeté, [nom] de chez [entreprise] [téléphone].'],
    ['Sophie Martin de la société Durand, on peut répondre ?', '[nom] de la société [entreprise], on peut répondre ?'],
    ['Contact : Jean Martin 06 12 34 56 78', 'Contact : [nom] [téléphone]'],
    ['interlocuteur : Paul Roux, service des marchés', 'interlocuteur : [nom], service des marchés'],
  ])('person or firm name: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it.each([
    ["j'ai eu Pierre Martin au téléphone, il m'a dit que mon DC2 était faux", "j'ai eu [nom] au téléphone, il m'a dit que mon DC2 était faux"],
    ['Sophie Durand du service achats du CHU ne répond pas', '[nom] du service achats du CHU ne répond pas'],
    ['merci à Karim Benali pour son aide', 'merci à [nom] pour son aide'],
    ["avec Jean-Marc ça s'est mal passé", "avec [nom] ça s'est mal passé"],
    ["Karim BENALI m'a renvoyé le DC4 sans signature", "[nom] m'a renvoyé le DC4 sans signature"],
    ["l'acheteuse Sophie Durand-Roux exige un mémoire de 10 pages", "l'acheteuse [nom] exige un mémoire de 10 pages"],
    ['BERTRAND Hélène, Présidente, a signé', '[nom], Présidente, a signé'],
    ['Laurent Rossi du CD30 a reporté la date limite', '[nom] du CD30 a reporté la date limite'],
    ['Grâce à Mohamed Haddad on a gagné le lot 2', 'Grâce à [nom] on a gagné le lot 2'],
    ['selon Giuseppe Romano le CCAP est faux', 'selon [nom] le CCAP est faux'],
    ['Rendez-vous avec José García lundi pour le chantier', 'Rendez-vous avec [nom] lundi pour le chantier'],
    ['la visite avec Aïcha El Idrissi est annulée', 'la visite avec [nom] est annulée'],
    ["Hélène Garnier et Paul Girard ont signé l'acte d'engagement", "[nom] et [nom] ont signé l'acte d'engagement"],
    ["le maître d'œuvre, Cédric Lambert, refuse la variante", "le maître d'œuvre, [nom], refuse la variante"],
    ['Mme Lopez puis avec Julien Moreau, on a signé', 'Mme [nom] puis avec [nom], on a signé'],
    ['appelé Marie-Claire ce matin pour la visite', 'appelé [nom] ce matin pour la visite'],
    ['contacté Youssef de la mairie, pas de réponse', 'contacté [nom] de la mairie, pas de réponse'],
    ['demandé à Fatima si le Kbis de 4 mois passe', 'demandé à [nom] si le Kbis de 4 mois passe'],
    ["le mail d'Isabelle est resté sans réponse", "le mail d'[nom] est resté sans réponse"],
    ['avec Karim et Sophie on répond en groupement', 'avec [nom] et [nom] on répond en groupement'],
    ["Pierre m'a dit que mon DC2 était faux", "[nom] m'a dit que mon DC2 était faux"],
    ['Sophie ne répond pas aux mails', '[nom] ne répond pas aux mails'],
    ['Antoine nous a envoyé le CCTP', '[nom] nous a envoyé le CCTP'],
    ['vu avec thomas pour le devis, c bon ?', 'vu avec [nom] pour le devis, c bon ?'],
    ['jai eu nathalie au tel elle dit que c trop tard', 'jai eu [nom] au tel elle dit que c trop tard'],
    ['avec rachid on a depose l offre hier', 'avec [nom] on a depose l offre hier'],
    ['on a vu avec marie de la mairie', 'on a vu avec [nom] de la mairie'],
    ['Bonjour Sophie, je voudrais savoir si le DC1 suffit', 'Bonjour [nom], je voudrais savoir si le DC1 suffit'],
    ['salut karim, c koi le dume', 'salut [nom], c koi le dume'],
    ['eu Jean-Baptiste Fabre au tel : offre rejetée', 'eu [nom] au tel : offre rejetée'],
    ['j ai appele Helene Garnier au service marches', 'j ai appele [nom] au service marches'],
    ['JEAN-PIERRE MOREAU DIT QUE LE DUME SUFFIT', '[nom] DIT QUE LE DUME SUFFIT'],
  ])('person named with no cue but a listed first name: %s', (input, expected) => expect(scrub(input)).toBe(expected));

  it('scrubs several kinds in one message and leaves the question word for word', () => {
    expect(scrub('Bonjour, je m’appelle Jean Dupont (06 12 34 56 78, jean.dupont@free.fr), SIRET 732 829 320 00074. c koi la diff entre dc1 et dume ?')).toBe(
      'Bonjour, je m’appelle [nom] ([téléphone], [courriel]), SIRET [SIRET]. c koi la diff entre dc1 et dume ?',
    );
  });
});

describe('scrubPersonalData: the words of the question survive', () => {
  const QUESTIONS = [
    'c koi la diff entre dc1 et dume',
    'Le DUME est-il obligatoire pour un marché de Nîmes Métropole ?',
    'Quel est le seuil de 216 000 € HT en 2026 ?',
    'seuil 216000 c ht ou ttc',
    '40000 ou 60000 le seuil ??',
    'Un marché de 5 404 000 € HT pour des travaux, c’est une procédure formalisée ?',
    'un marché de 216 000 000 € HT et un de 123 456 789 euros, c’est formalisé ?',
    'le montant estimé 732 829 320 dépasse le seuil ?',
    'J’ai déposé le 12/03/2025 à 12h01, c’est mort ?',
    'le 01.02.2024 10h j’ai déposé mon offre sur PLACE',
    'La date limite est le 1er avril 2026 à 12 h 00',
    'Le marché 2026-0042 du Conseil départemental du Gard : comment répondre ?',
    'Est-ce que la Ville d’Alès accepte le DC1 non signé ?',
    'La Région Occitanie impose-t-elle la signature électronique ?',
    'Mon chiffre d’affaires est de 450 000 euros, puis-je candidater à un lot de 1 200 000 € ?',
    'On est 6 salariés, c’est trop petit pour un appel d’offres ?',
    'Faut-il fournir le Kbis de moins de 3 mois ?',
    'attestation URSSAF de vigilance c’est tous les 6 mois ?',
    'Chorus Pro pour les factures, c’est obligatoire ?',
    'sous-traitance DC4 : le sous-traitant doit-il signer ?',
    'ae pas signé c grave ?',
    'je suis plombier à Uzès, le DUME c quoi',
    'Je suis artisan, je peux répondre seul ?',
    'c’est quoi un marché de conception-réalisation ?',
    'tu connais un bon garagiste à Uzès ?',
    'Au cours de la procédure, l’acheteur peut-il négocier ?',
    '1 cours de formation est-il un marché public ?',
    '3 places de parking sont prévues dans le CCTP',
    'Par voie électronique obligatoire depuis le 1er octobre 2018 ?',
    'M. le Maire peut-il attribuer sans publicité ?',
    'Monsieur le Président du jury a refusé notre offre',
    'Madame, Monsieur, je souhaite savoir si le DC2 suffit',
    'Merci pour votre réponse',
    'Merci beaucoup, bonne journée',
    'Merci Nîmes Métropole pour la réponse',
    'Cordialement',
    'signature eIDAS qualifiée, Docusign ça marche ?',
    'la copie de sauvegarde sur clé USB avant 12h00 le 15 mars ?',
    'Le BOAMP publie les MAPA à partir de 90 000 € HT',
    'C’est la SAS ou la SARL qui doit signer ?',
    'Une SARL peut-elle candidater en groupement ?',
    'L’avance de 20 % est-elle obligatoire pour les PME ?',
    'Le délai de paiement est de 30 jours, et 50 jours pour les hôpitaux',
    'On a 2 lots : lot 1 maçonnerie 150 000 € et lot 2 charpente 80 000 €',
    'Ma boîte fait du BTP, je dois avoir Qualibat ?',
    'Je travaille chez moi, faut-il une adresse commerciale ?',
    'l’entreprise individuelle peut-elle répondre ?',
    'un seuil de 40000 Euros HT',
    'entre 30000 et 40000 euros',
    'le code CPV 45330000 plomberie',
    'code NAF 4322A pour le marché 26-81510',
    'Pour 25000 habitants la commune doit publier ?',
    'l’article R2143-4 du code de la commande publique',
    'Route nationale 106 fermée, l’offre arrivera en retard ?',
    'en route pour la mairie, le dépôt c’est jusqu’à quand ?',
    'Je suis en retard de 2 minutes, que faire ?',
    'La rue est barrée, je dépose en main propre ?',
    'mapa ca veut dire quoi',
    'la visite est le 06.12.2026 10 h 30, faut-il s’inscrire ?',
    'dépôt le 07/12/2026 12:00 au plus tard ?',
    'le 06 12 2026 à 10 h, c’est trop tard ?',
    'faut il un memoire technique pour un marché de 30 000 €',
    // Roles and legal forms that name no firm.
    'gérant de SARL, puis-je répondre seul ?',
    'Je suis gérante de SAS : le DC1 suffit ?',
    'dirigeant de PME, le DUME est obligatoire ?',
    'Le président de Nîmes Métropole signe-t-il le marché ?',
    'le président de la commission d’appel d’offres peut-il refuser ?',
    'Président de Alès Agglomération, qui est-ce ?',
    'salarié de La Poste, puis-je créer une EURL ?',
    'Entre EURL et SARL, laquelle pour répondre ?',
    'Chaque SARL doit-elle fournir un Kbis ?',
    'Toute SAS peut candidater ?',
    'Différence SAS SARL pour un marché ?',
    'passer de EURL en SAS avant de candidater ?',
    'le Kbis SARL de moins de 3 mois ?',
    'une SCOP du BTP à Bagnols-sur-Cèze peut-elle candidater ?',
    // Capitalised words before a role that are a town of the Gard, a trade or a firm, not a name.
    'à Saint Gilles, gérant de camping, puis-je répondre ?',
    'Pont Saint Esprit, gérant d’une petite entreprise, le DUME ?',
    'au Grau du Roi, patron de bar, les marchés de la commune ?',
    'Aigues Mortes, dirigeant de TPE : le Kbis ?',
    'Plomberie Générale, gérant de société depuis 2010 : le DC2 ?',
    'Travaux Publics, dirigeant de PME : quels marchés ?',
    'Nîmes Métropole, fondateur de la démarche ?',
    'Jeune Entreprise, gérant de moins de 2 ans : peut-on candidater ?',
    'Espaces Verts, patron de 3 salariés : les marchés de la mairie ?',
    'Le gérant de la SARL doit-il signer le DC1 ?',
    'Maçon, gérant de ma boîte, je réponds seul ?',
    'Uzès, Sommières, Beaucaire : gérant de deux boutiques, où répondre ?',
    'Bonjour Madame, gérante de SAS, le DUME ?',
    // First names in the names of buildings, streets, towns, holidays, brands, and first names that are words.
    'Le collège Jean Moulin lance un marché de restauration',
    'le lycée Albert Camus de Nîmes cherche un prestataire',
    'La salle Marie Curie est-elle dans le lot 2 ?',
    'Le stade Louis Michel à Alès : travaux de pelouse ?',
    'le groupe scolaire Jean Jaurès de Bagnols a publié un MAPA',
    'le gymnase Pierre de Coubertin doit être repeint',
    "l'école maternelle Marie Curie passe en appel d'offres",
    "La médiathèque Carré d'Art et l'espace Albert Camus",
    'Je travaille à Saint-Gilles et à Pont-Saint-Esprit',
    'un chantier à Villeneuve-lès-Avignon et au Grau-du-Roi',
    'la mairie de Saint-Christol-lez-Alès publie un marché',
    "à Saint Gilles, les marchés de voirie c'est qui ?",
    "Saint Laurent d'Aigouze a un marché de voirie",
    'La France impose le DUME depuis 2018 ?',
    "Paris ou Nîmes, c'est le même seuil ?",
    "max 3 lots par candidat, c'est légal ?",
    'Grâce à la dématérialisation on dépose en ligne',
    'une Renault Mégane et une Peugeot 208 pour la flotte municipale',
    'le marché de fourniture de colin et de cerises pour la cantine',
    "Marie DC1 signé c'est bon ?",
    'Noël approche, le délai est-il prolongé ?',
    'À la Toussaint les mairies ferment-elles ?',
    'mur en pierre sèche : quel CPV ?',
    "avec pierre de taille c'est un lot à part ?",
    'Faut-il une Victoire au tribunal pour être payé ?',
    'Le Conseil départemental du Gard publie-t-il sur le BOAMP ?',
    'avec Chorus Pro, la facture est-elle acceptée ?',
    "j'ai eu la mairie au téléphone, ils disent que c'est ok",
    'Claire et nette : la réponse du BOAMP ?',
    'une église romane à restaurer : faut-il Qualibat ?',
    "vu avec la CCI pour le DUME, c'est bon",
    'Je suis plombier à Uzès, le DUME c quoi',
    "Rose des vents : nom du lot 3, c'est normal ?",
    'le centre hospitalier Louis Pasteur achète du mobilier',
    'la place Charles de Gaulle est en travaux',
    'la Marine Nationale recrute des PME ?',
    "le lycée Jean Baptiste Dumas d'Alès change de cantine",
    'Le Pont du Gard organise un marché',
    'Contact : Nîmes Métropole, direction de la commande publique',
    'Travaux Publics de chez nous, quels marchés ?',
    '👍👍',
  ];

  it.each(QUESTIONS)('%s', (question) => expect(scrub(question)).toBe(question));
});

describe('the list of first names', () => {
  it('is sorted by folded spelling, one spelling per name, and holds no word a question uses', () => {
    const folded = FIRST_NAMES.map(foldWord);
    expect(folded).toEqual([...new Set(folded)].sort());
    expect(FIRST_NAMES.length).toBeGreaterThan(1000);
    for (const word of ['france', 'paris', 'victoire', 'constance', 'prudence', 'rose', 'reine', 'ange', 'grace', 'max', 'noel', 'toussaint', 'mercedes']) {
      expect(folded).not.toContain(word);
    }
  });
});
