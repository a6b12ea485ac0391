// HELD-OUT CORPUS, SECOND BATCH — never tuned on (see companies2.mjs). Other hands and other issuers:
// DC1/DC2 filled in a word processor by typing "X" after the chosen option, several options on one
// line, "Non concerné" in the rubrics that do not apply; a DUME export of another tool; the modern
// URSSAF attestation de vigilance with its security code; the DGFiP attestation as edited online;
// a Kbis "extrait d'immatriculation principale" in key/value layout; Allianz, Groupama, Generali
// attestations; Crédit Mutuel, LCL, CIC, Caisse d'Epargne RIBs; price files with other column orders.
import { euros, siren, spaced, tva } from './build.mjs';

const mark = (on) => (on ? 'X' : '');

/** DC1 typed by hand: the option text, a colon, then X (or nothing); groupement rubrics "Non concerné". */
export function dc1Hand({ company, buyer, object, lots, group, groupType = group?.type, mandataire = true, f1 = true, siretText }) {
  const single = !group;
  const lotText = lots ? lots.join(' et ') : '';
  return [[
    'LETTRE DE CANDIDATURE – DC1', 'Désignation du mandataire par ses co-traitants',
    `A – Identification de l’acheteur : ${buyer}`, `B – Objet de la consultation : ${object}`,
    'C – Objet de la candidature. La candidature est présentée :',
    `- pour le marché public (non alloti) : ${mark(!lots)}`,
    `- pour tous les lots : ${lots ? '' : 'Non concerné'}     - pour le ou les lots n° : ${lots ? `${lotText}   X` : 'Non concerné'}`,
    'D – Présentation du candidat.',
    `Candidat seul : ${mark(single)}      Groupement d’entreprises : ${single ? 'Non concerné' : 'X'}`,
    single ? 'Type de groupement : Non concerné' : `Groupement conjoint : ${mark(groupType === 'conjoint')}      Groupement solidaire : ${mark(groupType === 'solidaire')}`,
    `Dénomination : ${company.name}   Adresse : ${company.address}`, `N° SIRET : ${siretText ?? spaced(company.siret)}`,
    'E – Identification des membres du groupement et répartition des prestations :',
    ...(group ? group.members.map((m, i) => `Membre ${i + 1} : ${m.name} – ${m.address} – SIRET ${spaced(m.siret)} – prestations : ${m.share}`) : ['Non concerné']),
    'F – Engagements du candidat individuel ou de chaque membre du groupement.',
    'F1 – Le candidat déclare sur l’honneur n’entrer dans aucun des cas d’exclusion prévus aux articles L. 2141-1 à L. 2141-5',
    `et L. 2141-7 à L. 2141-10 du code de la commande publique. Cocher la case suivante : ${mark(f1)}`,
    'F2 – Documents de preuve disponibles en ligne : Non concerné',
    'F3 – Capacités : le candidat établit ses capacités avec le formulaire DC2 : X      avec les documents demandés par la consultation :',
    `G – Désignation du mandataire (en cas de groupement) : ${single ? 'Non concerné' : mandataire ? `${group.members[0].name}, mandataire du groupement` : ''}`,
    `H – Signature. Nom et qualité du signataire : ${company.boss}, ${company.bossTitle}   Fait à ${company.town}, le ${company.signedOn}`,
    'DC1 – Lettre de candidature – version du 01/04/2019',
  ]];
}

