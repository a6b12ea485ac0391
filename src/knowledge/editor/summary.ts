import type { Collection } from './collections';
import type { DiffEntry } from './types';

/** The French name of a field of a record, as the admin forms label it. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  remedy: 'remède',
  remedies: 'remèdes',
  message: 'message',
  legal: 'référence légale',
  severity: 'gravité',
  title: 'titre',
  detect: 'détection',
  params: 'paramètres',
  limitation: 'limite',
  automation: 'automatisation',
  rcDependent: 'dépend du règlement',
  retired: 'retrait',
  ref: 'référence',
  short: 'réponse courte',
  details: 'détails',
  links: 'liens',
  related: 'sujets liés',
  phrasings: 'formulations',
  uncertain: 'incertitude',
  reviewedAt: 'date de relecture',
  value: 'valeur',
  label: 'libellé',
  source: 'source',
  since: 'date de début',
  until: 'date de fin',
  expectedPublicationDate: 'date de publication prévue',
  deadlineAt: 'date limite',
  buyer: 'acheteur',
  description: 'description',
  estimatedValue: 'montant estimé',
  cpv: 'codes CPV',
  departments: 'départements',
  keywords: 'mots-clés',
  answer: 'réponse',
  contactIds: 'contacts',
  organisation: 'organisation',
  channel: 'canal',
  howToApproach: 'démarche',
  date: 'date',
  place: 'lieu',
  registration: 'inscription',
  markers: 'marqueurs',
  fileNameHints: 'indices de nom de fichier',
  kbisMaxAgeMonths: 'durée de validité du Kbis',
  urssafMaxAgeMonths: 'durée de validité de l’attestation URSSAF',
  fiscalMaxAgeMonths: 'durée de validité de l’attestation fiscale',
  foreignWorkersMaxAgeMonths: 'durée de validité de la liste des salariés étrangers',
  maxFileSizeMb: 'taille maximale d’un fichier',
  largePliMb: 'taille d’un pli volumineux',
  lateWarningHours: 'délai d’alerte avant la date limite',
  electronicThresholds: 'seuils du dépôt électronique',
  turnoverCapRatio: 'plafond du chiffre d’affaires exigé',
  nameSimilarityThreshold: 'seuil de ressemblance des noms',
};

/** The fields a diff touches, first level, in French, each once. */
function fieldNames(diff: readonly DiffEntry[], wholeIsText: boolean): string[] {
  // The whole record at once (one brought back by an undo) names no field; a chat text's whole is its text.
  const names = diff.map((entry) => entry.path.split('/')[1] ?? '').flatMap((name) => (name ? [FIELD_LABELS[name] ?? name] : wholeIsText ? ['texte'] : []));
  return [...new Set(names)];
}

const PARTICIPLES = {
  create: ['créé', 'créée'],
  update: ['modifié', 'modifiée'],
  retire: ['retiré', 'retirée'],
  remove: ['supprimé', 'supprimée'],
  restore: ['restauré', 'restaurée'],
  undo: ['rétabli', 'rétablie'],
} as const;

export type SummaryVerb = keyof typeof PARTICIPLES;

/** How a record is named to the adviser: its French title in quotes (cut if long), else its id. */
function nameOf(id: string, title: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (!text) return id;
  return `« ${text.length > 60 ? `${text.slice(0, 59)}…` : text} »`;
}

/**
 * « Règle « Extrait Kbis trop ancien » modifiée : remède, message » — what the history shows in one
 * line. `title`: the record's title as its list shows it (empty: the id is said instead).
 */
export function summaryOf(collection: Collection, id: string, verb: SummaryVerb, diff: readonly DiffEntry[], title = ''): string {
  const plural = collection.noun.startsWith('Réglages');
  const participle = PARTICIPLES[verb][collection.feminine ? 1 : 0] + (plural ? 's' : '');
  const head = collection.storage.kind === 'single' ? `${collection.noun} ${participle}` : `${collection.noun} ${nameOf(id, title)} ${participle}`;
  const fields = verb === 'update' || verb === 'restore' || verb === 'undo' ? fieldNames(diff, collection.storage.kind === 'map') : [];
  return fields.length > 0 ? `${head} : ${fields.join(', ')}` : head;
}
