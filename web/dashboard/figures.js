// The large figures at the top of the dashboard: the number and the words under it, which agree
// with it (« 1 dossier … vérifié », « 0 avis … », never « 0 aucun … »). Counts are the API's
// { value, text }: value is null for « moins de 3 », which takes the plural like 3.

/** French agreement: 0 and 1 take the singular, like « 0 dossier vérifié » in the digest. */
const singular = (count) => count.value === 0 || count.value === 1;

export function gapsFigure(count) {
  return { value: count.text, label: singular(count) ? 'question restée sans réponse satisfaisante' : 'questions restées sans réponse satisfaisante' };
}

export function checksFigure(count) {
  return { value: count.text, label: singular(count) ? 'dossier de candidature vérifié' : 'dossiers de candidature vérifiés' };
}

/**
 * The share of « Oui » when both counts can be shown; else the number of answers (« Oui » and
 * « Non » merged when a finer-than-month cut had to pool them), never called « jugées utiles ».
 */
export function satisfactionFigure(overall) {
  if (overall.helpfulShare !== null) return { value: `${Math.round(overall.helpfulShare * 100)} %`, label: 'réponses de la FAQ jugées utiles' };
  if (overall.total.value === 0) return { value: '0', label: 'avis sur les réponses de la FAQ' };
  return { value: overall.total.text, label: 'avis sur les réponses de la FAQ (« Oui » et « Non » regroupés : trop peu nombreux pour être détaillés)' };
}
