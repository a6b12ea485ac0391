// HELD-OUT CORPUS, SECOND BATCH — written after the fixes of 2026-12 without looking at the check's
// code, knowledge or tests, and run once: never tuned on. Dossiers with ONE planted real defect each
// (the rest correct), of other kinds than the first batch where possible. `expected` is what a careful
// buyer would raise, with the severity of bid-rules.md. Judged as of 2026-12-01.
import { attri1 } from './forms.mjs';
import { foreignWorkers, memoire } from './attestations.mjs';
import { spaced } from './build.mjs';
import { aeCommune, dc1Hand, dc2Hand, decennale2, dpgfChapters, dumePlatform, fiscalOnline, kbisPrincipal, priceQtyFirst, rcPro2, rib2, urssafModern } from './forms2.mjs';
import { N, NACCOUNTS, NSUB } from './companies2.mjs';
import { TURNOVER2 } from './correct2.mjs';

const gymnase = { buyer: 'Commune de Vergèze, 30310 Vergèze', object: 'Rénovation du gymnase municipal - lot 4 serrurerie' };
const ecole = { buyer: 'Commune de Saint-Ambroix, 30500 Saint-Ambroix', object: 'Restructuration de l’école maternelle - lot 3 plâtrerie' };
const bibli = { buyer: 'Commune de Saint-Christol-lez-Alès, 30380', object: 'Réaménagement de la médiathèque - lot 1 gros oeuvre' };

const attribution = (nature, deadline = '2026-11-05T12:00:00+01:00') => ({ stage: 'ATTRIBUTION', nature, procedure: 'MAPA', deadline });
/** The winner's usual set of pieces, all valid; a defect dossier replaces one of them. */
const winnerPieces = (c, { urssaf, fiscal, kbis, decennale } = {}) => [
  { name: 'vigilance.pdf', pages: urssaf ?? urssafModern({ company: c, issued: '17/11/2026', situationAt: '31/10/2026' }) },
  { name: 'regularite fiscale.pdf', pages: fiscal ?? fiscalOnline({ company: c, edited: '17/11/2026', situationAt: '31/10/2026' }) },
  { name: 'kbis.pdf', pages: kbis ?? kbisPrincipal({ company: c, upToDate: '16/11/2026' }) },
  ...(decennale ? [{ name: 'decennale.pdf', pages: decennale }] : []),
  { name: 'RC pro.pdf', pages: rcPro2({ company: c, insurer: 'generali', from: '01/01/2026', to: '31/12/2026', policy: 'AC 455 120 009' }) },
  { name: 'salaries etrangers.pdf', pages: foreignWorkers({ company: c, date: '17/11/2026' }) },
];

const SERRURERIE = [['Garde-corps tribune acier', 'ml', 38, 246], ['Portail coulissant motorisé', 'u', 1, 6840], ['Grille de ventilation', 'u', 12, 188]];
const PLATRERIE = [['Cloisons', [['Cloison 98/48 deux plaques', 'm2', 140, 52.4], ['Doublage 120+13', 'm2', 96, 44.1]]], ['Plafonds', [['Plafond acoustique dalles 600x600', 'm2', 230, 39.5]]]];

