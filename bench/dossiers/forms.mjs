// HELD-OUT CORPUS — never tuned on. The wording of the official forms as published (DAJ DC1, DC2,
// DC4, ATTRI1 in their 2019/2024 versions, the DUME export of the national service), of URSSAF,
// DGFiP, greffe, insurers and banks, re-typed from their structure with every option printed and
// only some ticked. When a finding here is wrong, fix the code on the merits; never edit these
// texts to make a figure move (add new dossiers instead, and record it in bench/RESULTS.md).
import { euros, spaced, tva } from './build.mjs';

/** A ticked or unticked option in the box style of the dossier. */
export const box = (style, ticked) => ({
  glyph: ticked ? '{☒}' : '{☐}',
  drawn: ticked ? '{X}' : '{ }',
  square: ticked ? '{■}' : '{□}',
  bracket: ticked ? '[X]' : '[ ]',
  dingbats: ticked ? '{z:✔}' : '{z:❑}',
  letter: ticked ? 'X' : '',
}[style]);

const opt = (style, ticked, text) => `${box(style, ticked)} ${text}`.replace(/^ /, '    ');

/** DC1 (version 2019): every rubric, every option. */
export function dc1({ company, buyer, object, lots, allLots = false, style = 'glyph', f1 = true, group, title = 'MARCHÉS PUBLICS' }) {
  const single = !group;
  return [
    [
      title, 'LETTRE DE CANDIDATURE', 'DC1', 'Désignation du mandataire par ses co-traitants',
      'Le formulaire DC1 est un modèle de lettre de candidature, qui peut être utilisé par les candidats aux marchés publics',
      'ou accords-cadres pour présenter leur candidature. En cas d’allotissement, ce document peut être commun à plusieurs lots.',
      'A - Identification de l’acheteur.', buyer,
      'B - Objet de la consultation.', object,
      'Cette consultation ne donne pas lieu à un marché public réservé.',
      'C - Objet de la candidature.', 'La candidature est présentée :',
      opt(style, !lots && !allLots, 'pour le marché public (en cas de non allotissement) ;'),
      opt(style, allLots, 'pour tous les lots de la procédure de passation du marché public (en cas d’allotissement) ;'),
      opt(style, Boolean(lots) && !allLots, `pour le lot ou les lots n° ${lots && !allLots ? lots.join(', ') : '..........'} de la procédure de passation du marché public (en cas d’allotissement) :`),
      'D - Présentation du candidat.',
      opt(style, single, 'Le candidat se présente seul :'),
      `Nom commercial et dénomination sociale, adresse de l’établissement et numéro SIRET : ${single ? `${company.name}, ${company.address}, SIRET ${spaced(company.siret)}` : ''}`,
      opt(style, !single, 'Le candidat est un groupement d’entreprises :'),
      `${opt(style, group?.type === 'conjoint', 'conjoint')}   OU   ${opt(style, group?.type === 'solidaire', 'solidaire')}`,
      'E - Identification des membres du groupement et répartition des prestations.',
      ...(group ? group.members.map((m, i) => `${i + 1}. ${m.name}, ${m.address}, SIRET ${spaced(m.siret)} - prestations : ${m.share}`) : ['(sans objet)']),
    ],
    [
      'F - Engagements du candidat individuel ou de chaque membre du groupement.',
      'F1 - Exclusions de la procédure.',
      'Le candidat individuel, ou chaque membre du groupement, déclare sur l’honneur n’entrer dans aucun des cas d’exclusion',
      'prévus aux articles L. 2141-1 à L. 2141-5 ou aux articles L. 2141-7 à L. 2141-10 du code de la commande publique.',
      'Afin d’attester que le candidat individuel, ou chaque membre du groupement, n’est pas dans un de ces cas d’exclusion,',
      `cocher la case suivante : ${box(style, f1) || '   '}`,
      'F2 - Documents de preuve disponibles en ligne.',
      'Adresse internet : https://www.marches-securises.fr (coffre-fort)   Renseignements nécessaires pour y accéder : identifiant fourni sur demande',
      'F3 - Capacités.', 'Le candidat individuel ou chaque membre du groupement établit ses capacités :',
      opt(style, true, 'avec le formulaire DC2 ;'),
      opt(style, false, 'avec les documents établissant ses capacités, tels que demandés dans les documents de la consultation.'),
      'G - Désignation du mandataire (en cas de groupement).',
      group ? `Les membres du groupement désignent ${group.members[0].name} comme mandataire, ${group.type === 'conjoint' ? 'solidaire de chacun des membres' : 'solidaire'}.` : '(sans objet)',
      opt(style, Boolean(group), 'Les membres du groupement ont donné mandat au mandataire, qui signe la présente lettre de candidature.'),
      'H - Signature du candidat individuel ou de chaque membre du groupement.',
      'Le DC1 n’a pas à être signé au stade de la candidature, sauf si les documents de la consultation l’exigent.',
      `Nom, prénom et qualité du signataire : ${company.boss}`, `Lieu et date : ${company.town}, le ${company.signedOn}`,
      'DC1 - Lettre de candidature - version du 01/04/2019',
    ],
  ];
}

