// HELD-OUT CORPUS, SECOND BATCH — written after the fixes of 2026-12 without looking at the check's
// code, knowledge or tests, and run once: never tuned on. Thirteen correct dossiers: nothing in them
// should raise an ELIMINATORY or REGULARISABLE finding. When a finding here is wrong, fix the code on
// the merits; never edit these texts to make a figure move (write a third batch instead).
// Judged as of 2026-12-01 (precision.mjs passes it as referenceDate).
import { attri1, dc4 } from './forms.mjs';
import { foreignWorkers, memoire } from './attestations.mjs';
import { aeCommune, bpuNoQty, dc1Hand, dc2Hand, decennale2, dpgfChapters, dumePlatform, fiscalOnline, kbisPrincipal, priceQtyFirst, rcPro2, rib2, urssafModern } from './forms2.mjs';
import { N, NACCOUNTS, NSUB } from './companies2.mjs';

export const TURNOVER2 = (a, b, c) => [['2023', a, Math.round(a * 0.55)], ['2024', b, Math.round(b * 0.55)], ['2025', c, Math.round(c * 0.55)]];
const travaux = (deadline, more = {}) => ({ stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline, ...more });
const signOf = (c) => ({ signer: c.boss, organisation: c.name, town: c.town });

const ecolePeinture = { buyer: 'Commune de Saint-Jean-du-Gard, 30270 Saint-Jean-du-Gard', object: 'Rénovation intérieure de l’école du Pont - lot 2 peinture' };
const gardeCorps = { buyer: 'Commune de Beaucaire, place de la République, 30300 Beaucaire', object: 'Mise en sécurité des quais du canal - lot 4 serrurerie métallerie' };
const scolaire = { buyer: 'Communauté de communes Rhôny Vistre Vidourle, 30660 Gallargues-le-Montueux', object: 'Transport scolaire des élèves des écoles primaires - circuits 1 à 6' };
const fournitures = { buyer: 'Commune de Marguerittes, 30320 Marguerittes', object: 'Fourniture de papeterie et de consommables de bureau 2027' };
const ceremonies = { buyer: 'Commune de Saint-Gervasy, 30320 Saint-Gervasy', object: 'Prestations de traiteur pour les cérémonies et réceptions municipales' };
const vitres = { buyer: 'Centre hospitalier universitaire de Nîmes, 30029 Nîmes Cedex 9', object: 'Nettoyage des vitres et façades vitrées des bâtiments administratifs' };
const arbres = { buyer: 'Commune de Quissac, 30260 Quissac', object: 'Élagage et abattage des platanes des promenades communales' };
const audit = { buyer: 'Syndicat intercommunal d’eau potable de la Vaunage, 30420 Calvisson', object: 'Mission d’audit financier et d’assistance à la préparation budgétaire' };
const salleFetes = { buyer: 'Commune de Bessèges, 30160 Bessèges', object: 'Extension de la salle des fêtes - lot 1 gros oeuvre maçonnerie' };
const mairie = { buyer: 'Commune de Sainte-Anastasie, 30190 Sainte-Anastasie', object: 'Réfection des façades et peintures de la mairie - lot unique' };
const passerelle = { buyer: 'Commune de Beaucaire, place de la République, 30300 Beaucaire', object: 'Passerelle piétonne du Vieux-Port - lot 4 serrurerie métallerie' };
const college = { buyer: 'Département du Gard, 3 rue Guillemette, 30044 Nîmes Cedex 9', object: 'Transport des élèves du collège de Vergèze vers les équipements sportifs' };
const creche = { buyer: 'Commune d’Uzès, 30700 Uzès', object: 'Aménagement de la crèche municipale - lot 3 plâtrerie cloisons faux plafonds' };

const PEINTURE_CHAPTERS = [
  ['Travaux préparatoires', [['Protection des sols et mobiliers', 'ens', 1, 640], ['Lessivage et ponçage des murs', 'm2', 620, 3.9]]],
  ['Peinture des murs et plafonds', [['Impression et deux couches acrylique mate murs', 'm2', 620, 14.2], ['Peinture plafonds deux couches', 'm2', 410, 12.6]]],
  ['Menuiseries et boiseries', [['Laque satinée sur portes intérieures', 'u', 24, 86.5], ['Lasure des plinthes bois', 'ml', 380, 6.1]]],
];
const peintureDpgf = dpgfChapters({ title: 'DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', lot: 'Lot 2 - Peinture', chapters: PEINTURE_CHAPTERS });

