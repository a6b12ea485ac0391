// Generated BOAMP open-data records (FNSimple and eForms forms, the shapes of tenders-data.md §1.5)
// for crash tests and load measurements. Deterministic for a seed; never shipped as data.
const TRADES = [
  ['Travaux de plomberie et de chauffage', '45330000', 'TRAVAUX', 'Remplacement des réseaux d’eau et des appareils sanitaires, création d’une chaufferie.'],
  ['Nettoyage des locaux', '90911200', 'SERVICES', 'Nettoyage quotidien des bureaux, vitrerie trimestrielle, produits écolabellisés.'],
  ['Entretien des espaces verts', '77310000', 'SERVICES', 'Tonte, taille, désherbage alternatif et évacuation des déchets verts.'],
  ['Travaux de voirie', '45233140', 'TRAVAUX', 'Réfection de chaussées, trottoirs et réseaux d’eaux pluviales.'],
  ['Fourniture de matériel informatique', '30200000', 'FOURNITURES', 'Postes de travail, écrans, maintenance sur site.'],
  ['Travaux d’électricité', '45310000', 'TRAVAUX', 'Mise en conformité des installations électriques et éclairage LED.'],
  ['Restauration scolaire', '55523100', 'SERVICES', 'Fabrication et livraison de repas en liaison froide.'],
  ['Travaux de peinture', '45442100', 'TRAVAUX', 'Peinture intérieure des salles et des circulations.'],
];
const TOWNS = [['Nîmes', '30000'], ['Alès', '30100'], ['Bagnols-sur-Cèze', '30200'], ['Montpellier', '34000'], ['Avignon', '84000'], ['Lyon', '69001'], ['Marseille', '13001'], ['Mende', '48000']];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function boampRecord(i, random) {
  const [trade, cpv, nature, text] = TRADES[Math.floor(random() * TRADES.length)];
  const [town, cp] = TOWNS[Math.floor(random() * TOWNS.length)];
  const idweb = `27-${String(10000 + i).padStart(6, '0')}`;
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const deadline = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00`;
  const value = 20000 + Math.floor(random() * 2000) * 1000;
  const title = `${trade} — ${town}, opération n° ${i}`;
  const description = `${text} Opération ${i} pour la commune de ${town}. ${text}`;
  return {
    idweb,
    id: idweb.replace('-', '_'),
    objet: title,
    famille: 'FNS',
    code_departement: [cp.slice(0, 2)],
    dateparution: '2026-11-20',
    datelimitereponse: `${deadline}+00:00`,
    nomacheteur: `Commune de ${town}`,
    titulaire: null,
    nature: 'APPEL_OFFRE',
    etat: 'INITIAL',
    procedure_libelle: 'Procédure adaptée',
    criteres: random() < 0.3 ? ['sociaux'] : [],
    descripteur_libelle: [trade.split(' ').slice(-1)[0]],
    type_marche: [nature],
    annonce_lie: null,
    gestion: JSON.stringify({ REFERENCE: { IDWEB: idweb }, INDEXATION: { DATE_PUBLICATION: '2026-11-20', DATE_LIMITE_REPONSE: deadline, DEP_PUBLICATION: cp.slice(0, 2) } }),
    donnees: JSON.stringify({
      FNSimple: {
        organisme: { nomOfficiel: `Commune de ${town}`, codeIdentificationNational: `2130${String(i).padStart(10, '0')}`, ville: town, cp },
        initial: {
          communication: { urlProfilAch: 'https://www.marches-securises.fr' },
          procedure: { dateReceptionOffres: deadline },
          natureMarche: { intitule: title, codeCPV: { objetPrincipal: { classPrincipale: cpv } }, natureMarche: { [nature.toLowerCase()]: '' }, description, lieuExecution: town, dureeMois: String(1 + Math.floor(random() * 48)), valeurEstimee: { '@devise': 'EUR', valeur: String(value) } },
        },
      },
    }),
    url_avis: `https://www.boamp.fr/pages/avis/?q=idweb:${idweb}`,
  };
}

function generateBoampRecords(count, seed = 1, start = 0) {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => boampRecord(start + i, random));
}

module.exports = { generateBoampRecords };
