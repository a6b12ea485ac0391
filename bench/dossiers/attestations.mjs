// HELD-OUT CORPUS — never tuned on (see forms.mjs). Layouts of the issuers' own documents: greffe,
// INPI, URSSAF, DGFiP, insurers (with their own RCS numbers), banks (with theirs), and the
// candidate's own pieces (mémoire, price files as positioned tables).
import { euros, spaced } from './build.mjs';

export const INSURERS = {
  axa: 'AXA France IARD, SA au capital de 214 799 030 €, 722 057 460 R.C.S. Nanterre, 313 Terrasses de l’Arche, 92727 Nanterre Cedex',
  maaf: 'MAAF Assurances SA, 542 073 580 RCS Niort, Chaban de Chauray, 79036 Niort Cedex 9',
  mma: 'MMA IARD, Société anonyme, 440 048 882 RCS Le Mans, 14 boulevard Marie et Alexandre Oyon, 72030 Le Mans Cedex 9',
  smabtp: 'SMABTP, Société mutuelle d’assurance du bâtiment et des travaux publics, 775 684 764 RCS Paris, 8 rue Louis Armand, 75015 Paris',
};
export const BANKS = {
  ca: { bankName: 'Crédit Agricole du Languedoc', legal: 'Caisse régionale de Crédit Agricole Mutuel du Languedoc, société coopérative à capital variable, 492 826 417 RCS Montpellier', bic: 'AGRIFRPP835' },
  bps: { bankName: 'Banque Populaire du Sud', legal: 'Banque Populaire du Sud, société anonyme coopérative de banque populaire, 554 200 808 RCS Perpignan', bic: 'CCBPFRPPPPG' },
  sg: { bankName: 'Société Générale', legal: 'Société Générale, SA au capital de 1 000 395 971,25 €, 552 120 222 RCS Paris', bic: 'SOGEFRPP' },
  lbp: { bankName: 'La Banque Postale', legal: 'La Banque Postale, SA à directoire et conseil de surveillance, 421 100 645 RCS Paris', bic: 'PSSTFRPPMON' },
};

export const kbis = ({ company, upToDate, registeredOn = '12/03/2011', mentions = 'Néant', court = 'NIMES' }) => [[
  `Greffe du Tribunal de Commerce de ${court}`, `Code de vérification : ${company.siren.slice(0, 4)}QX7T`, 'https://www.infogreffe.fr/controle',
  'EXTRAIT D’IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIETES', `à jour au ${upToDate}`,
  'IDENTIFICATION DE LA PERSONNE MORALE',
  `Immatriculation au RCS, numéro ${spaced(company.siren)} R.C.S. ${court === 'NIMES' ? 'Nîmes' : court}`, `Date d’immatriculation ${registeredOn}`,
  `Dénomination ou raison sociale ${company.name}`, `Forme juridique ${company.form}`, 'Capital social 20 000,00 Euros',
  `Adresse du siège ${company.address}`, 'GESTION, DIRECTION, ADMINISTRATION, CONTROLE, ASSOCIES OU MEMBRES',
  `${company.bossTitle} ${company.boss}`, 'RENSEIGNEMENTS RELATIFS A L’ACTIVITE ET A L’ETABLISSEMENT PRINCIPAL', `Activités principales ${company.activity}`,
  `Mentions : ${mentions}`, 'Le Greffier', 'FIN DE L’EXTRAIT',
]];

export const rne = ({ company, atDate }) => [[
  'INPI', 'Registre national des entreprises', 'ATTESTATION D’IMMATRICULATION',
  `L’Institut national de la propriété industrielle atteste que l’entreprise ${company.name} est immatriculée au Registre national des entreprises`,
  `(RNE), concernant l’entreprise ${company.name} à la date du ${atDate}.`, `SIREN : ${spaced(company.siren)}`,
  `Nom, Prénom(s) : ${company.boss}`, `Activité : ${company.activity}`, `Adresse de l’établissement : ${company.address}`,
  'Date de mise à jour de l’entreprise : 14/02/2022', 'Ce document est délivré gratuitement sur data.inpi.fr',
]];