/** DC2 typed by hand. `turnover` null = the F1 rows left with dots. `siretText` overrides the printed SIRET. */
export function dc2Hand({ company, buyer, object, turnover, sme = true, workforce, siretText }) {
  const rows = turnover
    ? turnover.map(([year, total, related]) => `Exercice ${year} : CA global HT ${euros(total)} €  –  CA HT en lien avec l’objet ${euros(related)} €`)
    : ['Exercice 2023 : CA global HT .................. €  –  CA HT en lien avec l’objet .................. €', 'Exercice 2024 : CA global HT .................. €  –  CA HT en lien avec l’objet .................. €', 'Exercice 2025 : CA global HT .................. €  –  CA HT en lien avec l’objet .................. €'];
  return [[
    'DÉCLARATION DU CANDIDAT INDIVIDUEL OU DU MEMBRE DU GROUPEMENT – DC2',
    `A – Acheteur : ${buyer}`, `B – Objet : ${object}`, 'C1 – Identification du candidat',
    `Dénomination sociale : ${company.name}`, `Adresse du siège : ${company.address}`, `Courriel : ${company.email}`,
    `SIRET : ${siretText ?? spaced(company.siret)}    TVA intracommunautaire : ${tva(company.siren)}    Forme juridique : ${company.form}`,
    `Micro, petite ou moyenne entreprise : oui ${mark(sme)}   non ${mark(!sme)}`,
    'C2 – Marchés réservés (entreprise adaptée, ESAT, SIAE) : Non concerné',
    'D – Le candidat est-il en redressement judiciaire ? oui :      non : X',
    `E – Aptitude à exercer l’activité professionnelle : inscription au ${company.rcs}`,
    'F1 – Chiffres d’affaires hors taxes des trois derniers exercices disponibles :', ...rows,
    'F2 – Assurance pour les risques professionnels : attestation jointe.',
    `G – Effectifs moyens annuels : ${workforce}`,
    'H – Le candidat s’appuie-t-il sur les capacités d’autres opérateurs économiques ? oui :      non : X',
    'DC2 – Déclaration du candidat – version du 01/04/2019',
  ]];
}

/** A DUME exported by a platform's own DUME tool: numbered questions, answers in capitals. */
export function dumePlatform({ company, buyer, object, lot = 'Lot unique', subcontracting = false }) {
  const yn = (b) => (b ? 'OUI' : 'NON');
  return [[
    'DUME – Document Unique de Marché Européen', 'Réponse générée le 22/11/2026 par le module DUME de la plateforme',
    '1. Procédure', `Acheteur : ${buyer}`, `Objet : ${object}`, `Lot(s) concerné(s) : ${lot}`,
    '2. Opérateur économique', `Raison sociale : ${company.name}`, `SIRET : ${spaced(company.siret)}`, `N° TVA : ${tva(company.siren)}`,
    `Adresse : ${company.address}`, `Représentant : ${company.boss} (${company.bossTitle})`,
    '2.1 L’opérateur est une PME : OUI', '2.2 Participation sous forme de groupement : NON',
    '2.3 Recours aux capacités d’autres entités : NON', `2.4 Intention de sous-traiter une partie du marché : ${yn(subcontracting)}`,
    '3. Motifs d’exclusion', '3.1 Condamnations pénales (organisation criminelle, corruption, fraude, terrorisme, blanchiment) : NON',
    '3.2 Manquement aux obligations de paiement des impôts et cotisations sociales : NON',
    '3.3 Faillite, insolvabilité, liquidation, redressement judiciaire, cessation d’activité : NON',
    '3.4 Faute professionnelle grave, conflit d’intérêts, entente : NON',
    '4. Critères de sélection : l’opérateur satisfait à l’ensemble des critères de sélection requis : OUI',
    '6. Déclarations finales : le soussigné déclare que les informations ci-dessus sont exactes.',
    `${company.boss}, ${company.town}, le ${company.signedOn}`,
  ]];
}

