import type { PhrasingConflict } from './planPhrasings';

/** The French refusals of « Ajouter à un sujet existant » / « Créer un sujet » (dashboard and API clients). */
export const GAP_ANSWER_TEXTS = {
  notAnObject: 'Corps de requête attendu : { "questions": [...], "topicId": "FAQ_…" } ou { "questions": [...], "topic": { "id", "title", "short", … } }.',
  questions: (max: number) => `« questions » doit être une liste de 1 à ${max} textes : les formulations à ajouter au sujet.`,
  oneTarget: 'Choisissez soit un sujet existant (« topicId »), soit un nouveau sujet (« topic »), pas les deux ni aucun.',
  topicShape: 'Le nouveau sujet doit avoir un identifiant (« id », FAQ_…), un titre, une réponse courte, et des détails, références et liens sous forme de listes.',
  topicUnknown: (id: string) => `Sujet inconnu « ${id.slice(0, 80)} » : choisissez un sujet de la liste (rechargez la page s’il vient d’être créé).`,
  topicExists: (id: string) => `Le sujet « ${id.slice(0, 80)} » existe déjà : choisissez « Ajouter à un sujet existant », ou donnez un autre identifiant.`,
  nothingReadable: 'Aucune des questions cochées n’est lisible une fois les données personnelles retirées : cochez-en d’autres.',
  nothingNew: 'Ces questions sont déjà des formulations de ce sujet : rien à ajouter.',
  conflict: (conflicts: readonly PhrasingConflict[]) =>
    `Enregistrement refusé : ${conflicts
      .slice(0, 5)
      .map((c) => (c.topicId ? `« ${c.question} » est déjà une formulation du sujet « ${c.title ?? c.topicId} » (${c.topicId})` : `« ${c.question} » est déclarée hors sujet dans les réglages de la FAQ`))
      .join(' ; ')}${conflicts.length > 5 ? ` (et ${conflicts.length - 5} autres)` : ''}. Une même question ne peut mener qu’à un seul sujet : décochez-la ou retirez-la des autres formulations, ou ajoutez-la à ce sujet-là.`,
} as const;
