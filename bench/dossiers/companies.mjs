// HELD-OUT CORPUS — never tuned on (see forms.mjs). Invented candidates of several trades; their
// SIREN/SIRET carry real Luhn keys and their IBANs real RIB keys and check digits (build.mjs).
import { iban, siren, siret } from './build.mjs';

function company(name, eight, nic, more) {
  const nine = siren(eight);
  return { name, siren: nine, siret: siret(nine, nic), signedOn: '24/11/2026', email: 'contact@' + name.toLowerCase().replace(/[^a-z]+/g, '') + '.fr', ...more };
}

export const C = {
  vidourle: company('VIDOURLE MENUISERIE', '81237405', '0002', { form: 'SAS', address: '12 chemin des Oliviers, 30250 Sommières', town: 'Sommières', boss: 'BERTRAND Hélène', bossTitle: 'Présidente', activity: 'menuiserie bois et aluminium, pose de fermetures', staff: 14, rcs: 'RCS Nîmes' }),
  aigoual: company('AIGOUAL PROPRETÉ', '52219480', '0004', { form: 'SARL', address: '4 avenue Jean Jaurès, 30120 Le Vigan', town: 'Le Vigan', boss: 'COMBES Mathieu', bossTitle: 'Gérant', activity: 'nettoyage de locaux et vitrerie', staff: 37, rcs: 'RCS Nîmes' }),
  signal: company('SIGNAL ROUTE 30', '90114263', '0001', { form: 'SASU', address: 'ZA du Mas de Mingue, 30900 Nîmes', town: 'Nîmes', boss: 'NAVARRO Julien', bossTitle: 'Président', activity: 'fourniture de signalisation routière verticale', staff: 9, rcs: 'RCS Nîmes' }),
  rouviere: company('MARTIN-ROUVIÈRE PLOMBERIE', '43378119', '0003', { form: 'SARL', address: '7 rue du Temple, 30190 Saint-Chaptes', town: 'Saint-Chaptes', boss: 'ROUVIÈRE Claire', bossTitle: 'Gérante', activity: 'plomberie, chauffage, sanitaire', staff: 11, rcs: 'RCS Nîmes' }),
  pontdugard: company('TERRASSEMENTS DU PONT DU GARD', '39950276', '0005', { form: 'EURL', address: 'Route d’Uzès, 30210 Remoulins', town: 'Remoulins', boss: 'PELLET Gilles', bossTitle: 'Gérant', activity: 'terrassement, voirie et réseaux divers', staff: 22, rcs: 'RCS Nîmes' }),
  infogard: company('INFOGARD SERVICES', '84466731', '0001', { form: 'SAS', address: '2 place de la Salamandre, 30000 Nîmes', town: 'Nîmes', boss: 'LEFEBVRE Sonia', bossTitle: 'Présidente', activity: 'maintenance informatique et infogérance', staff: 18, rcs: 'RCS Nîmes' }),
  vaunage: company('LES JARDINIERS DE LA VAUNAGE', '50288913', '0006', { form: 'SCOP SARL', address: '3 chemin de la Fontaine, 30420 Calvisson', town: 'Calvisson', boss: 'ESPAZE Damien', bossTitle: 'Gérant', activity: 'création et entretien d’espaces verts', staff: 26, rcs: 'RCS Nîmes' }),
  ceze: company('RESTO’CÈZE', '79902147', '0002', { form: 'SAS', address: '18 avenue Léon Blum, 30200 Bagnols-sur-Cèze', town: 'Bagnols-sur-Cèze', boss: 'ARNAUD Pascale', bossTitle: 'Présidente', activity: 'fabrication et livraison de repas en liaison froide', staff: 41, rcs: 'RCS Nîmes' }),
  fabre: company('FABRE Lucie', '88145270', '0001', { form: 'Entreprise individuelle', address: '9 rue de la Monnaie, 30700 Uzès', town: 'Uzès', boss: 'FABRE Lucie', bossTitle: 'Architecte DPLG', activity: 'architecture, maîtrise d’oeuvre', staff: 2, rcs: 'RNE' }),
  lussan: company('CHARPENTES DU LUSSAN', '41236678', '0004', { form: 'SARL', address: 'Mas Blanc, 30580 Lussan', town: 'Lussan', boss: 'GIRARD Thomas', bossTitle: 'Gérant', activity: 'charpente, couverture, zinguerie', staff: 8, rcs: 'RCS Nîmes' }),
  camargue: company('FROID CAMARGUE', '35577204', '0007', { form: 'SAS', address: '21 route d’Arles, 30800 Saint-Gilles', town: 'Saint-Gilles', boss: 'MOREL Vincent', bossTitle: 'Président', activity: 'climatisation, ventilation, pompes à chaleur', staff: 16, rcs: 'RCS Nîmes' }),
  alesElec: company('ÉLECTRICITÉ DU GALEIZON', '47710382', '0002', { form: 'SARL', address: '5 rue d’Avéjan, 30100 Alès', town: 'Alès', boss: 'CHABERT Nadia', bossTitle: 'Gérante', activity: 'électricité générale, courants faibles', staff: 12, rcs: 'RCS Nîmes' }),
};

/** Sub-contractors and co-contractors: other legal entities with their own numbers. */
export const SUBS = {
  etancheite: company('ÉTANCHÉITÉ GARDOISE', '60022815', '0003', { form: 'SARL', address: '11 rue des Frères Lumière, 30230 Rodilhan' }),
  carrelage: company('CARRELAGES DU RHÔNY', '73364428', '0001', { form: 'EURL', address: '2 impasse du Rhôny, 30870 Clarensac' }),
  vitrerie: company('VITRERIE SUD CÉVENNES', '69911352', '0008', { form: 'SAS', address: '40 quai de la Gare, 30140 Anduze' }),
  peinture: company('PEINTURES DE LA GARDONNENQUE', '38801924', '0002', { form: 'SARL', address: '6 rue Basse, 30190 Brignon' }),
};

export const ACCOUNTS = {
  vidourle: { ...iban('13506', '10000', '00854321098'), bankName: 'Crédit Agricole du Languedoc' },
  aigoual: { ...iban('16607', '00012', '08821934501'), bankName: 'Banque Populaire du Sud' },
  signal: { ...iban('30003', '01440', '00050217733'), bankName: 'Société Générale' },
  rouviere: { ...iban('20041', '01009', '04410728P03'.replace('P', '7')), bankName: 'La Banque Postale' },
  pontdugard: { ...iban('13506', '10000', '73019882240'), bankName: 'Crédit Agricole du Languedoc' },
  lussan: { ...iban('16607', '00095', '12345009871'), bankName: 'Banque Populaire du Sud' },
  camargue: { ...iban('30003', '02780', '00020881166'), bankName: 'Société Générale' },
  alesElec: { ...iban('13506', '10000', '55501234567'), bankName: 'Crédit Agricole du Languedoc' },
  etancheite: { ...iban('30003', '00950', '00037266104'), bankName: 'Société Générale' },
  carrelage: { ...iban('16607', '00033', '00428117560'), bankName: 'Banque Populaire du Sud' },
};