/** The modern URSSAF attestation de vigilance, with its security code. */
export const urssafModern = ({ company, issued, situationAt, region = 'Languedoc-Roussillon' }) => [[
  `Urssaf ${region}`, 'ATTESTATION DE VIGILANCE', `Délivrée le ${issued}`, `Code de sécurité : ${company.siren.slice(2, 6)}RT7W9KPL2Q`,
  `Raison sociale : ${company.name}`, `Adresse : ${company.address}`, `N° SIREN : ${spaced(company.siren)}`,
  `L’Urssaf atteste que l’entreprise désignée ci-dessus est à jour de ses obligations en matière de déclaration et de paiement`,
  `auprès des organismes de recouvrement à la date du ${situationAt}.`,
  `Nombre de salariés déclarés : ${company.staff}   Établissement : SIRET ${spaced(company.siret)}`,
  'Cette attestation est délivrée au titre des articles L.243-15 et D.243-15 du code de la sécurité sociale et L.8222-1 du code du travail.',
  'Le donneur d’ordre peut vérifier son authenticité sur www.urssaf.fr au moyen du code de sécurité.',
]];

/** The DGFiP attestation de régularité fiscale as edited from the espace professionnel. */
export const fiscalOnline = ({ company, edited, situationAt }) => [[
  'impots.gouv.fr – Espace professionnel', 'RÉPUBLIQUE FRANÇAISE – DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES',
  'Attestation de régularité fiscale', `Date d’édition : ${edited}`,
  `N° SIREN : ${company.siren}`, `Raison sociale : ${company.name}`, `Adresse : ${company.address}`,
  `À la date du ${situationAt}, l’entreprise est en règle au regard de ses obligations de déclaration et de paiement`,
  'en matière d’impôt sur les sociétés, de taxe sur la valeur ajoutée et d’impôt sur le revenu.',
  'Service gestionnaire : SIE d’Alès', 'Document établi à partir de l’espace professionnel ; il ne vaut pas quitus fiscal.',
]];

/** Kbis, key/value layout of another greffe print. */
export const kbisPrincipal = ({ company, upToDate, collective = 'Néant' }) => [[
  'GREFFE DU TRIBUNAL DE COMMERCE DE NÎMES', 'Extrait d’immatriculation principale au registre du commerce et des sociétés',
  `Extrait à jour au ${upToDate}`, `N° de gestion 2014 B 0${company.siren.slice(0, 4)}`,
  `Numéro unique d’identification : ${spaced(company.siren)} R.C.S. Nîmes`,
  `Dénomination : ${company.name}`, `Forme juridique : ${company.form}`, 'Capital : 15 000,00 EUR',
  `Siège social : ${company.address}`, `Durée de la personne morale : 99 ans`,
  `Dirigeant : ${company.bossTitle} – ${company.boss}`, `Activité principale exercée : ${company.activity}`,
  `Procédures collectives : ${collective}`, 'Fin de l’extrait – délivré par voie électronique, vérifiable sur infogreffe.fr',
]];

// Insurers and banks of this batch; their own RCS numbers carry valid keys.
const INSURERS2 = {
  allianz: { name: 'Allianz IARD', legal: `Allianz IARD, entreprise régie par le code des assurances, ${spaced('542110291')} RCS Nanterre, 1 cours Michelet, 92076 Paris La Défense Cedex`, town: 'Paris La Défense' },
  groupama: { name: 'Groupama Méditerranée', legal: `Groupama Méditerranée, caisse régionale d’assurances mutuelles agricoles, ${spaced('391277878')} RCS Montpellier, Maison de l’Agriculture, 34060 Montpellier`, town: 'Montpellier' },
  generali: { name: 'Generali IARD', legal: `Generali IARD, SA au capital de 94 630 300 €, ${spaced('552062663')} RCS Paris, 2 rue Pillet-Will, 75009 Paris`, town: 'Paris' },
};

/** RC Pro attestation, three insurer layouts: "date d'effet / échéance", "valable du … au …" in words. */
export const rcPro2 = ({ company, insurer, from, to, policy, textualDates }) => {
  const i = INSURERS2[insurer];
  const period = textualDates ? `La présente attestation est valable du ${from} au ${to}.` : `Date d’effet : ${from}      Date d’échéance : ${to}`;
  return [[
    i.name, 'Attestation d’assurance – Responsabilité civile', i.legal,
    `${i.name} certifie que la société ${company.name}, ${company.address}, SIREN ${company.siren},`,
    `a souscrit le contrat « Responsabilité civile professionnelle » n° ${policy}`,
    `Activités déclarées : ${company.activity}`, period,
    'Garanties : responsabilité civile exploitation 5 000 000 € par sinistre ; responsabilité civile professionnelle 1 500 000 € par année.',
    'Cette attestation ne constitue qu’une présomption de garantie et ne peut engager l’assureur au-delà des conditions du contrat.',
    `Fait à ${i.town}, le ${from}`,
  ]];
};

