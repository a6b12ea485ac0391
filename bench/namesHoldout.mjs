// Held-out sentences for the first-name rule of src/privacy (branch names12). Written before the
// rule and never used to tune it: when one fails, fix the rule on the merits elsewhere and add new
// held-out sentences rather than adjusting these. `leaks`: the named person must be gone (its
// words listed in `name`); `keep`: the sentence must come out word for word.
// Run: npm run --silent build && node bench/namesHoldout.mjs
export const LEAKS = [
  { text: "hier j'ai appelé Nathalie Garcia à la mairie de Beaucaire, pas de réponse sur le DC4", name: ['Nathalie', 'Garcia'] },
  { text: "le technicien Youssef El Amrani m'a dit de refaire le mémoire", name: ['Youssef', 'Amrani'] },
  { text: 'Isabelle FERREIRA (service marchés) dit que la date est repoussée', name: ['Isabelle', 'FERREIRA'] },
  { text: "j'ai vu avec thomas pour le devis, c'est bon ?", name: ['thomas'] },
  { text: 'Grâce à Mohamed Haddad on a gagné le lot 2', name: ['Mohamed', 'Haddad'] },
  { text: "Laurent Rossi du CD30 m'a renvoyé vers le BOAMP", name: ['Laurent', 'Rossi'] },
  { text: 'contacté Fatima ce matin, elle dit que le Kbis suffit', name: ['Fatima'] },
  { text: 'Antonio Pereira et moi on veut répondre en groupement', name: ['Antonio', 'Pereira'] },
  { text: 'demandé à Marie-Hélène pour la visite obligatoire, pas de retour', name: ['Marie-Hélène'] },
  { text: 'Rendez-vous avec Mme Lopez puis avec Julien Moreau lundi', name: ['Lopez', 'Julien', 'Moreau'] },
];

export const KEEP = [
  'Le collège Jean Moulin de Nîmes lance un marché de restauration, comment répondre ?',
  'Les travaux du gymnase Marcel Cerdan à Alès sont en lots séparés ?',
  "Saint-Laurent-des-Arbres a publié un MAPA, c'est où ?",
  'Je livre à Bagnols et à Marguerittes, une seule offre suffit ?',
  'La France impose-t-elle le DUME pour tous les marchés ?',
  "On a vu avec Pôle emploi pour les clauses d'insertion",
  'Le marché du lycée Philippe Lamour est attribué à qui ?',
  'Saint-Jean-du-Gard et Saint-Martin-de-Valgalgues groupent leurs achats ?',
  "J'ai eu Chorus Pro au téléphone, ils disent que la facture est rejetée",
  'La médiathèque Émile Zola fait partie du marché de nettoyage ?',
];

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { cleanForStorage, scrubPersonalData } = await import('../dist/src/privacy/index.js');
  const scrub = (text) => scrubPersonalData(cleanForStorage(text));
  let caught = 0;
  for (const { text, name } of LEAKS) {
    const out = scrub(text);
    const ok = name.every((word) => !out.includes(word));
    if (ok) caught++;
    console.log(`${ok ? 'scrubbed' : 'LEAK    '}  ${out}`);
  }
  let kept = 0;
  for (const text of KEEP) {
    const out = scrub(text);
    const ok = out === text;
    if (ok) kept++;
    console.log(`${ok ? 'kept    ' : 'CHANGED '}  ${out}`);
  }
  console.log(`Held-out names: ${caught}/${LEAKS.length} leaks scrubbed, ${kept}/${KEEP.length} ordinary sentences word for word`);
}