const SERRURERIE_LINES = [['Garde-corps acier galvanisé thermolaqué h 1,10 m', 'ml', 146, 238], ['Portillon d’accès avec serrure', 'u', 4, 1260], ['Main courante inox', 'ml', 52, 118.4], ['Scellements chimiques et platines', 'ens', 1, 2150]];
const serrurerieDpgf = priceQtyFirst({ title: 'DPGF - DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', lot: 'Lot 4 - Serrurerie métallerie', lines: SERRURERIE_LINES });

const PASSERELLE_CHAPTERS = [
  ['Ossature métallique', [['Poutres HEA 240 fournies et posées', 'kg', 6400, 4.85], ['Platines d’appui et ancrages', 'u', 8, 420]]],
  ['Platelage et garde-corps', [['Caillebotis acier galvanisé', 'm2', 64, 162], ['Garde-corps à barreaudage', 'ml', 40, 265]]],
  ['Traitement de surface', [['Thermolaquage RAL 7016 (sous-traité)', 'ens', 1, 6200]]],
];
const passerelleDpgf = dpgfChapters({ title: 'DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', lot: 'Lot 4 - Serrurerie métallerie - Passerelle', chapters: PASSERELLE_CHAPTERS });

const PLATRERIE_CHAPTERS = [
  ['Cloisons', [['Cloison 72/48 une plaque BA13 par face', 'm2', 185, 38.6], ['Doublage isolant 100+13', 'm2', 240, 41.2]]],
  ['Plafonds', [['Plafond suspendu BA13 sur ossature', 'm2', 310, 36.9], ['Trappe de visite', 'u', 6, 94]]],
  ['Finitions', [['Bandes et enduits, finition Q3', 'm2', 735, 6.4]]],
];
const platrerieDpgf = dpgfChapters({ title: 'DPGF LOT 3 PLÂTRERIE', lot: 'Crèche municipale d’Uzès', chapters: PLATRERIE_CHAPTERS });

const BUREAU_ROWS = [['REF-1001', 'Ramette papier A4 80 g blanc', 'carton de 5', 31.9, 120], ['REF-1017', 'Stylo bille bleu pointe moyenne', 'boîte de 50', 14.6, 40], ['REF-2040', 'Classeur à levier dos 80 mm', 'lot de 10', 22.8, 60], ['REF-3302', 'Cartouche toner noir HP 59A', 'unité', 118.5, 36], ['REF-4410', 'Enveloppes C4 fenêtre', 'boîte de 250', 27.35, 24]];
const bureauTotal = Math.round(BUREAU_ROWS.reduce((s, [, , , pu, q]) => s + Math.round(pu * q * 100) / 100, 0) * 100) / 100;
const bureauDqe = [
  ['DÉTAIL QUANTITATIF ESTIMATIF - FOURNITURES DE BUREAU 2027'], [],
  ['Référence', 'Désignation', 'Conditionnement', 'Prix unitaire HT', 'Quantité estimée', 'Montant HT'],
  ...BUREAU_ROWS.map(([ref, label, pack, pu, q]) => [ref, label, pack, pu, q, Math.round(pu * q * 100) / 100]),
  [null, 'Total HT', null, null, null, bureauTotal], [null, 'TVA 20 %', null, null, null, Math.round(bureauTotal * 20) / 100],
  [null, 'Total TTC', null, null, null, Math.round(bureauTotal * 120) / 100],
];

