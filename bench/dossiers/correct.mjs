// HELD-OUT CORPUS — never tuned on. Twenty-three correct dossiers: nothing in them should raise an
// ELIMINATORY or REGULARISABLE finding. Each is built from the official wording with its traps
// (unticked options, drawn boxes, negations, DUME "Non", third parties' numbers, glued tables).
// `expected` lists what truly applies; ADVICE that truly applies is listed too where known.
// Judged as of 2026-12-01 (precision.mjs passes it as referenceDate).
import { attri1, dc1, dc2, dc4, dume } from './forms.mjs';
import { decennale, fiscal, foreignWorkers, insuranceRc, kbis, memoire, priceRows, priceTable, rib, rne, urssaf } from './attestations.mjs';
import { ACCOUNTS, C, SUBS } from './companies.mjs';

const TURNOVER = (a, b, c) => [['01/01/2023 au 31/12/2023', a, a * 0.6], ['01/01/2024 au 31/12/2024', b, b * 0.6], ['01/01/2025 au 31/12/2025', c, c * 0.6]];
const DEPOT_TRAVAUX = { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00' };

const menuiserie = { buyer: 'Commune de Sommières, place du Marché, 30250 Sommières', object: 'Réhabilitation de l’école Lucie Aubrac - lot 3 menuiseries extérieures' };
const nettoyage = { buyer: 'Communauté de communes du Pays Viganais, 30120 Le Vigan', object: 'Nettoyage des bâtiments communautaires 2027-2030' };
const signalisation = { buyer: 'Département du Gard, Direction des routes, 30044 Nîmes Cedex 9', object: 'Fourniture de panneaux de signalisation verticale' };
const plomberie = { buyer: 'SA HLM Un Toit pour Tous, 30000 Nîmes', object: 'Remplacement des colonnes d’eau - résidence Pissevin - lot 2 plomberie' };
const vrd = { buyer: 'Syndicat mixte du Pont du Gard, 30210 Vers-Pont-du-Gard', object: 'Aménagement du parking des Lônes - lot 1 terrassement VRD' };
const informatique = { buyer: 'Centre hospitalier d’Uzès, 30700 Uzès', object: 'Maintenance du parc informatique et assistance aux utilisateurs' };
const espaces = { buyer: 'Commune de Calvisson, 30420 Calvisson', object: 'Entretien des espaces verts communaux' };
const repas = { buyer: 'SIVOM de la Cèze, 30200 Bagnols-sur-Cèze', object: 'Fourniture de repas en liaison froide pour les écoles' };
const moe = { buyer: 'Commune de Saint-Quentin-la-Poterie, 30700', object: 'Mission de maîtrise d’oeuvre pour la rénovation de la halle' };
const charpente = { buyer: 'Commune de Lussan, 30580 Lussan', object: 'Réfection de la charpente et de la couverture de l’église - lot 1' };
const clim = { buyer: 'Communauté d’agglomération Nîmes Métropole, 30000 Nîmes', object: 'Remplacement des groupes de climatisation de la médiathèque - lot 4' };
const elec = { buyer: 'Alès Agglomération, 30100 Alès', object: 'Mise en conformité électrique du gymnase Pasteur - lot 5 électricité' };

const MENUISERIE_LINES = [['Fenêtre aluminium 2 vantaux 135x120', 'u', 18, 1184.5], ['Porte d’entrée aluminium vitrée', 'u', 2, 3260], ['Volet roulant électrique', 'u', 18, 612.4], ['Dépose et évacuation des menuiseries existantes', 'ens', 1, 1850]];
const VRD_LINES = [['Décapage terre végétale ép. 20 cm', 'm2', 2450, 2.35], ['Déblais en terrain ordinaire', 'm3', 980, 11.8], ['Grave non traitée 0/31,5 ép. 30 cm', 'm3', 735, 38.5], ['Enrobé BBSG 0/10 ép. 6 cm', 't', 352, 96.2], ['Bordures T2 y compris fondation', 'ml', 410, 41.75]];

export const CORRECT = [
  {
    id: 'C01-menuiserie-dc1-glyphs', trade: 'menuiserie', context: { ...DEPOT_TRAVAUX, requirements: { documents: ['MEMOIRE_TECHNIQUE', 'INSURANCE_RC'] } },
    traps: 'DC1/DC2/ATTRI1 with ☐/☒ glyphs: unticked groupement, variante, PSE; DPGF drawn as a positioned table; MAAF attestation with the insurer’s RCS.',
    documents: [
      { name: 'DC1_VIDOURLE.pdf', size: 9, pages: dc1({ company: C.vidourle, ...menuiserie, lots: ['3'] }) },
      { name: 'DC2_VIDOURLE.pdf', size: 9, pages: dc2({ company: C.vidourle, ...menuiserie, turnover: TURNOVER(1180000, 1254000, 1312500), workforce: '2023 : 12 - 2024 : 13 - 2025 : 14' }) },
      { name: 'AE lot 3.pdf', size: 9, pages: attri1({ company: C.vidourle, ...menuiserie, lot: '3', amountHT: 40714.2, account: ACCOUNTS.vidourle, signer: 'BERTRAND Hélène, Présidente' }) },
      { name: 'DPGF lot 3.pdf', size: 9, ...priceTable({ title: 'DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', lot: 'Lot 3 - Menuiseries extérieures', lines: MENUISERIE_LINES }) },
      { name: 'Memoire technique VIDOURLE.pdf', pages: memoire({ company: C.vidourle, object: menuiserie.object, extra: ['7. Organisation : toutes les menuiseries sont fabriquées et posées par nos propres équipes.'] }) },
      { name: 'Attestation RC MAAF.pdf', pages: insuranceRc({ company: C.vidourle, insurer: 'maaf', from: '01/01/2026', to: '31/12/2026', policy: '148 220 913 K' }) },
      { name: 'RIB.pdf', pages: rib({ company: C.vidourle, bank: 'ca', account: ACCOUNTS.vidourle }) },
    ],
    expected: [],
  },
  {
    id: 'C02-nettoyage-dume-non', trade: 'nettoyage', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'FORMALISEE', deadline: '2026-12-18T16:00:00+01:00', estimatedValue: 640000, requirements: { variantsAllowed: false, candidatureForms: 'EITHER', documents: ['MEMOIRE_TECHNIQUE', 'BPU'] } },
    traps: 'DUME export answering Non to groupement, sous-traitance, insolvency (the word liquidation printed in the question); variantes forbidden by the RC; ATTRI1 with drawn boxes (no text) for the unticked variante.',
    documents: [
      { name: 'DUME_AIGOUAL.pdf', size: 8, pages: dume({ company: C.aigoual, ...nettoyage }) },
      { name: 'ATTRI1.pdf', size: 9, pages: attri1({ company: C.aigoual, ...nettoyage, style: 'drawn', amountHT: 158400, account: ACCOUNTS.aigoual, signer: 'COMBES Mathieu, gérant' }) },
      { name: 'BPU nettoyage.pdf', size: 9, ...priceTable({ title: 'BORDEREAU DES PRIX UNITAIRES', lot: 'Prix unitaires HT par prestation', lines: [['Nettoyage quotidien bureaux', 'm2/mois', 1, 2.15], ['Vitrerie semestrielle', 'm2', 1, 3.4], ['Décapage et métallisation des sols', 'm2', 1, 4.9], ['Intervention ponctuelle d’un agent', 'heure', 1, 27.5]] }) },
      { name: 'memoire-technique.pdf', pages: memoire({ company: C.aigoual, object: nettoyage.object, extra: ['7. Notre offre porte sur la solution de base uniquement, sans variante, conformément au règlement de la consultation.', '8. Les prestations sont exécutées sans recours à la sous-traitance, par nos agents salariés.'] }) },
      { name: 'Kbis AIGOUAL.pdf', pages: kbis({ company: C.aigoual, upToDate: '3 novembre 2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C03-signalisation-brackets-xlsx', trade: 'signalisation', context: { stage: 'DEPOT', nature: 'FOURNITURES', procedure: 'MAPA', deadline: '2026-12-09T12:00:00+01:00', requirements: { documents: ['DQE'] } },
    traps: 'ATTRI1 typed with [X]/[ ] brackets; DQE workbook with correct totals; RIB with the bank’s own RCS number (Société Générale).',
    documents: [
      { name: 'AE_signalisation.pdf', size: 9, pages: attri1({ company: C.signal, ...signalisation, style: 'bracket', amountHT: 21785, account: ACCOUNTS.signal, signer: 'NAVARRO Julien, Président' }) },
      { name: 'DQE_signalisation.xlsx', xlsx: priceRows({ title: 'DÉTAIL QUANTITATIF ESTIMATIF - signalisation verticale', lines: [['Panneau AB4 STOP 700 mm classe 2', 'u', 40, 168.5], ['Panneau B14 limitation 50 km/h', 'u', 60, 121.9], ['Mât acier galvanisé 3 m', 'u', 100, 64.35], ['Collier de fixation', 'u', 200, 6.48]] }).rows },
      { name: 'RIB SG.pdf', pages: rib({ company: C.signal, bank: 'sg', account: ACCOUNTS.signal }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.signal, ...signalisation, style: 'bracket' }) },
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.signal, ...signalisation, style: 'bracket', turnover: TURNOVER(640000, 702000, 698500), workforce: '9 salariés' }) },
    ],
    expected: [],
  },
  {
    id: 'C04-plomberie-dc4-declared', trade: 'plomberie', context: { ...DEPOT_TRAVAUX, deadline: '2026-12-11T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'Sous-traitance really declared, with its DC4 (sub-contractor’s own SIRET and IBAN, amount filled); DC2 H ticked Oui.',
    documents: [
      { name: 'DC1 MARTIN-ROUVIERE.pdf', size: 9, pages: dc1({ company: C.rouviere, ...plomberie, lots: ['2'] }) },
      { name: 'DC2 MARTIN-ROUVIERE.pdf', size: 9, pages: dc2({ company: C.rouviere, ...plomberie, reliesOnOthers: true, turnover: TURNOVER(905000, 948000, 1011000), workforce: '11 salariés' }) },
      { name: 'DC4 Etancheite Gardoise.pdf', size: 9, pages: dc4({ company: C.rouviere, sub: SUBS.etancheite, ...plomberie, nature: 'reprise d’étanchéité des toitures-terrasses au droit des colonnes', amountHT: 8450, subAccount: ACCOUNTS.etancheite, months: 2 }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.rouviere, object: plomberie.object, extra: ['7. Sous-traitance : les reprises d’étanchéité seront sous-traitées à ÉTANCHÉITÉ GARDOISE (DC4 joint).'] }) },
      { name: 'RC pro MMA.pdf', pages: insuranceRc({ company: C.rouviere, insurer: 'mma', from: '01/04/2026', to: '31/03/2027', policy: '112 447 906' }) },
    ],
    expected: [],
  },
  {
    id: 'C05-vrd-attribution-attestations', trade: 'terrassement', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'FORMALISEE', deadline: '2026-11-06T12:00:00+01:00' },
    traps: 'Attribution-stage attestations, all valid: URSSAF letter listing the establishment SIRET, DGFiP, Kbis, SMABTP décennale (insurer’s RCS), attestation sur l’honneur for foreign workers.',
    documents: [
      { name: 'Attestation_vigilance.pdf', pages: urssaf({ company: C.pontdugard, issued: '05/11/2026' }) },
      { name: 'attestation_fiscale.pdf', pages: fiscal({ company: C.pontdugard, issued: '04/11/2026' }) },
      { name: 'Kbis.pdf', pages: kbis({ company: C.pontdugard, upToDate: '2 novembre 2026' }) },
      { name: 'Decennale 2026.pdf', pages: decennale({ company: C.pontdugard, from: '01/01/2026', to: '31/12/2026', activities: 'terrassement, VRD, voirie, assainissement', policy: '0458 7712 T' }) },
      { name: 'RC Pro AXA.pdf', pages: insuranceRc({ company: C.pontdugard, insurer: 'axa', from: '01/01/2026', to: '31/12/2026', policy: '10577 43218 001' }) },
      { name: 'salaries_etrangers.pdf', pages: foreignWorkers({ company: C.pontdugard, date: '05/11/2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C06-informatique-letter-ticks', trade: 'informatique', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-15T12:00:00+01:00', estimatedValue: 150000, requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'Forms ticked with a typed X and unticked options left blank; mémoire saying "aucune sous-traitance" and "pas de variante".',
    documents: [
      { name: 'DC1-INFOGARD.pdf', size: 9, pages: dc1({ company: C.infogard, ...informatique, style: 'letter' }) },
      { name: 'DC2-INFOGARD.pdf', size: 9, pages: dc2({ company: C.infogard, ...informatique, style: 'letter', turnover: TURNOVER(1420000, 1510000, 1634000), workforce: '18 salariés' }) },
      { name: 'Memoire_technique_INFOGARD.pdf', pages: memoire({ company: C.infogard, object: informatique.object, title: 'MÉMOIRE TECHNIQUE ET NOTE MÉTHODOLOGIQUE', extra: ['7. Aucune sous-traitance n’est envisagée : les techniciens sont salariés d’INFOGARD.', '8. Nous ne proposons pas de variante ; l’offre répond strictement au CCTP.'] }) },
      { name: 'Kbis_INFOGARD.pdf', pages: kbis({ company: C.infogard, upToDate: '28 octobre 2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C07-vrd-dingbats-glued-dpgf', trade: 'terrassement', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'FORMALISEE', deadline: '2026-12-16T12:00:00+01:00', estimatedValue: 410000, requirements: { variantsAllowed: false, documents: ['DPGF', 'MEMOIRE_TECHNIQUE'] } },
    traps: 'DC1/ATTRI1 boxes in ZapfDingbats (extract as the letters q and 4); DPGF columns packed close so extraction glues cells; correct totals.',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.pontdugard, ...vrd, lots: ['1'], style: 'dingbats' }) },
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.pontdugard, ...vrd, style: 'dingbats', turnover: TURNOVER(2850000, 3010000, 3122000), workforce: '22 salariés' }) },
      { name: 'AE_lot1.pdf', size: 9, pages: attri1({ company: C.pontdugard, ...vrd, lot: '1', style: 'dingbats', amountHT: 96598.9, account: ACCOUNTS.pontdugard, signer: 'PELLET Gilles, gérant' }) },
      { name: 'DPGF_lot1.pdf', size: 8, ...priceTable({ title: 'DECOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', lot: 'Lot 1 - Terrassement VRD', lines: VRD_LINES, x: [42, 228, 248, 290, 340] }) },
      { name: 'Memoire.pdf', pages: memoire({ company: C.pontdugard, object: vrd.object }) },
    ],
    expected: [],
  },
  {
    id: 'C08-electricite-groupement', trade: 'électricité', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-17T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'A real groupement solidaire: DC1 lists the cotraitant with its own SIRET, one DC2 per member, mandataire designated.',
    documents: [
      { name: 'DC1 groupement.pdf', size: 9, pages: dc1({ company: C.alesElec, ...elec, lots: ['5'], group: { type: 'solidaire', members: [{ ...C.alesElec, share: 'courants forts, tableaux' }, { ...SUBS.peinture, share: 'reprises de peinture après saignées' }] } }) },
      { name: 'DC2 Galeizon.pdf', size: 9, pages: dc2({ company: C.alesElec, ...elec, turnover: TURNOVER(980000, 1040000, 1096000), workforce: '12 salariés' }) },
      { name: 'DC2 Peintures Gardonnenque.pdf', size: 9, pages: dc2({ company: { ...SUBS.peinture, email: 'contact@peinturesgardonnenque.fr', rcs: 'RCS Nîmes' }, ...elec, turnover: TURNOVER(310000, 334000, 352000), workforce: '4 salariés' }) },
      { name: 'Memoire technique groupement.pdf', pages: memoire({ company: C.alesElec, object: elec.object, extra: ['7. Répartition : le mandataire réalise l’électricité, le cotraitant les reprises de peinture.'] }) },
    ],
    expected: [],
  },
  {
    id: 'C09-espaces-verts-attribution', trade: 'espaces verts', context: { stage: 'ATTRIBUTION', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-10-30T12:00:00+01:00' },
    traps: 'One-page "Sécurité sociale" URSSAF layout; RC Pro AXA with the insurer’s RCS; SCOP legal form.',
    documents: [
      { name: 'urssaf.pdf', pages: urssaf({ company: C.vaunage, issued: '12/11/2026', layout: 'form' }) },
      { name: 'regularite fiscale.pdf', pages: fiscal({ company: C.vaunage, issued: '12/11/2026' }) },
      { name: 'extrait kbis.pdf', pages: kbis({ company: C.vaunage, upToDate: '10 novembre 2026' }) },
      { name: 'attestation AXA.pdf', pages: insuranceRc({ company: C.vaunage, insurer: 'axa', from: '01/07/2026', to: '30/06/2027', policy: '10592 11870 004' }) },
      { name: 'liste etrangers.pdf', pages: foreignWorkers({ company: C.vaunage, date: '12/11/2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C10-repas-dume-bpu-xlsx', trade: 'restauration', context: { stage: 'DEPOT', nature: 'FOURNITURES', procedure: 'FORMALISEE', deadline: '2026-12-21T12:00:00+01:00', estimatedValue: 520000, requirements: { candidatureForms: 'DUME', variantsAllowed: false, documents: ['MEMOIRE_TECHNIQUE', 'BPU'] } },
    traps: 'DUME with Non answers; BPU workbook; mémoire mentioning the word variante in a negation.',
    documents: [
      { name: 'DUME RESTOCEZE.pdf', size: 8, pages: dume({ company: C.ceze, ...repas }) },
      { name: 'BPU repas.xlsx', xlsx: [['BORDEREAU DES PRIX UNITAIRES'], [], ['Désignation', 'Unité', 'Prix unitaire HT', 'Prix unitaire TTC'], ['Repas maternelle 4 composantes', 'repas', 3.12, 3.29], ['Repas élémentaire 5 composantes', 'repas', 3.38, 3.57], ['Repas adulte', 'repas', 4.2, 4.43], ['Goûter', 'u', 0.62, 0.65]] },
      { name: 'Memoire technique RESTOCEZE.pdf', pages: memoire({ company: C.ceze, object: repas.object, extra: ['7. Aucune variante n’est présentée : les menus suivent le plan alimentaire du CCTP.', '8. La livraison est assurée par nos camions frigorifiques, sans sous-traitance.'] }) },
    ],
    expected: [],
  },
  {
    id: 'C11-moe-architecte-rne', trade: 'maîtrise d’oeuvre', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-12T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'An entreprise individuelle registered at the RNE (no Kbis); ATTRI1 with unticked PSE and variante glyphs.',
    documents: [
      { name: 'DC1 FABRE.pdf', size: 9, pages: dc1({ company: C.fabre, ...moe }) },
      { name: 'DC2 FABRE.pdf', size: 9, pages: dc2({ company: { ...C.fabre, rcs: 'immatriculée au Registre national des entreprises' }, ...moe, turnover: TURNOVER(142000, 156500, 149800), workforce: '2 personnes' }) },
      { name: 'Attestation RNE.pdf', pages: rne({ company: C.fabre, atDate: '02/11/2026' }) },
      { name: 'Note methodologique.pdf', pages: memoire({ company: C.fabre, object: moe.object, title: 'NOTE MÉTHODOLOGIQUE' }) },
      { name: 'AE_MOE.pdf', size: 9, pages: attri1({ company: C.fabre, ...moe, amountHT: 38400, account: { ...ACCOUNTS.lussan, bankName: 'Banque Populaire du Sud' }, signer: 'FABRE Lucie, architecte' }) },
    ],
    expected: [],
  },
  {
    id: 'C12-charpente-buyer-ae', trade: 'charpente', context: { ...DEPOT_TRAVAUX, deadline: '2026-12-10T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'The buyer’s own acte d’engagement: "Variante : ☐ oui ☒ non", "Sous-traitance : ☐ oui ☒ non"; RIB Banque Populaire with the bank’s RCS.',
    documents: [
      { name: 'Acte engagement Lussan.pdf', pages: [[
        'Commune de Lussan', 'MARCHÉ DE TRAVAUX - PROCÉDURE ADAPTÉE', 'ACTE D’ENGAGEMENT', `Objet : ${charpente.object}`,
        `Le candidat : ${C.lussan.name}, ${C.lussan.address}, SIRET ${C.lussan.siret}`,
        'm’engage à exécuter les travaux conformément au CCAP et au CCTP, pour le prix global et forfaitaire de :',
        'Montant HT : 61 380,00 €   TVA 20 % : 12 276,00 €   Montant TTC : 73 656,00 €',
        'Variante : {☐} oui {☒} non', 'Sous-traitance envisagée : {☐} oui {☒} non', 'Avance : {☒} acceptée {☐} refusée',
        `Compte à créditer : IBAN ${ACCOUNTS.lussan.printed}`, `Fait à Lussan, le 20/11/2026 - ${C.lussan.boss}, gérant`,
      ]] },
      { name: 'RIB BPS.pdf', pages: rib({ company: C.lussan, bank: 'bps', account: ACCOUNTS.lussan }) },
      { name: 'Memoire charpente.pdf', pages: memoire({ company: C.lussan, object: charpente.object }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.lussan, ...charpente, lots: ['1'] }) },
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.lussan, ...charpente, turnover: TURNOVER(610000, 655000, 702000), workforce: '8 salariés' }) },
    ],
    expected: [],
  },
  {
    id: 'C13-clim-dpgf-xlsx', trade: 'climatisation', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-08T12:00:00+01:00', requirements: { documents: ['DPGF', 'MEMOIRE_TECHNIQUE'] } },
    traps: 'DPGF workbook with sub-totals, TVA and TTC all right; ATTRI1 squares □/■.',
    documents: [
      { name: 'DPGF lot 4.xlsx', xlsx: [['DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE - Lot 4 CVC'], ['Poste', 'Désignation', 'Montant HT'], ['1', 'Dépose des groupes existants et récupération des fluides', 4800], ['2', 'Groupe DRV 45 kW réversible', 38650], ['3', 'Unités intérieures cassettes (12 u)', 21840], ['4', 'Liaisons frigorifiques et condensats', 9320], ['5', 'Mise en service, essais, DOE', 2390], [null, 'Total HT', 77000], [null, 'TVA 20 %', 15400], [null, 'Total TTC', 92400]] },
      { name: 'AE lot 4.pdf', size: 9, pages: attri1({ company: C.camargue, ...clim, lot: '4', style: 'square', amountHT: 77000, account: ACCOUNTS.camargue, signer: 'MOREL Vincent, Président' }) },
      { name: 'Memoire FROID CAMARGUE.pdf', pages: memoire({ company: C.camargue, object: clim.object }) },
      { name: 'DC1 FROID CAMARGUE.pdf', size: 9, pages: dc1({ company: C.camargue, ...clim, lots: ['4'], style: 'square' }) },
      { name: 'DC2 FROID CAMARGUE.pdf', size: 9, pages: dc2({ company: C.camargue, ...clim, style: 'square', turnover: TURNOVER(1720000, 1804000, 1902000), workforce: '16 salariés' }) },
    ],
    expected: [],
  },
  {
    id: 'C14-menuiserie-times-font', trade: 'menuiserie', context: { ...DEPOT_TRAVAUX, deadline: '2026-12-19T12:00:00+01:00', procedure: 'FORMALISEE', estimatedValue: 320000, requirements: { variantsAllowed: false, documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'Times font; ATTRI1 drawn boxes for every option; mémoire "nous ne recourons pas à la sous-traitance".',
    documents: [
      { name: 'ATTRI1_VIDOURLE.pdf', font: 'times', size: 9, pages: attri1({ company: C.vidourle, ...menuiserie, lot: '3', style: 'drawn', amountHT: 40714.2, account: ACCOUNTS.vidourle, signer: 'BERTRAND Hélène, Présidente' }) },
      { name: 'DC1_VIDOURLE.pdf', font: 'times', size: 9, pages: dc1({ company: C.vidourle, ...menuiserie, lots: ['3'], style: 'drawn' }) },
      { name: 'DC2_VIDOURLE.pdf', font: 'times', size: 9, pages: dc2({ company: C.vidourle, ...menuiserie, style: 'drawn', turnover: TURNOVER(1180000, 1254000, 1312500), workforce: '14 salariés' }) },
      { name: 'MT VIDOURLE.pdf', font: 'times', pages: memoire({ company: C.vidourle, object: menuiserie.object, extra: ['7. Nous ne recourons pas à la sous-traitance pour ce lot.'] }) },
    ],
    expected: [],
  },
  {
    id: 'C15-nettoyage-attribution-letter-urssaf', trade: 'nettoyage', context: { stage: 'ATTRIBUTION', nature: 'SERVICES', procedure: 'FORMALISEE', deadline: '2026-11-02T12:00:00+01:00' },
    traps: 'URSSAF regional letter (Provence-Alpes-Côte d’Azur), DGFiP, Kbis, MMA attestation with its RCS number.',
    documents: [
      { name: 'URSSAF AIGOUAL.pdf', pages: urssaf({ company: C.aigoual, issued: '03/11/2026', region: 'Provence-Alpes-Côte d’Azur' }) },
      { name: 'DGFIP AIGOUAL.pdf', pages: fiscal({ company: C.aigoual, issued: '03/11/2026' }) },
      { name: 'KBIS AIGOUAL.pdf', pages: kbis({ company: C.aigoual, upToDate: '29 octobre 2026' }) },
      { name: 'MMA RC.pdf', pages: insuranceRc({ company: C.aigoual, insurer: 'mma', from: '01/01/2026', to: '31/12/2026', policy: '117 002 455' }) },
      { name: 'Attestation travailleurs etrangers.pdf', pages: foreignWorkers({ company: C.aigoual, date: '03/11/2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C16-plomberie-dc4-bracket-dqe-pdf', trade: 'plomberie', context: { ...DEPOT_TRAVAUX, deadline: '2026-12-22T12:00:00+01:00', requirements: { documents: ['DQE', 'MEMOIRE_TECHNIQUE'] } },
    traps: 'DC4 with brackets, sub-contractor’s SIRET and IBAN; DQE drawn as a table with quantities × unit prices; main RIB La Banque Postale (bank’s RCS).',
    documents: [
      { name: 'DC4_carrelage.pdf', size: 9, pages: dc4({ company: C.rouviere, sub: SUBS.carrelage, ...plomberie, style: 'bracket', nature: 'dépose et repose de faïence murale dans les salles d’eau', amountHT: 5920, subAccount: ACCOUNTS.carrelage, months: 3 }) },
      { name: 'DQE plomberie.pdf', size: 9, ...priceTable({ title: 'DÉTAIL QUANTITATIF ESTIMATIF', lot: 'Lot 2 - Plomberie', lines: [['Colonne cuivre 28 mm', 'ml', 186, 48.6], ['Nourrice de distribution', 'u', 24, 212], ['Robinet d’arrêt quart de tour', 'u', 96, 31.25], ['Calorifugeage', 'ml', 186, 12.9]] }) },
      { name: 'Memoire technique.pdf', pages: memoire({ company: C.rouviere, object: plomberie.object, extra: ['7. Les faïences seront reprises par notre sous-traitant CARRELAGES DU RHÔNY (déclaration DC4 jointe).'] }) },
      { name: 'RIB LBP.pdf', pages: rib({ company: C.rouviere, bank: 'lbp', account: ACCOUNTS.rouviere }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.rouviere, ...plomberie, lots: ['2'], style: 'bracket' }) },
    ],
    expected: [],
  },
  {
    id: 'C17-electricite-all-lots', trade: 'électricité', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-11T17:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE', 'INSURANCE_RC'] } },
    traps: 'DC1 "pour tous les lots" ticked; DC2 with every Oui/Non pair; RC Pro AXA; Kbis + mémoire.',
    documents: [
      { name: 'lettre de candidature DC1.pdf', size: 9, pages: dc1({ company: C.alesElec, ...elec, allLots: true }) },
      { name: 'declaration du candidat DC2.pdf', size: 9, pages: dc2({ company: C.alesElec, ...elec, turnover: TURNOVER(980000, 1040000, 1096000), workforce: '12 salariés' }) },
      { name: 'memoire GALEIZON.pdf', pages: memoire({ company: C.alesElec, object: elec.object }) },
      { name: 'RC pro.pdf', pages: insuranceRc({ company: C.alesElec, insurer: 'axa', from: '01/01/2026', to: '31/12/2026', policy: '10588 20031 002' }) },
      { name: 'Kbis.pdf', pages: kbis({ company: C.alesElec, upToDate: '6 novembre 2026', court: 'NIMES' }) },
    ],
    expected: [],
  },
  {
    id: 'C18-informatique-dume-xlsx-bpu', trade: 'informatique', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'FORMALISEE', deadline: '2026-12-23T12:00:00+01:00', estimatedValue: 380000, requirements: { variantsAllowed: false, documents: ['MEMOIRE_TECHNIQUE', 'BPU'] } },
    traps: 'DUME export; BPU workbook with "Prix unitaire HT" per line; variantes forbidden; ATTRI1 with PSE unticked.',
    documents: [
      { name: 'DUME INFOGARD.pdf', size: 8, pages: dume({ company: C.infogard, ...informatique }) },
      { name: 'BPU.xlsx', xlsx: [['BORDEREAU DES PRIX UNITAIRES - maintenance informatique'], ['Réf.', 'Désignation', 'Unité', 'Prix unitaire HT'], ['1', 'Forfait maintenance poste de travail', 'poste/an', 96], ['2', 'Intervention sur site niveau 2', 'heure', 62], ['3', 'Astreinte week-end', 'forfait', 240], ['4', 'Masterisation d’un poste', 'u', 38]] },
      { name: 'ATTRI1 INFOGARD.pdf', size: 9, pages: attri1({ company: C.infogard, ...informatique, amountHT: 97440, account: { ...ACCOUNTS.camargue, bankName: 'Société Générale' }, signer: 'LEFEBVRE Sonia, Présidente' }) },
      { name: 'Memoire.pdf', pages: memoire({ company: C.infogard, object: informatique.object }) },
    ],
    expected: [],
  },
  {
    id: 'C19-charpente-attribution-decennale', trade: 'charpente', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-11-04T12:00:00+01:00' },
    traps: 'Décennale from AXA (insurer’s RCS), RC from MAAF, URSSAF form layout, Kbis recent.',
    documents: [
      { name: 'vigilance.pdf', pages: urssaf({ company: C.lussan, issued: '17/11/2026', layout: 'form' }) },
      { name: 'fiscal.pdf', pages: fiscal({ company: C.lussan, issued: '17/11/2026' }) },
      { name: 'kbis lussan.pdf', pages: kbis({ company: C.lussan, upToDate: '16 novembre 2026' }) },
      { name: 'decennale AXA.pdf', pages: decennale({ company: C.lussan, insurer: 'axa', from: '01/01/2026', to: '31/12/2026', activities: 'charpente bois, couverture, zinguerie', policy: '10601 55218 003' }) },
      { name: 'RC MAAF.pdf', pages: insuranceRc({ company: C.lussan, insurer: 'maaf', from: '01/01/2026', to: '31/12/2026', policy: '148 330 117 M' }) },
      { name: 'etrangers.pdf', pages: foreignWorkers({ company: C.lussan, date: '17/11/2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C20-signalisation-rc-in-pli', trade: 'signalisation', context: { stage: 'DEPOT', nature: 'FOURNITURES', procedure: 'MAPA', deadline: '2026-12-07T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'The buyer’s RC returned in the pli (speaks of variantes and sous-traitance); DC1 with glyphs; mémoire.',
    documents: [
      { name: 'RC signalisation.pdf', pages: [[
        'Département du Gard', 'RÈGLEMENT DE LA CONSULTATION', 'Procédure adaptée - fourniture de panneaux de signalisation verticale',
        'Date et heure limites de réception des offres : 07/12/2026 à 12h00', 'Article 4 - Variantes : les variantes ne sont pas autorisées.',
        'Article 5 - Sous-traitance : le candidat indique dans son offre la part qu’il envisage de sous-traiter (DC4).',
        'Article 6 - Contenu des plis : DC1, DC2 ou DUME, mémoire technique, acte d’engagement.',
      ]] },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.signal, ...signalisation }) },
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.signal, ...signalisation, turnover: TURNOVER(640000, 702000, 698500), workforce: '9 salariés' }) },
      { name: 'memoire technique.pdf', pages: memoire({ company: C.signal, object: signalisation.object }) },
    ],
    expected: [],
  },
  {
    id: 'C21-clim-attribution-signed-ae', trade: 'climatisation', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-11-03T12:00:00+01:00' },
    traps: 'At attribution, the ATTRI1 signed electronically (CMS over the whole file, certificate issued by a CA and declaring itself qualified; the trust list cannot be checked offline) with its unticked variante/PSE options; attestations valid.',
    documents: [
      { name: 'ATTRI1 signe.pdf', size: 9, sign: { signer: 'Vincent MOREL', organisation: C.camargue.name, town: C.camargue.town }, pages: attri1({ company: C.camargue, ...clim, lot: '4', amountHT: 77000, account: ACCOUNTS.camargue, signer: 'MOREL Vincent, Président' }) },
      { name: 'vigilance.pdf', pages: urssaf({ company: C.camargue, issued: '09/11/2026' }) },
      { name: 'fiscal.pdf', pages: fiscal({ company: C.camargue, issued: '09/11/2026' }) },
      { name: 'kbis.pdf', pages: kbis({ company: C.camargue, upToDate: '9 novembre 2026' }) },
      { name: 'decennale.pdf', pages: decennale({ company: C.camargue, insurer: 'mma', from: '01/01/2026', to: '31/12/2026', activities: 'climatisation, ventilation, pompes à chaleur, génie climatique', policy: '140 772 318' }) },
      { name: 'RC.pdf', pages: insuranceRc({ company: C.camargue, insurer: 'mma', from: '01/01/2026', to: '31/12/2026', policy: '140 772 319' }) },
      { name: 'etrangers.pdf', pages: foreignWorkers({ company: C.camargue, date: '09/11/2026' }) },
    ],
    expected: [],
  },
  {
    id: 'C22-vrd-recap-tranches-columns', trade: 'terrassement', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-16T12:00:00+01:00', requirements: { documents: ['DPGF', 'MEMOIRE_TECHNIQUE'] } },
    traps: 'DPGF recap with one row per tranche and three amount columns (HT, TVA, TTC) that extraction puts on one line; a tranche optionnelle is not a variante; all sums right.',
    documents: [
      { name: 'DPGF recapitulatif.pdf', size: 9, pages: [['DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', 'Récapitulatif par tranche - Lot 1 terrassement VRD', 'Montants en euros']], tables: [{ x: [42, 330, 420, 520], align: [null, 'right', 'right', 'right'], rows: [
        ['Tranche', 'Montant HT', 'TVA 20 %', 'Montant TTC'],
        ['Tranche ferme - parking principal', '68 412,35', '13 682,47', '82 094,82'],
        ['Tranche optionnelle 1 - extension nord', '21 904,10', '4 380,82', '26 284,92'],
        ['Tranche optionnelle 2 - cheminements piétons', '9 117,55', '1 823,51', '10 941,06'],
        ['TOTAL', '99 434,00', '19 886,80', '119 320,80'],
      ] }] },
      { name: 'AE.pdf', size: 9, pages: attri1({ company: C.pontdugard, ...vrd, lot: '1', pse: '', amountHT: 99434, account: ACCOUNTS.pontdugard, signer: 'PELLET Gilles, gérant' }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.pontdugard, ...vrd, lots: ['1'] }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.pontdugard, object: vrd.object, extra: ['7. Les tranches optionnelles seront exécutées dans la continuité de la tranche ferme si elles sont affermies.'] }) },
    ],
    expected: [],
  },
  {
    id: 'C23-menuiserie-pse-required', trade: 'menuiserie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'FORMALISEE', deadline: '2026-12-18T12:00:00+01:00', estimatedValue: 300000, requirements: { variantsAllowed: false, documents: ['MEMOIRE_TECHNIQUE'] } },
    traps: 'ATTRI1 ticks the prestation supplémentaire éventuelle the RC requires (a PSE is not a variante), offre de base ticked, variante unticked.',
    documents: [
      { name: 'ATTRI1 PSE.pdf', size: 9, pages: attri1({ company: C.vidourle, ...menuiserie, lot: '3', pse: 'PSE n° 1 - brise-soleil orientables façade sud', amountHT: 48914.2, account: ACCOUNTS.vidourle, signer: 'BERTRAND Hélène, Présidente' }) },
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.vidourle, ...menuiserie, lots: 'Lot 3' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.vidourle, object: menuiserie.object, extra: ['7. La PSE n° 1 demandée par le règlement est chiffrée séparément (8 200,00 € HT).'] }) },
    ],
    expected: [],
  },
];