/** Two URSSAF layouts seen in the wild: the regional letter and the one-page "Sécurité sociale" form. */
export const urssaf = ({ company, issued, layout = 'letter', region = 'Languedoc-Roussillon', upToDate = true }) => layout === 'letter'
  ? [[
    `Urssaf ${region}`, '35 rue de la Haye, 34937 Montpellier Cedex 9', `${company.name}`, company.address,
    'ATTESTATION DE VIGILANCE', `Délivrée le ${issued}`, `Identifiant SIREN : ${spaced(company.siren)}`,
    upToDate ? `L’Urssaf atteste que l’entreprise ${company.name} est à jour de ses obligations de déclaration et de paiement` : `L’Urssaf constate que l’entreprise ${company.name} n’est pas à jour de ses obligations de paiement`,
    'des cotisations et contributions sociales à la date d’exigibilité du mois précédent.',
    'Liste des établissements :', `SIRET ${spaced(company.siret)} - ${company.address} - effectif : ${company.staff}`,
    'Montant total des rémunérations déclarées au titre de la dernière période : communiqué au donneur d’ordre sur demande.',
    'Cette attestation est délivrée en application des articles L.243-15 et D.243-15 du code de la sécurité sociale.',
    'Pour vérifier l’authenticité de cette attestation : www.urssaf.fr, rubrique « Vérifier une attestation »,',
    `code de sécurité : ${company.siren.slice(3, 7)}K2M8QZ`, 'Le directeur',
  ]]
  : [[
    'Sécurité sociale', 'l’Urssaf', 'Attestation de vigilance',
    `Raison sociale : ${company.name}`, `SIREN : ${company.siren}`, `Date de délivrance : ${issued}`,
    `Nous attestons que l’entreprise est à jour de ses obligations déclaratives et du paiement de ses cotisations sociales au ${issued}.`,
    `Nombre de salariés : ${company.staff}`, `Établissement : SIRET ${company.siret}`,
    'Article L.243-15 du Code de la sécurité sociale - attestation à renouveler tous les six mois.',
    `Code de sécurité à vérifier sur urssaf.fr : B7${company.siren.slice(0, 4)}XW`,
  ]];

export const fiscal = ({ company, issued }) => [[
  'DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES', 'Service des impôts des entreprises de Nîmes Est',
  'ATTESTATION DE RÉGULARITÉ FISCALE', `Délivrée le ${issued}`,
  `Dénomination : ${company.name}`, `SIREN : ${spaced(company.siren)}`, `Adresse : ${company.address}`,
  'Le comptable public atteste que l’entreprise désignée ci-dessus a souscrit ses déclarations fiscales et a réglé ses impôts',
  '(impôt sur le revenu, impôt sur les sociétés, taxe sur la valeur ajoutée) ou constitué des garanties suffisantes',
  'à la date du dernier jour du mois précédant la demande.', 'Attestation disponible dans l’espace professionnel impots.gouv.fr',
]];

export const insuranceRc = ({ company, insurer, from, to, policy }) => [[
  INSURERS[insurer], 'ATTESTATION D’ASSURANCE', 'RESPONSABILITÉ CIVILE PROFESSIONNELLE ET RESPONSABILITÉ CIVILE EXPLOITATION',
  `Nous soussignés, ${INSURERS[insurer].split(',')[0]}, attestons que :`, `${company.name}, ${company.address}`, `SIREN ${spaced(company.siren)}`,
  `est titulaire du contrat n° ${policy} garantissant sa responsabilité civile du fait de ses activités : ${company.activity}.`,
  `Période de validité : du ${from} au ${to}`,
  'Montant des garanties : tous dommages confondus 8 000 000 € par sinistre.',
  'La présente attestation ne peut engager l’assureur au-delà des limites et conditions du contrat auquel elle se réfère.',
  `Fait à ${insurer === 'axa' ? 'Nanterre' : insurer === 'maaf' ? 'Niort' : 'Le Mans'}, le ${from}`,
]];

export const decennale = ({ company, insurer = 'smabtp', from, to, activities, policy }) => [[
  INSURERS[insurer], 'ATTESTATION D’ASSURANCE DE RESPONSABILITÉ CIVILE DÉCENNALE',
  'Assurance obligatoire - articles L.241-1 et A.243-2 du code des assurances, articles 1792 et suivants du code civil',
  `Assuré : ${company.name}, ${company.address}, SIREN ${spaced(company.siren)}`, `Contrat n° ${policy}`,
  `Période de validité : du ${from} au ${to}`, `Activités garanties : ${activities}`,
  'Limite contractuelle d’intervention : chantiers dont le coût total HT n’excède pas 15 000 000 €.',
  'Garantie des ouvrages soumis à l’obligation d’assurance : à hauteur du coût des travaux de réparation.',
]];