export const DEFECTS2 = [
  {
    id: 'E01-fiscal-attestation-previous-year', trade: 'plâtrerie', context: attribution('TRAVAUX'),
    defect: 'At attribution, the attestation de régularité fiscale was edited on 12/11/2025 (situation at 31/10/2025): more than a year old, of the previous calendar year (bid-rules R35 window).',
    documents: winnerPieces(N.platrerie, {
      fiscal: fiscalOnline({ company: N.platrerie, edited: '12/11/2025', situationAt: '31/10/2025' }),
      decennale: decennale2({ company: N.platrerie, insurer: 'groupama', from: '01/01/2026', to: '31/12/2026', activities: N.platrerie.activity, policy: 'BT 8820 1176' }),
    }),
    expected: [{ rule: 'FISCAL_ATTESTATION_MISSING_OR_OUTDATED', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E02-decennale-expired-attribution', trade: 'maçonnerie', context: attribution('TRAVAUX', '2026-11-06T12:00:00+01:00'),
    defect: 'Travaux at attribution: the only décennale attestation covers 01/01/2025 to 31/12/2025: expired eleven months before the pieces are produced.',
    documents: winnerPieces(N.boisset, { decennale: decennale2({ company: N.boisset, insurer: 'generali', from: '01/01/2025', to: '31/12/2025', activities: 'maçonnerie et béton armé, gros oeuvre', policy: 'AC 310 229 871' }) }),
    expected: [{ rule: 'INSURANCE_DECENNALE_MISSING_OR_MISMATCH', severity: 'ELIMINATORY' }],
  },
  {
    id: 'E03-dc1-lot-3-ae-lot-4', trade: 'serrurerie-métallerie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-15T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE', 'DPGF'] } },
    defect: 'The DC1 really fills "lot n° 3" while the AE, the DPGF and the mémoire are for lot 4.',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1Hand({ company: N.vigueirat, ...gymnase, lots: ['3'] }) },
      { name: 'DC2.pdf', size: 9, pages: dc2Hand({ company: N.vigueirat, ...gymnase, turnover: TURNOVER2(1320000, 1406000, 1488000), workforce: '13 salariés' }) },
      { name: 'AE lot 4.pdf', size: 9, pages: attri1({ company: N.vigueirat, ...gymnase, lot: '4', amountHT: priceQtyFirst({ lines: SERRURERIE }).total, account: NACCOUNTS.vigueirat, signer: 'AUBANEL Karim, Président' }) },
      { name: 'DPGF lot 4.pdf', size: 9, ...priceQtyFirst({ title: 'DPGF', lot: 'Lot 4 - Serrurerie', lines: SERRURERIE }) },
      { name: 'Memoire lot 4.pdf', pages: memoire({ company: N.vigueirat, object: gymnase.object }) },
    ],
    expected: [{ rule: 'DC1_LOT_SCOPE_INCONSISTENT', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E04-groupement-without-type', trade: 'peinture', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-16T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DC1: "Groupement d’entreprises : X", members and mandataire given, but neither conjoint nor solidaire is marked.',
    documents: [
      { name: 'DC1 groupement.pdf', size: 9, pages: dc1Hand({ company: N.cevenol, buyer: ecole.buyer, object: 'Ravalement et peintures de l’école maternelle', groupType: null, group: { type: null, members: [{ ...N.cevenol, share: 'peintures' }, { ...NSUB.facades, share: 'enduits de façade' }] } }) },
      { name: 'DC2 Cevenol.pdf', size: 9, pages: dc2Hand({ company: N.cevenol, buyer: ecole.buyer, object: 'Ravalement et peintures', turnover: TURNOVER2(612000, 648500, 701200), workforce: '10 salariés' }) },
      { name: 'DC2 Facades.pdf', size: 9, pages: dc2Hand({ company: NSUB.facades, buyer: ecole.buyer, object: 'Ravalement et peintures', turnover: TURNOVER2(402000, 415800, 433100), workforce: '6 salariés' }) },
      { name: 'Memoire.pdf', pages: memoire({ company: N.cevenol, object: 'Ravalement et peintures de l’école maternelle' }) },
    ],
    expected: [{ rule: 'GROUPEMENT_INCOMPLETE', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E05-attestation-pdf-password', trade: 'nettoyage de vitres', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-10T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'The insurance attestation PDF asks for a password to open (user password set): the buyer cannot read it.',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1Hand({ company: N.clairvitre, buyer: ecole.buyer, object: 'Nettoyage des vitres des écoles' }) },
      { name: 'DC2.pdf', size: 9, pages: dc2Hand({ company: N.clairvitre, buyer: ecole.buyer, object: 'Nettoyage des vitres des écoles', turnover: TURNOVER2(286000, 311500, 342000), workforce: '5 salariés' }) },
      { name: 'Memoire technique.pdf', pages: memoire({ company: N.clairvitre, object: 'Nettoyage des vitres des écoles' }) },
      { name: 'Attestation assurance RC.pdf', userPassword: 'Clair2026', pages: rcPro2({ company: N.clairvitre, insurer: 'allianz', from: '01/01/2026', to: '31/12/2026', policy: '56 330 781' }) },
    ],
    expected: [{ rule: 'FILE_PASSWORD_PROTECTED', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E06-ae-total-differs-from-dpgf-total', trade: 'plâtrerie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-17T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE', 'DPGF'] } },
    defect: 'The AE’s single labelled total (Montant total de l’offre HT) is 2 000 € above the DPGF’s TOTAL GÉNÉRAL HT.',
    documents: (() => {
      const dpgf = dpgfChapters({ title: 'DÉCOMPOSITION DU PRIX GLOBAL ET FORFAITAIRE', lot: 'Lot 3 - Plâtrerie', chapters: PLATRERIE });
      return [
        { name: 'DUME.pdf', size: 9, pages: dumePlatform({ company: N.platrerie, ...ecole, lot: 'Lot 3' }) },
        { name: 'Acte d engagement lot 3.pdf', size: 9, pages: aeCommune({ company: N.platrerie, ...ecole, lot: '3', amountHT: dpgf.total + 2000, account: NACCOUNTS.platrerie }) },
        { name: 'DPGF lot 3.pdf', size: 9, ...dpgf },
        { name: 'Memoire.pdf', pages: memoire({ company: N.platrerie, object: ecole.object }) },
      ];
    })(),
    expected: [{ rule: 'PRICE_INCONSISTENCY', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E07-siret-13-digits', trade: 'fournitures de bureau', context: { stage: 'DEPOT', nature: 'FOURNITURES', procedure: 'MAPA', deadline: '2026-12-09T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'The DC1 and DC2 give a SIRET of 13 digits (last digit dropped).',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1Hand({ company: N.bureau, buyer: ecole.buyer, object: 'Fournitures scolaires', siretText: spaced(N.bureau.siret).slice(0, -1) }) },
      { name: 'DC2.pdf', size: 9, pages: dc2Hand({ company: N.bureau, buyer: ecole.buyer, object: 'Fournitures scolaires', siretText: spaced(N.bureau.siret).slice(0, -1), turnover: TURNOVER2(1840000, 1912000, 1987000), workforce: '7 salariés' }) },
      { name: 'Memoire.pdf', pages: memoire({ company: N.bureau, object: 'Fournitures scolaires' }) },
    ],
    expected: [{ rule: 'SIRET_FORMAT_INVALID', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E08-dc2-turnover-left-blank', trade: 'audit/conseil', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', estimatedValue: 60000, requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DC2 rubric F1: the three turnover rows are left as dots (company founded in 2021, figures exist).',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1Hand({ company: N.roussel, ...bibli, object: 'Audit organisationnel des services' }) },
      { name: 'DC2.pdf', size: 9, pages: dc2Hand({ company: N.roussel, ...bibli, object: 'Audit organisationnel des services', turnover: null, workforce: '4 personnes' }) },
      { name: 'Note methodologique.pdf', pages: memoire({ company: N.roussel, object: 'Audit organisationnel des services', title: 'NOTE MÉTHODOLOGIQUE' }) },
    ],
    expected: [{ rule: 'CAPACITY_INFO_MISSING', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E09-kbis-redressement-without-judgment', trade: 'élagage', context: attribution('SERVICES'),
    defect: 'Kbis « Procédures collectives » mentions a redressement judiciaire opened on 14/10/2026; no judgment authorising continuation is given.',
    documents: winnerPieces(N.elagage, { kbis: kbisPrincipal({ company: N.elagage, upToDate: '16/11/2026', collective: 'Jugement du 14/10/2026 prononçant l’ouverture d’une procédure de redressement judiciaire, période d’observation de six mois, mandataire judiciaire désigné' }) }),
    expected: [{ rule: 'INSOLVENCY_PROCEEDING_DETECTED', severity: 'REGULARISABLE' }],
  },
  {
    id: 'E10-modern-urssaf-older-than-six-months', trade: 'transport scolaire', context: attribution('SERVICES', '2026-11-02T12:00:00+01:00'),
    defect: 'Modern attestation de vigilance délivrée le 28/04/2026: more than 6 months old on 01/12/2026.',
    documents: [
      ...winnerPieces(N.vistrenque, { urssaf: urssafModern({ company: N.vistrenque, issued: '28/04/2026', situationAt: '31/03/2026' }) }),
      { name: 'RIB LCL.pdf', ...rib2({ company: N.vistrenque, bank: 'lcl', account: NACCOUNTS.vistrenque }) },
    ],
    expected: [{ rule: 'URSSAF_ATTESTATION_TOO_OLD', severity: 'REGULARISABLE' }],
  },
];