export const decennale2 = ({ company, insurer = 'generali', from, to, activities, policy }) => {
  const i = INSURERS2[insurer];
  return [[
    i.legal, 'ATTESTATION D’ASSURANCE RESPONSABILITÉ CIVILE DÉCENNALE – TRAVAUX DE BÂTIMENT',
    `Assuré : ${company.name} – SIREN ${spaced(company.siren)} – ${company.address}`, `Police n° ${policy}`,
    `Période de validité de l’attestation : du ${from} au ${to}`,
    `Activités garanties : ${activities}`,
    'Le contrat garantit la responsabilité décennale de l’assuré (articles 1792 et suivants du code civil) pour les chantiers ouverts',
    'pendant la période de validité. Coût total de construction HT par chantier : 10 000 000 € maximum.',
  ]];
};

const BANKS2 = {
  cm: { name: 'Crédit Mutuel', legal: `Caisse de Crédit Mutuel de Nîmes, société coopérative, ${spaced(siren('58850535'))} RCS Nîmes`, bic: 'CMCIFR2A' },
  lcl: { name: 'LCL – Le Crédit Lyonnais', legal: `LCL, SA au capital de 2 037 713 591 €, ${spaced(siren('95450974'))} RCS Lyon`, bic: 'CRLYFRPP' },
  cic: { name: 'CIC Sud Ouest', legal: `CIC, SA au capital de 611 858 064 €, ${spaced(siren('54201259'))} RCS Paris`, bic: 'CMCIFRPP' },
  ce: { name: 'Caisse d’Epargne Languedoc-Roussillon', legal: `Caisse d’Epargne et de Prévoyance du Languedoc-Roussillon, ${spaced(siren('38345108'))} RCS Montpellier`, bic: 'CEPAFRPP513' },
};

/** RIB in the bank's table layout: a header row of codes, then values in columns. */
export const rib2 = ({ company, bank, account }) => ({
  pages: [[
    BANKS2[bank].name, 'Relevé d’identité bancaire', `Titulaire : ${company.name}`, company.address, '', '', '',
    `IBAN (International Bank Account Number) : ${account.printed}`, `BIC (Bank Identifier Code) : ${BANKS2[bank].bic}`,
    `Domiciliation : ${BANKS2[bank].name} ${company.town}`, BANKS2[bank].legal,
  ]],
  tables: [{ y: 725, x: [42, 130, 220, 360], rows: [['Code banque', 'Code guichet', 'Numéro de compte', 'Clé RIB'], [account.bank, account.branch, account.account, account.key]] }],
});

const round = (n) => Math.round(n * 100) / 100;

/**
 * DPGF with chapters and a sub-total per chapter; columns in the order N° | Désignation | Qté | U | PU HT | Total HT.
 * `chapters`: [title, [[label, unit, qty, pu], …]]. Returns the total HT.
 */