/** DC2 (version 2019). `turnover`: three [period, total, related] rows. */
export function dc2({ company, buyer, object, style = 'glyph', turnover, sme = true, reliesOnOthers = false, workforce }) {
  return [
    [
      'MARCHÉS PUBLICS', 'DÉCLARATION DU CANDIDAT INDIVIDUEL OU DU MEMBRE DU GROUPEMENT', 'DC2',
      'A - Identification de l’acheteur.', buyer, 'B - Objet de la consultation.', object,
      'C - Identification du candidat individuel ou du membre du groupement.', 'C1 - Cas général :',
      `Nom commercial et dénomination sociale de l’unité qui exécutera la prestation : ${company.name}`,
      `Adresse postale et adresse du siège social : ${company.address}`, `Adresse électronique : ${company.email}`,
      `Numéro SIRET : ${spaced(company.siret)}   Numéro de TVA intracommunautaire : ${tva(company.siren)}`,
      `Forme juridique : ${company.form}`,
      'Le candidat individuel ou le membre du groupement est-il une micro, une petite ou une moyenne entreprise ?',
      `${opt(style, sme, 'Oui')}   ${opt(style, !sme, 'Non')}`,
      'C2 - Cas spécifiques relatifs aux marchés publics réservés :',
      `Le candidat est-il une entreprise adaptée ou un établissement et service d’aide par le travail ? ${opt(style, false, 'Oui')} ${opt(style, true, 'Non')}`,
      'D - Le candidat individuel ou le membre du groupement est-il en redressement judiciaire ?',
      `${opt(style, false, 'Oui')}   ${opt(style, true, 'Non')}   (si oui, joindre la copie du ou des jugements prononcés)`,
      'E - Renseignements relatifs à l’aptitude à exercer l’activité professionnelle.',
      `Le candidat est inscrit au registre du commerce et des sociétés : ${company.rcs}`,
      'F - Renseignements relatifs à la capacité économique et financière du candidat individuel ou du membre du groupement.',
      'F1 - Chiffres d’affaires hors taxes des trois derniers exercices disponibles :',
      'Exercice / Chiffre d’affaires global HT / Chiffre d’affaires HT en lien avec l’objet du marché public',
      ...turnover.map(([period, total, related]) => `Exercice du ${period} : ${euros(total)} € / ${euros(related)} €`),
      'F2 - Déclaration appropriée de banques ou preuve d’une assurance pour les risques professionnels : jointe au dossier.',
    ],
    [
      'G - Renseignements relatifs à la capacité technique et professionnelle.',
      `Effectifs moyens annuels : ${workforce}`,
      'H - Capacités des opérateurs économiques sur lesquels le candidat s’appuie pour présenter sa candidature.',
      'Le candidat s’appuie-t-il sur les capacités d’autres opérateurs économiques (sous-traitants, autres entités) ?',
      `${opt(style, reliesOnOthers, 'Oui')}   ${opt(style, !reliesOnOthers, 'Non')}`,
      'Si oui, joindre pour chacun d’eux les documents (DC4 pour un sous-traitant) prouvant qu’il dispose de ces capacités.',
      'I - Documents de preuve disponibles en ligne : voir DC1 rubrique F2.',
      'DC2 - Déclaration du candidat - version du 01/04/2019',
    ],
  ];
}

