import { normalizeText } from '../src/intents/normalizeText';
import type { GoalId } from '../src/knowledge/types';

/**
 * The shape of what the SME typed, beside its meaning: a question, a bare « j'ai une question », or
 * a request that names what a goal works on. These settle the cases where the FAQ and the goal
 * intents both have a reading (« je peux contester l'attribution ? » is a question, « contacter un
 * acheteur » a request).
 */

/**
 * The words of a text without markup: a pasted <script>…</script> or an HTML fragment says nothing
 * the SME meant (« alert(1) » is no request for tender alerts).
 */
export function withoutMarkup(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Interrogatives and question openings as SMEs type them (« c koi », « qd », « pk », « ya t il »). */
const QUESTION_WORDS =
  /(^| )(quoi|koi|comment|cmt|comen|pourquoi|pourkoi|pk|pq|pkoi|quel|quels|quelle|quelles|kel|kels|kelle|combien|cb|quand|qd|kan|ou|qui|ki|est ce|esce|eske|c est quoi|peut on|peux je|puis je|doit on|dois je|faut il|faut t il|a t on|y a t il|ya t il|y a t'il|difference|diff)( |$)/;

/** « est-il accepté », « peut-on », « faut-il » (the hyphen folded away). */
const INVERSION = /(^| )(est|sont|peut|peuvent|doit|doivent|dois|faut|a|ont|va|vont|existe|suis|serai|sera) (t )?(il|ils|elle|elles|on|je)( |$)/;

export function looksLikeQuestion(text: string): boolean {
  const folded = normalizeText(text);
  return text.includes('?') || QUESTION_WORDS.test(folded) || INVERSION.test(folded);
}

/** The words around « question » in a request to ask one: « bonjour, j'aurais une petite question svp ». */
const ASK_FILLER =
  /^(bonjour|bonsoir|salut|hello|oui|j|ai|jai|aurais|je|voudrais|veux|voulais|peux|pourrais|puis|est|ce|que|qu|il|possible|de|vous|te|poser|posez|demander|une|un|des|petite|petites|autre|autres|question|questions|svp|stp|s|plait|merci|encore|avoir|faire)$/;

/** « Poser une question », « j'ai une question »: the SME wants to ask but has not asked yet. */
export function isBareAskRequest(text: string): boolean {
  const words = normalizeText(text).replace(/'/g, ' ').split(' ').filter(Boolean);
  return words.some((word) => word.startsWith('question')) && words.every((word) => ASK_FILLER.test(word));
}

/**
 * What a goal works on, named outright: tenders sought, a dossier to check, someone to reach. Only
 * then does a goal win over a question the FAQ answers, or interrupt another goal (« je vais
 * chercher mes fichiers » names no tender and is no tender search). « quel » counts only before the
 * tenders themselves: « jusqu'à quel montant un marché de travaux… » asks about an amount, not for tenders.
 */
const GOAL_OBJECTS: Record<Exclude<GoalId, 'ASK_QUESTION'>, readonly RegExp[]> = {
  FIND_TENDERS: [
    /(^| )(marches?|appels? d ?offres?|ao|consultations?|clients publics)( |$)/,
    /(^| )(pour (moi|nous|mon entreprise|ma boite|ma societe|mon activite)|trouve[rz]?|trouvez moi|cherche[rz]?|recherche|quel(le)?s? (sont les )?(marches?|appels?|ao|consultations?)|y a|ya|il y a|a venir|en cours|veille|plus de resultats|propose[rz]?|(des|d autres) (marches|ao|appels d ?offres?|consultations))( |$)/,
  ],
  CHECK_DOSSIER: [/(^| )(mon|mes|ma|notre|nos|ce|cette|ces) (dossier|dosier|pieces?|fichiers?|documents?|pli|candidature|offre|zip|pdf)( |$)|(^| )(verifier|verifer|verif|controler|relire|analyser)( |$)/],
  CONTACT_CLUB: [/(^| )(contacter|contact|joindre|parler|conseiller|rendez vous|rdv|coordonnees|numero|telephone|rencontrer|evenements?|agenda|reunion|mediateur|humain)( |$)/],
  // « témoigner », « faire remonter nos difficultés »: a question about difficulties (« je suis bloqué sur Chorus ? ») is the FAQ's.
  TESTIMONY: [/(^| )(temoigner|temoigne|temoignage|temoignages|retour d experience|faire remonter|remonter (au|aux|a la) (club|acheteurs|cci)|(dire|expliquer|raconter) (au|aux) (club|acheteurs))( |$)/],
};

export function namesGoalObject(goal: GoalId, text: string): boolean {
  if (goal === 'ASK_QUESTION') return isBareAskRequest(text);
  const folded = normalizeText(text).replace(/'/g, ' ');
  return GOAL_OBJECTS[goal].every((pattern) => pattern.test(folded));
}
