// HELD-OUT CORPUS — never tuned on. Dossiers with ONE planted real defect each (the rest is
// correct): `expected` is the finding a careful buyer would raise, with the severity of
// bid-rules.md. Judged as of 2026-12-01.
import { attri1, dc1, dc2, dc4, dume } from './forms.mjs';
import { decennale, fiscal, foreignWorkers, insuranceRc, kbis, memoire, priceRows, rib, urssaf } from './attestations.mjs';
import { iban } from './build.mjs';
import { ACCOUNTS, C, SUBS } from './companies.mjs';

const TURNOVER = (a, b, c) => [['01/01/2023 au 31/12/2023', a, a * 0.6], ['01/01/2024 au 31/12/2024', b, b * 0.6], ['01/01/2025 au 31/12/2025', c, c * 0.6]];
const ecole = { buyer: 'Commune de Vauvert, 30600 Vauvert', object: 'Extension du groupe scolaire Jean Macé - lot 6' };
const voirie = { buyer: 'Commune de Beaucaire, 30300 Beaucaire', object: 'Requalification de la rue Nationale - lot 1 VRD' };

export const DEFECTS = [
  {
    id: 'D01-urssaf-expired-attribution', trade: 'terrassement', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-11-05T12:00:00+01:00' },
    defect: 'URSSAF attestation issued on 20/04/2026: more than 6 months old on 01/12/2026.',
    documents: [
      { name: 'decennale.pdf', pages: decennale({ company: C.pontdugard, from: '01/01/2026', to: '31/12/2026', activities: C.pontdugard.activity, policy: '0471 2290 D' }) },
      { name: 'urssaf.pdf', pages: urssaf({ company: C.pontdugard, issued: '20/04/2026' }) },
      { name: 'fiscal.pdf', pages: fiscal({ company: C.pontdugard, issued: '06/11/2026' }) },
      { name: 'kbis.pdf', pages: kbis({ company: C.pontdugard, upToDate: '4 novembre 2026' }) },
      { name: 'etrangers.pdf', pages: foreignWorkers({ company: C.pontdugard, date: '06/11/2026' }) },
    ],
    expected: [{ rule: 'URSSAF_ATTESTATION_TOO_OLD', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D02-kbis-too-old-rc-window', trade: 'électricité', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-10T12:00:00+01:00', requirements: { kbisMaxAgeMonths: 3, documents: ['KBIS', 'MEMOIRE_TECHNIQUE'] } },
    defect: 'Kbis à jour au 12 juillet 2026, the RC asks for less than 3 months at the deadline (10/12/2026).',
    documents: [
      { name: 'Kbis.pdf', pages: kbis({ company: C.alesElec, upToDate: '12 juillet 2026' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.alesElec, object: ecole.object }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.alesElec, ...ecole, lots: ['6'] }) },
    ],
    expected: [{ rule: 'KBIS_TOO_OLD', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D03-variante-ticked-forbidden', trade: 'menuiserie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'FORMALISEE', deadline: '2026-12-18T12:00:00+01:00', estimatedValue: 300000, requirements: { variantsAllowed: false, documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'ATTRI1 really ticks "à la variante suivante" (aluminium à rupture de pont thermique) while the RC forbids variantes.',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.vidourle, ...ecole }) },
      { name: 'AE variante.pdf', size: 9, pages: attri1({ company: C.vidourle, ...ecole, lot: '6', variante: 'menuiseries aluminium à rupture de pont thermique en lieu et place du bois', amountHT: 51870, account: ACCOUNTS.vidourle, signer: 'BERTRAND Hélène, Présidente' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.vidourle, object: ecole.object, extra: ['7. Nous proposons une variante en aluminium à rupture de pont thermique.'] }) },
    ],
    expected: [{ rule: 'VARIANTE_NOT_ALLOWED_OR_WITHOUT_BASE', severity: 'ELIMINATORY' }],
  },
  {
    id: 'D04-subcontracting-without-dc4', trade: 'plomberie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DUME answers Oui to sub-contracting and the mémoire names the sub-contractor, but no DC4.',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.rouviere, ...ecole, subcontracting: true }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.rouviere, object: ecole.object, extra: ['7. Les travaux d’étanchéité seront sous-traités à la société ÉTANCHÉITÉ GARDOISE de Rodilhan.'] }) },
    ],
    expected: [{ rule: 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D05-dc4-blank-amount', trade: 'plomberie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DC4 whose amount is left as dots ("Montant HT : ........ €").',
    documents: [
      { name: 'DC4.pdf', size: 9, pages: dc4({ company: C.rouviere, sub: SUBS.carrelage, ...ecole, nature: 'faïence des sanitaires', amountHT: null, subAccount: ACCOUNTS.carrelage, months: 2 }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.rouviere, object: ecole.object, extra: ['7. Les faïences seront sous-traitées à CARRELAGES DU RHÔNY (DC4 joint).'] }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.rouviere, ...ecole, lots: ['6'] }) },
    ],
    expected: [{ rule: 'SUBCONTRACTING_DC4_MISSING_OR_INCOMPLETE', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D06-wrong-iban', trade: 'charpente', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-10T12:00:00+01:00' },
    defect: 'RIB whose IBAN has one mistyped digit (mod 97 fails). ADVICE by bid-rules R45.',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.lussan, ...ecole }) },
      { name: 'RIB.pdf', pages: rib({ company: C.lussan, bank: 'bps', account: { ...ACCOUNTS.lussan, ...(({ printed, value }) => ({ printed, value }))(iban('16607', '00095', '12345009871', { broken: true })) } }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.lussan, object: ecole.object }) },
    ],
    expected: [{ rule: 'IBAN_INVALID_CHECKSUM', severity: 'ADVICE' }],
  },
  {
    id: 'D07-ae-unsigned-required', trade: 'nettoyage', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-15T12:00:00+01:00', requirements: { signatureAtSubmission: true, documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'The RC requires the acte d’engagement signed at deposit; the ATTRI1 carries no signature at all.',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.aigoual, ...ecole }) },
      { name: 'ATTRI1.pdf', size: 9, pages: attri1({ company: C.aigoual, ...ecole, amountHT: 48200, account: ACCOUNTS.aigoual, signer: 'COMBES Mathieu, gérant' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.aigoual, object: ecole.object }) },
    ],
    expected: [{ rule: 'AE_NOT_SIGNED', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D08-ae-scanned-signature-required', trade: 'climatisation', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-15T12:00:00+01:00', requirements: { signatureAtSubmission: true, documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'Signature required at deposit; the ATTRI1 has only a pasted scan of a handwritten signature (no electronic signature).',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.camargue, ...ecole }) },
      { name: 'AE signe.pdf', size: 9, signatureImage: true, pages: attri1({ company: C.camargue, ...ecole, lot: '6', amountHT: 77000, account: ACCOUNTS.camargue, signer: 'MOREL Vincent, Président' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.camargue, object: ecole.object }) },
    ],
    expected: [{ rule: 'AE_NOT_SIGNED', severity: 'REGULARISABLE' }, { rule: 'SIGNATURE_SCANNED_NOT_ELECTRONIC', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D09-dqe-xlsx-wrong-amount', trade: 'terrassement', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', requirements: { documents: ['DQE', 'MEMOIRE_TECHNIQUE'] } },
    defect: 'DQE workbook: line 3 amount is not quantity × unit price (mistyped), and the total carries the error.',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.pontdugard, ...ecole }) },
      { name: 'DQE lot 1.xlsx', xlsx: priceRows({ title: 'DÉTAIL QUANTITATIF ESTIMATIF - lot 1 VRD', wrongLine: 2, lines: [['Décapage terre végétale', 'm2', 1800, 2.4], ['Déblais', 'm3', 640, 12.1], ['Grave 0/31,5', 'm3', 520, 39.8], ['Enrobé BBSG', 't', 260, 97.5]] }).rows },
      { name: 'memoire.pdf', pages: memoire({ company: C.pontdugard, object: voirie.object }) },
    ],
    expected: [{ rule: 'PRICE_INCONSISTENCY', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D10-late-submission', trade: 'espaces verts', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-11-27T12:00:00+01:00', submittedAt: '2026-11-27T12:00:41+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'The upload ended 41 seconds after the deadline.',
    documents: [
      { name: 'memoire.pdf', pages: memoire({ company: C.vaunage, object: 'Entretien des espaces verts de la commune de Beaucaire' }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.vaunage, buyer: voirie.buyer, object: 'Entretien des espaces verts' }) },
    ],
    expected: [{ rule: 'OFFER_LATE', severity: 'ELIMINATORY' }],
  },
  {
    id: 'D11-rc-insurance-expired', trade: 'informatique', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', requirements: { documents: ['INSURANCE_RC', 'MEMOIRE_TECHNIQUE'] } },
    defect: 'The RC requires an RC Pro attestation; the one given ended on 31/10/2026.',
    documents: [
      { name: 'DUME.pdf', size: 8, pages: dume({ company: C.infogard, ...ecole }) },
      { name: 'RC pro.pdf', pages: insuranceRc({ company: C.infogard, insurer: 'axa', from: '01/11/2025', to: '31/10/2026', policy: '10577 99120 001' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.infogard, object: 'Maintenance informatique' }) },
    ],
    expected: [{ rule: 'INSURANCE_RC_PRO_MISSING_OR_EXPIRED', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D12-dc1-f1-unticked', trade: 'signalisation', context: { stage: 'DEPOT', nature: 'FOURNITURES', procedure: 'MAPA', deadline: '2026-12-09T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DC1 rubric F1: the exclusion box is printed empty (☐), nothing else attests it.',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.signal, buyer: voirie.buyer, object: 'Fourniture de panneaux', f1: false }) },
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.signal, buyer: voirie.buyer, object: 'Fourniture de panneaux', turnover: TURNOVER(640000, 702000, 698500), workforce: '9' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.signal, object: 'Fourniture de panneaux' }) },
    ],
    expected: [{ rule: 'DECLARATION_HONNEUR_MISSING', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D13-siret-typo', trade: 'menuiserie', context: { stage: 'DEPOT', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DC1 gives a SIRET with two digits swapped (Luhn fails).',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: { ...C.vidourle, siret: C.vidourle.siret.slice(0, 3) + C.vidourle.siret[4] + C.vidourle.siret[3] + C.vidourle.siret.slice(5) }, ...ecole, lots: ['6'] }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.vidourle, object: ecole.object }) },
    ],
    expected: [{ rule: 'SIRET_INVALID_CHECKSUM', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D14-urssaf-of-another-company', trade: 'climatisation', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-11-05T12:00:00+01:00' },
    defect: 'The URSSAF attestation is the sister company’s (other SIREN), not the candidate’s.',
    documents: [
      { name: 'decennale.pdf', pages: decennale({ company: C.camargue, from: '01/01/2026', to: '31/12/2026', activities: C.camargue.activity, policy: '0471 2290 D' }) },
      { name: 'kbis.pdf', pages: kbis({ company: C.camargue, upToDate: '10 novembre 2026' }) },
      { name: 'urssaf.pdf', pages: urssaf({ company: { ...C.alesElec, name: 'FROID CAMARGUE SERVICES' }, issued: '10/11/2026' }) },
      { name: 'fiscal.pdf', pages: fiscal({ company: C.camargue, issued: '10/11/2026' }) },
      { name: 'etrangers.pdf', pages: foreignWorkers({ company: C.camargue, date: '10/11/2026' }) },
    ],
    expected: [{ rule: 'SIRET_MISMATCH_ACROSS_DOCUMENTS', severity: 'REGULARISABLE' }],
  },
  {
    id: 'D15-memoire-missing', trade: 'nettoyage', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', requirements: { documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'The RC requires a mémoire technique; none in the pli.',
    documents: [
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.aigoual, buyer: voirie.buyer, object: 'Nettoyage' }) },
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.aigoual, buyer: voirie.buyer, object: 'Nettoyage', turnover: TURNOVER(1500000, 1610000, 1702000), workforce: '37' }) },
      { name: 'BPU.xlsx', xlsx: [['BORDEREAU DES PRIX UNITAIRES'], ['Désignation', 'Unité', 'Prix unitaire HT'], ['Nettoyage bureaux', 'm2', 2.1], ['Vitrerie', 'm2', 3.3]] },
    ],
    expected: [{ rule: 'MEMOIRE_TECHNIQUE_MISSING', severity: 'ELIMINATORY' }],
  },
  {
    id: 'D16-liquidation-on-kbis', trade: 'charpente', context: { stage: 'ATTRIBUTION', nature: 'TRAVAUX', procedure: 'MAPA', deadline: '2026-11-05T12:00:00+01:00' },
    defect: 'The Kbis mentions a jugement d’ouverture de liquidation judiciaire.',
    documents: [
      { name: 'decennale.pdf', pages: decennale({ company: C.lussan, from: '01/01/2026', to: '31/12/2026', activities: C.lussan.activity, policy: '0471 2290 D' }) },
      { name: 'kbis.pdf', pages: kbis({ company: C.lussan, upToDate: '12 novembre 2026', mentions: 'Jugement du tribunal de commerce de Nîmes du 03/11/2026 prononçant l’ouverture d’une procédure de liquidation judiciaire' }) },
      { name: 'urssaf.pdf', pages: urssaf({ company: C.lussan, issued: '12/11/2026' }) },
      { name: 'fiscal.pdf', pages: fiscal({ company: C.lussan, issued: '12/11/2026' }) },
      { name: 'etrangers.pdf', pages: foreignWorkers({ company: C.lussan, date: '12/11/2026' }) },
    ],
    expected: [{ rule: 'INSOLVENCY_PROCEEDING_DETECTED', severity: 'ELIMINATORY' }],
  },
  {
    id: 'D17-turnover-below-minimum', trade: 'informatique', context: { stage: 'DEPOT', nature: 'SERVICES', procedure: 'MAPA', deadline: '2026-12-14T12:00:00+01:00', estimatedValue: 200000, requirements: { minTurnover: 250000, documents: ['MEMOIRE_TECHNIQUE'] } },
    defect: 'DC2 turnover (about 180 000 €) below the RC’s minimum of 250 000 €.',
    documents: [
      { name: 'DC2.pdf', size: 9, pages: dc2({ company: C.infogard, buyer: voirie.buyer, object: 'Infogérance', turnover: TURNOVER(171000, 176500, 182300), workforce: '3' }) },
      { name: 'DC1.pdf', size: 9, pages: dc1({ company: C.infogard, buyer: voirie.buyer, object: 'Infogérance' }) },
      { name: 'memoire.pdf', pages: memoire({ company: C.infogard, object: 'Infogérance' }) },
    ],
    expected: [{ rule: 'TURNOVER_BELOW_REQUIRED_MINIMUM', severity: 'ELIMINATORY' }],
  },
  {
    id: 'D18-urssaf-missing-attribution', trade: 'restauration', context: { stage: 'ATTRIBUTION', nature: 'FOURNITURES', procedure: 'FORMALISEE', deadline: '2026-11-05T12:00:00+01:00' },
    defect: 'At attribution, no URSSAF attestation among the pieces sent.',
    documents: [
      { name: 'kbis.pdf', pages: kbis({ company: C.ceze, upToDate: '13 novembre 2026' }) },
      { name: 'fiscal.pdf', pages: fiscal({ company: C.ceze, issued: '13/11/2026' }) },
      { name: 'etrangers.pdf', pages: foreignWorkers({ company: C.ceze, date: '13/11/2026' }) },
    ],
    expected: [{ rule: 'URSSAF_ATTESTATION_MISSING', severity: 'ELIMINATORY' }],
  },
];