/** ATTRI1 (version 2019): A objet with base/variante/PSE, B engagement, B3 accounts, B4 avance, C signature. */
export function attri1({ company, buyer, object, lot, style = 'glyph', variante = false, pse = false, amountHT, vat = 20, account, advanceRefused = false, signer, delay = 120 }) {
  const ttc = Math.round(amountHT * (100 + vat)) / 100;
  return [
    [
      'MARCHÉS PUBLICS', 'ACTE D’ENGAGEMENT', 'ATTRI1',
      'Le formulaire ATTRI1 est un modèle d’acte d’engagement qui peut être utilisé par l’acheteur pour conclure le marché.',
      'A - Objet de l’acte d’engagement.', `Objet du marché public : ${object}`, buyer,
      'Cet acte d’engagement correspond :', '1. (Cocher la case correspondante.)',
      opt(style, !lot, 'à l’ensemble du marché public ou de l’accord-cadre (en cas de non allotissement) ;'),
      opt(style, Boolean(lot), `au lot n° ${lot ?? '......'} du marché public ou de l’accord-cadre (en cas d’allotissement) ;`),
      '2. (Cocher la case correspondante.)',
      opt(style, !variante, 'à l’offre de base ;'),
      opt(style, Boolean(variante), `à la variante suivante : ${variante || ''}`),
      opt(style, Boolean(pse), `avec les prestations supplémentaires suivantes : ${pse || ''}`),
      'B - Engagement du titulaire ou du groupement titulaire.',
      'B1 - Identification et engagement du titulaire ou du groupement titulaire.',
      'Après avoir pris connaissance des pièces constitutives du marché public : CCAP, CCTP, CCAG-Travaux, et conformément',
      'à leurs clauses et stipulations,',
      opt(style, false, 'Le signataire s’engage, sur la base de son offre et pour son propre compte ;'),
      opt(style, true, `Le signataire engage la société ${company.name} sur la base de son offre ;`),
      `${company.name}, ${company.address}, SIRET ${spaced(company.siret)}`,
      opt(style, false, 'L’ensemble des membres du groupement s’engagent, sur la base de l’offre du groupement ;'),
      'à exécuter les prestations demandées dans les conditions définies ci-dessous ;',
      `Montant hors taxes arrêté en chiffres à : ${euros(amountHT)} € HT`, `Taux de la TVA : ${vat} %`,
      `Montant TTC arrêté en chiffres à : ${euros(ttc)} € TTC`,
      `L’offre ainsi présentée n’est valable que si l’attribution intervient dans un délai de ${delay} jours à compter de la date limite de réception des offres.`,
      'B2 - Nature du groupement et, en cas de groupement conjoint, répartition des prestations.',
      `${opt(style, false, 'conjoint')}   ${opt(style, false, 'solidaire')}   (sans objet : candidat individuel)`,
    ],
    [
      'B3 - Compte(s) à créditer (joindre un relevé d’identité bancaire ou postal).',
      `Nom de l’établissement bancaire : ${account.bankName}`, `Numéro de compte : IBAN ${account.printed}`,
      'B4 - Avance (article R. 2191-3 du code de la commande publique).', 'Je renonce au bénéfice de l’avance :',
      `${opt(style, !advanceRefused, 'Non')}   ${opt(style, advanceRefused, 'Oui')}`,
      'B5 - Durée d’exécution du marché public : conforme au CCAP.',
      'C - Signature du marché public par le titulaire individuel ou, en cas de groupement, le mandataire dûment habilité.',
      `Nom, prénom et qualité du signataire : ${signer}`, `Lieu et date de signature : ${company.town}, le ${company.signedOn}`, 'Signature',
      'D - Identification et signature de l’acheteur.', 'E - Notification du marché public au titulaire.',
      'ATTRI1 - Acte d’engagement - version du 01/04/2019',
    ],
  ];
}

/** DC4 (version 2024, with rubric I). `amountHT` null = left blank as printed. */
export function dc4({ company, sub, buyer, object, style = 'glyph', nature, amountHT, subAccount, months }) {
  const amount = amountHT == null ? 'Montant HT : ........................ €' : `Montant HT : ${euros(amountHT)} €   Taux de TVA : 20 %   Montant TTC : ${euros(Math.round(amountHT * 120) / 100)} €`;
  return [
    [
      'MARCHÉS PUBLICS', 'DÉCLARATION DE SOUS-TRAITANCE', 'DC4',
      'A - Identification de l’acheteur.', buyer, 'B - Objet du marché public.', object,
      'C - Objet de la déclaration du sous-traitant.', 'La présente déclaration de sous-traitance constitue :',
      opt(style, true, 'un document annexé à l’offre du soumissionnaire ;'),
      opt(style, false, 'un acte spécial portant acceptation du sous-traitant et agrément de ses conditions de paiement ;'),
      opt(style, false, 'un acte spécial modificatif : il annule et remplace la déclaration de sous-traitance du ...............'),
      'D - Identification du soumissionnaire ou du titulaire du marché public.',
      `${company.name}, ${company.address}, SIRET ${spaced(company.siret)}`,
      'E - Identification du sous-traitant.',
      `Nom commercial et dénomination sociale du sous-traitant : ${sub.name}`, `Adresse : ${sub.address}`,
      `Numéro SIRET : ${spaced(sub.siret)}   Forme juridique : ${sub.form}`,
      `Le sous-traitant est-il une micro, une petite ou une moyenne entreprise ? ${opt(style, true, 'Oui')} ${opt(style, false, 'Non')}`,
      'F - Nature et prix des prestations sous-traitées.', `Nature des prestations sous-traitées : ${nature}`,
      'Montant maximum des sommes à verser par paiement direct au sous-traitant :', amount,
    ],
    [
      'G - Conditions de paiement.', `Compte à créditer : ${sub.name} - IBAN ${subAccount.printed}`,
      `Le sous-traitant demande à bénéficier de l’avance : ${opt(style, false, 'Oui')} ${opt(style, true, 'Non')}`,
      'H - Capacités du sous-traitant : références jointes.',
      `I - Durée du contrat de sous-traitance en nombre de mois : ${months}`,
      'J - Attestations sur l’honneur du sous-traitant.',
      'Le sous-traitant déclare sur l’honneur n’entrer dans aucun des cas d’exclusion prévus aux articles L. 2141-1 à L. 2141-5',
      'et L. 2141-7 à L. 2141-10 du code de la commande publique.',
      'K - Signature du soumissionnaire ou du titulaire et du sous-traitant (non requise au stade de l’offre).',
      'L - Acceptation et agrément des conditions de paiement par l’acheteur.',
      'DC4 - Déclaration de sous-traitance - version du 12/10/2023',
    ],
  ];
}