export const CORRECT2 = [
  {
    id: 'K01-peinture-dc1-typed-x-dpgf-chapters', trade: 'peinture', context: travaux('2026-12-11T12:00:00+01:00', { requirements: { documents: ['MEMOIRE_TECHNIQUE', 'DPGF', 'INSURANCE_RC'] } }),
    traps: 'DC1/DC2 typed by hand: "X" after the chosen option, unchosen ones left bare, "Non concerné" for groupement rubrics; DPGF with a sub-total per chapter; Allianz attestation with date d’effet / échéance.',
    documents: [
      { name: 'DC1 Cevenol.pdf', size: 9, pages: dc1Hand({ company: N.cevenol, ...ecolePeinture, lots: ['2'] }) },
      { name: 'DC2 Cevenol.pdf', size: 9, pages: dc2Hand({ company: N.cevenol, ...ecolePeinture, turnover: TURNOVER2(612000, 648500, 701200), workforce: '10 salariés' }) },
      { name: 'AE lot 2 peinture.pdf', size: 9, pages: attri1({ company: N.cevenol, ...ecolePeinture, lot: '2', amountHT: peintureDpgf.total, account: NACCOUNTS.cevenol, signer: 'SERRE Antoine, gérant' }) },
      { name: 'DPGF lot 2.pdf', size: 9, ...peintureDpgf },
      { name: 'Memoire technique peinture.pdf', pages: memoire({ company: N.cevenol, object: ecolePeinture.object, extra: ['7. Peintures en phase aqueuse classées A+, aucune sous-traitance : nos peintres salariés réalisent l’ensemble du lot.'] }) },
      { name: 'Attestation Allianz RC.pdf', pages: rcPro2({ company: N.cevenol, insurer: 'allianz', from: '01/01/2026', to: '31/12/2026', policy: '56 204 118' }) },
    ],
    expected: [],
  },
  {
    id: 'K02-serrurerie-dume-platform-qty-first', trade: 'serrurerie-métallerie', context: travaux('2026-12-15T12:00:00+01:00', { requirements: { documents: ['MEMOIRE_TECHNIQUE', 'DPGF'] } }),
    traps: 'DUME from a platform module (numbered questions, NON in capitals, the words liquidation and redressement printed in a NON question); buyer’s AE with one labelled total equal to the DPGF; DPGF columns Qté | Unité | Désignation | PU | Montant; Crédit Mutuel RIB laid out as a table.',
    documents: [
      { name: 'DUME_VIGUEIRAT.pdf', size: 9, pages: dumePlatform({ company: N.vigueirat, ...gardeCorps, lot: 'Lot 4 – Serrurerie métallerie' }) },
      { name: 'Acte d engagement lot 4.pdf', size: 9, pages: aeCommune({ company: N.vigueirat, ...gardeCorps, lot: '4', amountHT: serrurerieDpgf.total, account: NACCOUNTS.vigueirat }) },
      { name: 'DPGF lot 4.pdf', size: 9, ...serrurerieDpgf },
      { name: 'RIB Credit Mutuel.pdf', ...rib2({ company: N.vigueirat, bank: 'cm', account: NACCOUNTS.vigueirat }) },
      { name: 'Memoire technique VIGUEIRAT.pdf', pages: memoire({ company: N.vigueirat, object: gardeCorps.object }) },
    ],
    expected: [],
  },
  {
    id: 'K03-transport-scolaire-bpu-no-qty', trade: 'transport scolaire', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'FORMALISEE', deadline: '2026-12-22T12:00:00+01:00', estimatedValue: 940000, requirements: { candidatureForms: 'DUME', variantsAllowed: false, documents: ['MEMOIRE_TECHNIQUE', 'BPU', 'INSURANCE_RC'] } },
    traps: 'BPU with unit prices only (no quantities, no total); Groupama attestation with dates written in words; ATTRI1 on the annual estimate.',
    documents: [
      { name: 'DUME Cars Vistrenque.pdf', size: 9, pages: dumePlatform({ company: N.vistrenque, ...scolaire }) },
      { name: 'BPU transport scolaire.pdf', size: 9, ...bpuNoQty({ title: 'BORDEREAU DES PRIX UNITAIRES', intro: ['Prix par jour de fonctionnement scolaire, véhicule et conducteur compris'], lines: [['Circuit 1 - Aubais / Gallargues (car 59 places)', 'jour', 312.4], ['Circuit 2 - Aigues-Vives / Mus (car 59 places)', 'jour', 298.9], ['Circuit 3 - Vergèze / Codognan (car 35 places)', 'jour', 241.5], ['Circuits 4 à 6 - navettes (minibus 22 places)', 'jour', 188], ['Accompagnateur à bord', 'heure', 24.6], ['Sortie pédagogique hors circuit', 'km', 2.35]] }) },
      { name: 'ATTRI1 transport.pdf', size: 9, pages: attri1({ company: N.vistrenque, ...scolaire, style: 'square', amountHT: 186420, vat: 10, account: NACCOUNTS.vistrenque, signer: 'TEISSIER Murielle, Présidente' }) },
      { name: 'Memoire technique transport.pdf', pages: memoire({ company: N.vistrenque, object: scolaire.object, extra: ['7. Flotte : 14 cars de moins de 8 ans, tous équipés d’éthylotests anti-démarrage et de ceintures.', '8. Offre de base uniquement, sans variante ; conducteurs salariés, sans sous-traitance.'] }) },
      { name: 'Attestation Groupama RC.pdf', pages: rcPro2({ company: N.vistrenque, insurer: 'groupama', from: '1er janvier 2026', to: '31 décembre 2026', policy: 'TR 4471 0093', textualDates: true }) },
    ],
    expected: [],
  },
  {
    id: 'K04-fournitures-bureau-dqe-other-columns', trade: 'fournitures de bureau', context: { stage: 'DEPOT', nature: 'FOURNITURES', procedure: 'MAPA', deadline: '2026-12-09T12:00:00+01:00', requirements: { documents: ['DQE'] } },
    traps: 'DQE workbook whose columns run PU before quantity, with references and packaging; ATTRI1 ticked with a typed X; CIC RIB table; DC1 typed by hand, marché non alloti.',
    documents: [
      { name: 'DC1 BUREAU PLUS.pdf', size: 9, pages: dc1Hand({ company: N.bureau, ...fournitures }) },
      { name: 'DC2 BUREAU PLUS.pdf', size: 9, pages: dc2Hand({ company: N.bureau, ...fournitures, turnover: TURNOVER2(1840000, 1912000, 1987000), workforce: '7 salariés' }) },
      { name: 'AE fournitures.pdf', size: 9, pages: attri1({ company: N.bureau, ...fournitures, style: 'letter', amountHT: bureauTotal, account: NACCOUNTS.bureau, signer: 'DELMAS Olivier, Président' }) },
      { name: 'DQE fournitures 2027.xlsx', xlsx: bureauDqe },
      { name: 'RIB CIC.pdf', ...rib2({ company: N.bureau, bank: 'cic', account: NACCOUNTS.bureau }) },
    ],
    expected: [],
  },
  {
    id: 'K05-traiteur-attribution-modern-urssaf', trade: 'traiteur', context: { stage: 'ATTRIBUTION', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-11-04T12:00:00+01:00' },
    traps: 'Winner’s pieces: modern URSSAF attestation with security code and "à la date du" the end of the previous month; DGFiP attestation edited online; Kbis "extrait d’immatriculation principale" in key/value layout with numeric date; Generali RC; Crédit Mutuel RIB.',
    documents: [
      { name: 'Attestation de vigilance.pdf', pages: urssafModern({ company: N.garrigues, issued: '16/11/2026', situationAt: '31/10/2026' }) },
      { name: 'Attestation regularite fiscale.pdf', pages: fiscalOnline({ company: N.garrigues, edited: '16/11/2026', situationAt: '31/10/2026' }) },
      { name: 'Kbis Traiteur Les Garrigues.pdf', pages: kbisPrincipal({ company: N.garrigues, upToDate: '14/11/2026' }) },
      { name: 'RC Generali.pdf', pages: rcPro2({ company: N.garrigues, insurer: 'generali', from: '01/03/2026', to: '28/02/2027', policy: 'AL 592 883 410' }) },
      { name: 'Attestation salaries etrangers.pdf', pages: foreignWorkers({ company: N.garrigues, date: '16/11/2026' }) },
      { name: 'RIB.pdf', ...rib2({ company: N.garrigues, bank: 'cm', account: NACCOUNTS.garrigues }) },
    ],
    expected: [],
  },
  {
    id: 'K06-vitres-dc1-non-concerne-bpu', trade: 'nettoyage de vitres', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-10T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE', 'BPU'] } },
    traps: '"Non concerné" in every groupement rubric and in F2; BPU without quantities; Kbis in key/value layout at deposit (recent).',
    documents: [
      { name: 'DC1_CLAIRVITRE.pdf', size: 9, pages: dc1Hand({ company: N.clairvitre, ...vitres }) },
      { name: 'DC2_CLAIRVITRE.pdf', size: 9, pages: dc2Hand({ company: N.clairvitre, ...vitres, turnover: TURNOVER2(286000, 311500, 342000), workforce: '5 salariés' }) },
      { name: 'BPU vitrerie.pdf', size: 9, ...bpuNoQty({ title: 'BORDEREAU DES PRIX UNITAIRES - VITRERIE', intro: ['Prix HT par passage, faces intérieure et extérieure'], lines: [['Vitrages accessibles depuis le sol', 'm2', 1.85], ['Vitrages en hauteur avec nacelle', 'm2', 3.9], ['Façade rideau par cordistes', 'm2', 5.4], ['Châssis et encadrements', 'ml', 0.95]] }) },
      { name: 'Memoire technique vitrerie.pdf', pages: memoire({ company: N.clairvitre, object: vitres.object, extra: ['7. Travail en hauteur : deux cordistes CQP, nacelle 18 m louée avec opérateur.'] }) },
      { name: 'Kbis CLAIRVITRE.pdf', pages: kbisPrincipal({ company: N.clairvitre, upToDate: '02/11/2026' }) },
    ],
    expected: [],
  },
  {
    id: 'K07-elagage-attribution-signed-ae', trade: 'élagage', context: { stage: 'ATTRIBUTION', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-11-03T12:00:00+01:00' },
    traps: 'Winner’s pieces with the ATTRI1 electronically signed; Groupama RC with dates in words; LCL RIB table.',
    documents: [
      { name: 'ATTRI1 signe.pdf', size: 9, sign: signOf(N.elagage), pages: attri1({ company: N.elagage, ...arbres, amountHT: 33870, account: NACCOUNTS.elagage, signer: 'BONNAFOUX Rémi, gérant' }) },
      { name: 'vigilance urssaf.pdf', pages: urssafModern({ company: N.elagage, issued: '13/11/2026', situationAt: '31/10/2026' }) },
      { name: 'fiscale.pdf', pages: fiscalOnline({ company: N.elagage, edited: '13/11/2026', situationAt: '31/10/2026' }) },
      { name: 'kbis.pdf', pages: kbisPrincipal({ company: N.elagage, upToDate: '12/11/2026' }) },
      { name: 'RC Groupama.pdf', pages: rcPro2({ company: N.elagage, insurer: 'groupama', from: '1er avril 2026', to: '31 mars 2027', policy: 'EL 1190 2274', textualDates: true }) },
      { name: 'liste salaries etrangers.pdf', pages: foreignWorkers({ company: N.elagage, date: '13/11/2026' }) },
      { name: 'RIB LCL.pdf', ...rib2({ company: N.elagage, bank: 'lcl', account: NACCOUNTS.elagage }) },
    ],
    expected: [],
  },
  {
    id: 'K08-audit-conseil-forfait', trade: 'audit/conseil', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', estimatedValue: 60000, requirements: { documents: ['MEMOIRE_TECHNIQUE', 'INSURANCE_RC'] } },
    traps: 'Intellectual service at a forfait stated in the AE (no price file); drawn boxes in the ATTRI1; small company (4 people); note méthodologique.',
    documents: [
      { name: 'DC1 Roussel.pdf', size: 9, pages: dc1Hand({ company: N.roussel, ...audit }) },
      { name: 'DC2 Roussel.pdf', size: 9, pages: dc2Hand({ company: N.roussel, ...audit, turnover: TURNOVER2(318000, 344000, 362500), workforce: '4 personnes dont 3 consultants' }) },
      { name: 'Acte d engagement.pdf', size: 9, pages: attri1({ company: N.roussel, ...audit, style: 'drawn', amountHT: 24500, account: NACCOUNTS.roussel, signer: 'ROUSSEL Agnès, Présidente', delay: 90 }) },
      { name: 'Note methodologique.pdf', pages: memoire({ company: N.roussel, object: audit.object, title: 'NOTE MÉTHODOLOGIQUE', extra: ['7. Équipe : une associée expert-comptable, deux consultants seniors ; aucune sous-traitance.'] }) },
      { name: 'Attestation RC Pro Allianz.pdf', pages: rcPro2({ company: N.roussel, insurer: 'allianz', from: '01/06/2026', to: '31/05/2027', policy: '56 771 902' }) },
    ],
    expected: [],
  },
  {
    id: 'K09-maconnerie-attribution-generali-decennale', trade: 'maçonnerie', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-11-06T12:00:00+01:00' },
    traps: 'Travaux winner’s pieces: Generali décennale covering gros oeuvre for 2026, modern URSSAF, fiscal, Kbis principal, Generali RC, Crédit Mutuel RIB.',
    documents: [
      { name: 'Attestation decennale Generali.pdf', pages: decennale2({ company: N.boisset, insurer: 'generali', from: '01/01/2026', to: '31/12/2026', activities: 'maçonnerie et béton armé, gros oeuvre, démolition', policy: 'AC 310 229 871' }) },
      { name: 'RC Generali.pdf', pages: rcPro2({ company: N.boisset, insurer: 'generali', from: '01/01/2026', to: '31/12/2026', policy: 'AC 310 229 872' }) },
      { name: 'URSSAF vigilance.pdf', pages: urssafModern({ company: N.boisset, issued: '18/11/2026', situationAt: '31/10/2026' }) },
      { name: 'DGFIP.pdf', pages: fiscalOnline({ company: N.boisset, edited: '18/11/2026', situationAt: '31/10/2026' }) },
      { name: 'Kbis BOISSET.pdf', pages: kbisPrincipal({ company: N.boisset, upToDate: '17/11/2026' }) },
      { name: 'Salaries etrangers.pdf', pages: foreignWorkers({ company: N.boisset, date: '18/11/2026' }) },
      { name: 'RIB BOISSET.pdf', ...rib2({ company: N.boisset, bank: 'cm', account: NACCOUNTS.boisset }) },
    ],
    expected: [],
  },
  {
    id: 'K10-peinture-groupement-conjoint-typed', trade: 'peinture', context: travaux('2026-12-16T12:00:00+01:00', { requirements: { documents: ['MEMOIRE_TECHNIQUE'] } }),
    traps: 'A real groupement conjoint typed by hand: type X, both members with their own SIRET, mandataire named, one DC2 per member.',
    documents: [
      { name: 'DC1 groupement.pdf', size: 9, pages: dc1Hand({ company: N.cevenol, ...mairie, group: { type: 'conjoint', members: [{ ...N.cevenol, share: 'peintures intérieures et menuiseries' }, { ...NSUB.facades, share: 'enduits de façade' }] } }) },
      { name: 'DC2 Cevenol.pdf', size: 9, pages: dc2Hand({ company: N.cevenol, ...mairie, turnover: TURNOVER2(612000, 648500, 701200), workforce: '10 salariés' }) },
      { name: 'DC2 Facades et Enduits.pdf', size: 9, pages: dc2Hand({ company: NSUB.facades, ...mairie, turnover: TURNOVER2(402000, 415800, 433100), workforce: '6 salariés' }) },
      { name: 'Memoire technique groupement.pdf', pages: memoire({ company: N.cevenol, object: mairie.object, extra: ['7. Groupement conjoint : le mandataire PEINTURE ET DÉCOR CÉVENOL coordonne ; FAÇADES ET ENDUITS DU GARD réalise les enduits.'] }) },
    ],
    expected: [],
  },
  {
    id: 'K11-serrurerie-dc4-thermolaquage-totals', trade: 'serrurerie-métallerie', context: travaux('2026-12-18T12:00:00+01:00', { requirements: { documents: ['MEMOIRE_TECHNIQUE', 'DPGF'] } }),
    traps: 'Sub-contracting truly declared (DC4 complete, amount equal to the DPGF thermolaquage line); AE total equal to the DPGF general total; DPGF chapter sub-totals.',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1Hand({ company: N.vigueirat, ...passerelle, lots: ['4'] }) },
      { name: 'DC2.pdf', size: 9, pages: dc2Hand({ company: N.vigueirat, ...passerelle, turnover: TURNOVER2(1320000, 1406000, 1488000), workforce: '13 salariés' }) },
      { name: 'DC4 Thermolaquage du Rhone.pdf', size: 9, pages: dc4({ company: N.vigueirat, sub: NSUB.thermo, ...passerelle, style: 'letter', nature: 'thermolaquage des éléments de la passerelle', amountHT: 6200, subAccount: NACCOUNTS.thermo, months: 3 }) },
      { name: 'AE lot 4.pdf', size: 9, pages: aeCommune({ company: N.vigueirat, ...passerelle, lot: '4', amountHT: passerelleDpgf.total, account: NACCOUNTS.vigueirat, subcontracting: 'thermolaquage sous-traité à THERMOLAQUAGE DU RHÔNE, DC4 joint.' }) },
      { name: 'DPGF lot 4.pdf', size: 9, ...passerelleDpgf },
      { name: 'Memoire passerelle.pdf', pages: memoire({ company: N.vigueirat, object: passerelle.object, extra: ['7. Sous-traitance : le thermolaquage est confié à THERMOLAQUAGE DU RHÔNE (DC4 joint).'] }) },
    ],
    expected: [],
  },
  {
    id: 'K12-transport-attribution-formalisee', trade: 'transport scolaire', context: { stage: 'ATTRIBUTION', nature: 'SERVICES', procedure: 'FORMALISEE', deadline: '2026-11-02T12:00:00+01:00' },
    traps: 'Winner’s pieces in a formalised procedure: signed ATTRI1 (electronic), modern URSSAF, fiscal, Kbis principal, Allianz RC, LCL RIB.',
    documents: [
      { name: 'ATTRI1 CARS VISTRENQUE signe.pdf', size: 9, sign: signOf(N.vistrenque), pages: attri1({ company: N.vistrenque, ...college, style: 'drawn', amountHT: 74880, vat: 10, account: NACCOUNTS.vistrenque, signer: 'TEISSIER Murielle, Présidente' }) },
      { name: 'Urssaf.pdf', pages: urssafModern({ company: N.vistrenque, issued: '09/11/2026', situationAt: '31/10/2026' }) },
      { name: 'Impots.pdf', pages: fiscalOnline({ company: N.vistrenque, edited: '09/11/2026', situationAt: '31/10/2026' }) },
      { name: 'Kbis.pdf', pages: kbisPrincipal({ company: N.vistrenque, upToDate: '06/11/2026' }) },
      { name: 'Assurance Allianz.pdf', pages: rcPro2({ company: N.vistrenque, insurer: 'allianz', from: '01/01/2026', to: '31/12/2026', policy: '56 118 440' }) },
      { name: 'Etrangers.pdf', pages: foreignWorkers({ company: N.vistrenque, date: '09/11/2026' }) },
      { name: 'RIB LCL.pdf', ...rib2({ company: N.vistrenque, bank: 'lcl', account: NACCOUNTS.vistrenque }) },
    ],
    expected: [],
  },
  {
    id: 'K13-platrerie-times-dpgf-chapters', trade: 'plâtrerie', context: travaux('2026-12-17T12:00:00+01:00', { requirements: { documents: ['MEMOIRE_TECHNIQUE', 'DPGF'] } }),
    traps: 'Times font throughout; DUME platform export; ATTRI1 squares □/■ for lot 3 with the DPGF total; Groupama décennale at deposit (valid); Caisse d’Epargne RIB.',
    documents: [
      { name: 'DUME PLATRERIE.pdf', font: 'times', size: 9, pages: dumePlatform({ company: N.platrerie, ...creche, lot: 'Lot 3' }) },
      { name: 'AE lot 3.pdf', font: 'times', size: 9, pages: attri1({ company: N.platrerie, ...creche, lot: '3', style: 'square', amountHT: platrerieDpgf.total, account: NACCOUNTS.platrerie, signer: 'VIDAL Estelle, gérante' }) },
      { name: 'DPGF lot 3.pdf', font: 'times', size: 9, ...platrerieDpgf },
      { name: 'Memoire technique PLATRERIE.pdf', font: 'times', pages: memoire({ company: N.platrerie, object: creche.object }) },
      { name: 'Decennale Groupama.pdf', font: 'times', pages: decennale2({ company: N.platrerie, insurer: 'groupama', from: '01/01/2026', to: '31/12/2026', activities: 'plâtrerie, cloisons sèches, faux plafonds, isolation thermique intérieure', policy: 'BT 8820 1176' }) },
      { name: 'RIB Caisse Epargne.pdf', font: 'times', ...rib2({ company: N.platrerie, bank: 'ce', account: NACCOUNTS.platrerie }) },
    ],
    expected: [],
  },
];