export function dpgfChapters({ title, lot, chapters, vat = 20, x = [42, 70, 300, 345, 430, 530] }) {
  const rows = [['N°', 'Désignation', 'Qté', 'U', 'PU HT', 'Total HT']];
  let total = 0;
  chapters.forEach(([chapter, lines], c) => {
    rows.push([`${c + 1}`, chapter.toUpperCase(), '', '', '', '']);
    let sub = 0;
    lines.forEach(([label, unit, qty, pu], l) => {
      const amount = round(qty * pu);
      sub = round(sub + amount);
      rows.push([`${c + 1}.${l + 1}`, label, String(qty).replace('.', ','), unit, euros(pu), euros(amount)]);
    });
    rows.push(['', `Sous-total chapitre ${c + 1}`, '', '', '', euros(sub)]);
    total = round(total + sub);
  });
  const vatAmount = round((total * vat) / 100);
  rows.push(['', 'TOTAL GÉNÉRAL HT', '', '', '', euros(total)], ['', `TVA ${vat} %`, '', '', '', euros(vatAmount)], ['', 'TOTAL TTC', '', '', '', euros(round(total + vatAmount))]);
  if (rows.length > 44) throw new Error('dpgfChapters: too many rows for one page');
  return { pages: [[title, lot]], tables: [{ x, align: [null, null, 'right', null, 'right', 'right'], rows, y: 740 }], total };
}

/** Quantity first, then designation: Qté | Unité | Désignation | Prix unitaire | Montant (another software's order). */
export function priceQtyFirst({ title, lot, lines, vat = 20, x = [70, 90, 130, 440, 540] }) {
  const rows = [['Qté', 'Unité', 'Désignation', 'Prix unitaire €', 'Montant € HT']];
  let total = 0;
  for (const [label, unit, qty, pu] of lines) {
    const amount = round(qty * pu);
    total = round(total + amount);
    rows.push([String(qty).replace('.', ','), unit, label, euros(pu), euros(amount)]);
  }
  const vatAmount = round((total * vat) / 100);
  rows.push(['', '', 'Montant total HT', '', euros(total)], ['', '', `TVA à ${vat} %`, '', euros(vatAmount)], ['', '', 'Montant total TTC', '', euros(round(total + vatAmount))]);
  return { pages: [[title, lot]], tables: [{ x, align: ['right', null, null, 'right', 'right'], rows, y: 740 }], total };
}

/** BPU: unit prices only, no quantities and no total (as a BPU is). */
export function bpuNoQty({ title, intro, lines, x = [42, 75, 380, 530] }) {
  const rows = [['Réf.', 'Désignation de la prestation', 'Unité', 'Prix unitaire HT']];
  lines.forEach(([label, unit, pu], i) => rows.push([`${i + 1}`, label, unit, `${euros(pu)} €`]));
  return { pages: [[title, ...intro]], tables: [{ x, align: [null, null, null, 'right'], rows, y: 720 }] };
}

/** The buyer's own acte d'engagement, in a commune's layout (a single labelled total). */
export const aeCommune = ({ company, buyer, object, lot, amountHT, account, vat = 20, subcontracting = 'Non concerné.' }) => [[
  buyer, 'ACTE D’ENGAGEMENT', `Marché : ${object}`, lot ? `Lot n° ${lot}` : 'Marché non alloti',
  'Article 1 – Contractant',
  `Je soussigné(e) ${company.boss}, ${company.bossTitle}, agissant au nom et pour le compte de la société ${company.name},`,
  `dont le siège est ${company.address}, immatriculée sous le SIRET ${spaced(company.siret)},`,
  'après avoir pris connaissance du CCAP, du CCTP et des documents qui y sont mentionnés, m’engage sans réserve à exécuter',
  'les prestations dans les conditions ci-après définies.',
  'Article 2 – Prix', `Montant total de l’offre HT : ${euros(amountHT)} €`, `TVA (${vat} %) : ${euros(round((amountHT * vat) / 100))} €`,
  `Montant total de l’offre TTC : ${euros(round((amountHT * (100 + vat)) / 100))} €`,
  'Article 3 – Délai d’exécution : conforme au CCAP.', 'Article 4 – Paiement',
  `Compte à créditer : ${account.bankName} – IBAN ${account.printed}`,
  'Avance : je ne renonce pas au bénéfice de l’avance.', `Article 5 – Sous-traitance : ${subcontracting}`,
  `Fait à ${company.town}, le ${company.signedOn}`, `Le candidat : ${company.boss}`,
]];