/** The DUME as the national service exports it (PDF), questions followed by "Réponse : …". */
export function dume({ company, buyer, object, lots = 'Lot unique', subcontracting = false, group = false }) {
  const yn = (b) => (b ? 'Oui' : 'Non');
  return [
    [
      'Document unique de marché européen (DUME)', 'Service DUME - export PDF de la réponse',
      'Partie I : Informations concernant la procédure de passation de marché et le pouvoir adjudicateur ou l’entité adjudicatrice',
      `Nom officiel : ${buyer}`, `Intitulé ou brève description du marché : ${object}`,
      'Partie II : Informations concernant l’opérateur économique', 'A : Informations concernant l’opérateur économique',
      `Nom : ${company.name}`, `Numéro de TVA, le cas échéant : ${tva(company.siren)}`, `Numéro SIRET : ${company.siret}`,
      `Adresse postale : ${company.address}`,
      'L’opérateur économique est-il une microentreprise, une petite ou une moyenne entreprise ?', 'Réponse : Oui',
      'Le marché est-il réservé à des ateliers protégés ou des entreprises sociales ?', 'Réponse : Non',
      'L’opérateur économique participe-t-il à la procédure de passation de marché conjointement avec d’autres (groupement) ?', `Réponse : ${yn(group)}`,
      `Lots : ${lots}`,
      'B : Informations relatives aux représentants de l’opérateur économique', `Nom, prénom : ${company.boss}`,
      'C : Informations relatives au recours aux capacités d’autres entités',
      'L’opérateur économique a-t-il recours aux capacités d’autres entités pour satisfaire aux critères de sélection ?', 'Réponse : Non',
      'D : Informations concernant les sous-traitants sur les capacités desquels l’opérateur économique ne s’appuie pas',
      'L’opérateur économique a-t-il l’intention de sous-traiter une part du marché à des tiers ?', `Réponse : ${yn(subcontracting)}`,
    ],
    [
      'Partie III : Motifs d’exclusion', 'A : Motifs liés à des condamnations pénales',
      'L’opérateur économique ou un de ses dirigeants a-t-il été condamné pour participation à une organisation criminelle, corruption,',
      'fraude, infractions terroristes, blanchiment de capitaux, travail des enfants ?', 'Réponse : Non',
      'B : Motifs liés au paiement d’impôts et taxes ou de cotisations de sécurité sociale',
      'L’opérateur économique a-t-il respecté toutes ses obligations relatives au paiement des impôts, taxes et cotisations de sécurité sociale ?', 'Réponse : Oui',
      'C : Motifs liés à l’insolvabilité, aux conflits d’intérêts ou à la faute professionnelle',
      'L’opérateur économique se trouve-t-il dans l’une des situations suivantes : faillite, procédure d’insolvabilité ou liquidation,',
      'redressement judiciaire, concordat préventif, cessation d’activités ?', 'Réponse : Non',
      'L’opérateur économique a-t-il commis une faute professionnelle grave ?', 'Réponse : Non',
      'Partie IV : Critères de sélection', 'Alpha : Indication globale pour tous les critères de sélection',
      'L’opérateur économique satisfait-il à tous les critères de sélection requis ?', 'Réponse : Oui',
      'Partie VI : Déclarations finales',
      'Je soussigné déclare formellement que les renseignements fournis aux parties II à V ci-dessus sont exacts et corrects.',
      `Date : ${company.signedOn}   Lieu : ${company.town}`,
    ],
  ];
}