export const rib = ({ company, bank, account }) => [[
  BANKS[bank].bankName, 'RELEVÉ D’IDENTITÉ BANCAIRE', `Titulaire du compte : ${company.name}`, company.address,
  `Code banque ${account.bank}  Code guichet ${account.branch}  N° de compte ${account.account}  Clé RIB ${account.key}`,
  `IBAN ${account.printed}`, `BIC ${BANKS[bank].bic}`, `Domiciliation : agence de ${company.town}`, BANKS[bank].legal,
]];

export const foreignWorkers = ({ company, date }) => [[
  'ATTESTATION SUR L’HONNEUR', 'Liste nominative des salariés étrangers soumis à autorisation de travail (article D.8254-2 du code du travail)',
  `Je soussigné ${company.boss}, ${company.bossTitle} de la société ${company.name}, SIREN ${spaced(company.siren)},`,
  'atteste sur l’honneur que l’entreprise n’emploie aucun salarié étranger soumis à autorisation de travail.',
  `Fait à ${company.town}, le ${date}`,
]];

/** A mémoire technique; `extra` lines carry the statements that matter (sous-traitance, variante…). */
export const memoire = ({ company, object, extra = [], title = 'MÉMOIRE TECHNIQUE' }) => [[
  company.name, title, `Objet : ${object}`, 'Sommaire',
  '1. Présentation de l’entreprise', `${company.name} intervient dans le Gard depuis 2011 : ${company.activity}. Effectif : ${company.staff} salariés.`,
  '2. Moyens humains affectés au marché', 'Un conducteur de travaux référent, deux chefs d’équipe, quatre compagnons qualifiés.',
  '3. Moyens matériels', 'Véhicules utilitaires, nacelle, outillage portatif, matériel de mesure étalonné.',
  '4. Méthodologie d’exécution', 'Visite préalable, plan de prévention, réunions hebdomadaires, autocontrôle par fiches.',
  '5. Planning prévisionnel', 'Préparation 3 semaines, exécution 8 semaines, réception et levée des réserves 2 semaines.',
  '6. Démarche environnementale', 'Tri des déchets sur site, bordereaux de suivi, produits à faible émission.',
  ...extra,
]];

/** A price file drawn as a table whose cells sit at column positions (what pdf.js sees). */
export function priceTable({ title, lot, lines, vat = 20, x = [42, 300, 350, 420, 520], intro = [] }) {
  const rows = [['Désignation', 'Unité', 'Qté', 'P.U. HT', 'Montant HT']];
  let total = 0;
  for (const [label, unit, qty, pu] of lines) {
    const amount = Math.round(qty * pu * 100) / 100;
    total += amount;
    rows.push([label, unit, String(qty).replace('.', ','), euros(pu), euros(amount)]);
  }
  total = Math.round(total * 100) / 100;
  const vatAmount = Math.round(total * vat) / 100;
  rows.push(['Total HT', '', '', '', euros(total)], [`TVA ${vat} %`, '', '', '', euros(vatAmount)], ['Total TTC', '', '', '', euros(Math.round((total + vatAmount) * 100) / 100)]);
  return { pages: [[title, lot, ...intro]], tables: [{ x, align: [null, null, 'right', 'right', 'right'], rows }], total };
}

/** The same price file as workbook rows (numbers as numbers, as a spreadsheet holds them). */
export function priceRows({ title, lines, vat = 20, wrongLine }) {
  const rows = [[title], [], ['N°', 'Désignation', 'Unité', 'Quantité', 'Prix unitaire HT', 'Montant HT']];
  let total = 0;
  lines.forEach(([label, unit, qty, pu], i) => {
    let amount = Math.round(qty * pu * 100) / 100;
    if (wrongLine === i) amount = Math.round(amount * 0.9 * 100) / 100; // a mistyped amount, not qty × PU
    total += amount;
    rows.push([i + 1, label, unit, qty, pu, amount]);
  });
  total = Math.round(total * 100) / 100;
  const vatAmount = Math.round(total * vat) / 100;
  rows.push([null, 'Total HT', null, null, null, total], [null, `TVA ${vat} %`, null, null, null, vatAmount], [null, 'Total TTC', null, null, null, Math.round((total + vatAmount) * 100) / 100]);
  return { rows, total };
}
