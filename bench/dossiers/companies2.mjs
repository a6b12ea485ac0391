// HELD-OUT CORPUS, SECOND BATCH — written after the fixes of 2026-12, without looking at the check's
// code, knowledge or tests; never tuned on. New invented candidates of trades not in the first batch.
// SIREN/SIRET carry real Luhn keys, IBANs real RIB keys and check digits (build.mjs).
import { iban, siren, siret } from './build.mjs';

function company(name, eight, nic, more) {
  const nine = siren(eight);
  return { name, siren: nine, siret: siret(nine, nic), signedOn: '23/11/2026', email: 'contact@' + name.toLowerCase().normalize('NFKD').replace(/[^a-z]+/g, '') + '.fr', ...more };
}

export const N = {
  cevenol: company('PEINTURE ET DÉCOR CÉVENOL', '53318246', '0003', { form: 'SARL', address: '14 Grand’Rue, 30270 Saint-Jean-du-Gard', town: 'Saint-Jean-du-Gard', boss: 'SERRE Antoine', bossTitle: 'Gérant', activity: 'peinture intérieure et extérieure, revêtements muraux, ravalement', staff: 10, rcs: 'RCS Nîmes' }),
  vigueirat: company('MÉTALLERIE DU VIGUEIRAT', '62745190', '0001', { form: 'SAS', address: 'ZI Domitia Sud, 30300 Beaucaire', town: 'Beaucaire', boss: 'AUBANEL Karim', bossTitle: 'Président', activity: 'serrurerie, métallerie, garde-corps et portails', staff: 13, rcs: 'RCS Nîmes' }),
  vistrenque: company('CARS DE LA VISTRENQUE', '44927316', '0009', { form: 'SAS', address: '3 route de Nîmes, 30310 Vergèze', town: 'Vergèze', boss: 'TEISSIER Murielle', bossTitle: 'Présidente', activity: 'transport public routier de voyageurs, transport scolaire', staff: 48, rcs: 'RCS Nîmes' }),
  bureau: company('BUREAU PLUS GARD', '81590462', '0002', { form: 'SAS', address: '27 rue de la République, 30900 Nîmes', town: 'Nîmes', boss: 'DELMAS Olivier', bossTitle: 'Président', activity: 'commerce de fournitures et mobilier de bureau', staff: 7, rcs: 'RCS Nîmes' }),
  garrigues: company('TRAITEUR LES GARRIGUES', '75034418', '0005', { form: 'EURL', address: '6 avenue de la Gare, 30320 Saint-Gervasy', town: 'Saint-Gervasy', boss: 'RICARD Sandrine', bossTitle: 'Gérante', activity: 'traiteur, organisation de réceptions, plateaux-repas', staff: 6, rcs: 'RCS Nîmes' }),
  clairvitre: company('CLAIRVITRE 30', '88021735', '0001', { form: 'SASU', address: '40 rue Jean Bouin, 30000 Nîmes', town: 'Nîmes', boss: 'OUALI Samir', bossTitle: 'Président', activity: 'nettoyage de vitres et de façades vitrées, travaux en hauteur', staff: 5, rcs: 'RCS Nîmes' }),
  elagage: company('ÉLAGAGE DES CÉVENNES', '49902653', '0004', { form: 'SARL', address: 'Le Mas Neuf, 30170 Saint-Hippolyte-du-Fort', town: 'Saint-Hippolyte-du-Fort', boss: 'BONNAFOUX Rémi', bossTitle: 'Gérant', activity: 'élagage, abattage, grimpe, broyage de végétaux', staff: 9, rcs: 'RCS Nîmes' }),
  roussel: company('ROUSSEL AUDIT & CONSEIL', '90473126', '0001', { form: 'SAS', address: '8 boulevard Victor Hugo, 30000 Nîmes', town: 'Nîmes', boss: 'ROUSSEL Agnès', bossTitle: 'Présidente', activity: 'conseil en organisation et audit financier des collectivités', staff: 4, rcs: 'RCS Nîmes' }),
  boisset: company('MAÇONNERIE BOISSET', '38265109', '0006', { form: 'SARL', address: '2 rue des Mineurs, 30160 Bessèges', town: 'Bessèges', boss: 'BOISSET Laurent', bossTitle: 'Gérant', activity: 'maçonnerie générale, béton armé, gros oeuvre', staff: 19, rcs: 'RCS Nîmes' }),
  platrerie: company('PLÂTRERIE DU PAYS D’UZÈS', '70158834', '0002', { form: 'SARL', address: '11 route de Bagnols, 30700 Uzès', town: 'Uzès', boss: 'VIDAL Estelle', bossTitle: 'Gérante', activity: 'plâtrerie, cloisons sèches, faux plafonds, isolation intérieure', staff: 8, rcs: 'RCS Nîmes' }),
};

/** Co-contractors and sub-contractors of this batch (their own entities, their own numbers). */
export const NSUB = {
  thermo: company('THERMOLAQUAGE DU RHÔNE', '66230517', '0001', { form: 'SAS', address: '5 rue de l’Industrie, 30133 Les Angles', town: 'Les Angles', boss: 'FAURE Denis', bossTitle: 'Président', activity: 'thermolaquage', rcs: 'RCS Nîmes' }),
  facades: company('FAÇADES ET ENDUITS DU GARD', '57104382', '0003', { form: 'SARL', address: '9 chemin de Russan, 30190 Sainte-Anastasie', town: 'Sainte-Anastasie', boss: 'PONS Élodie', bossTitle: 'Gérante', activity: 'enduits de façade', rcs: 'RCS Nîmes' }),
};

export const NACCOUNTS = {
  cevenol: { ...iban('15135', '00500', '08012345678'), bankName: 'Caisse d’Epargne Languedoc-Roussillon' },
  vigueirat: { ...iban('10278', '07900', '00020457801'), bankName: 'Crédit Mutuel' },
  vistrenque: { ...iban('30002', '02847', '0000070916Y'.replace('Y', '4')), bankName: 'LCL' },
  bureau: { ...iban('30066', '10021', '00010382201'), bankName: 'CIC' },
  garrigues: { ...iban('10278', '07910', '00011260402'), bankName: 'Crédit Mutuel' },
  clairvitre: { ...iban('15135', '00500', '08077712340'), bankName: 'Caisse d’Epargne Languedoc-Roussillon' },
  elagage: { ...iban('30002', '01540', '00000442219'), bankName: 'LCL' },
  roussel: { ...iban('30066', '10871', '00020019801'), bankName: 'CIC' },
  boisset: { ...iban('10278', '07922', '00030518803'), bankName: 'Crédit Mutuel' },
  platrerie: { ...iban('15135', '00500', '08055500117'), bankName: 'Caisse d’Epargne Languedoc-Roussillon' },
  thermo: { ...iban('30066', '10055', '00020998104'), bankName: 'CIC' },
  facades: { ...iban('15135', '00500', '08033322211'), bankName: 'Caisse d’Epargne Languedoc-Roussillon' },
};
