import type { CollectionId } from './types';

/** Where the records of a collection live in KNOWLEDGE_DIR. */
export type Storage =
  /** An array inside one file, or inside each file of a folder (`files` lists the candidates). */
  | { kind: 'array'; files: (name: string) => boolean; list: string; key: string; defaultFile: string }
  /** The whole file (less "$schema") is the one record. */
  | { kind: 'single'; file: string; id: string }
  /** One file per record, named after its key. */
  | { kind: 'perFile'; folder: string; key: string; idPattern: RegExp }
  /** A map id → value inside one file. */
  | { kind: 'map'; file: string; map: string; idPattern: RegExp };

export interface Collection {
  id: CollectionId;
  /** French, for the admin pages. */
  label: string;
  /** How one record is named in a summary (« Règle KBIS_TOO_OLD modifiée »), and its gender. */
  noun: string;
  feminine: boolean;
  /** The schema of the file(s), in knowledge/schemas. */
  schema: string;
  storage: Storage;
  /** The title a list shows. */
  title: (record: unknown) => string;
  /** Retired with `"retired": true` (statistics keep its title), not removed. */
  retiredFlag?: boolean;
}

const field = (name: string) => (record: unknown) => {
  const value = (record as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : '';
};

const only = (file: string) => (name: string) => name === file;

/** docs/admin-api.md, « Collections »: change both together. */
export const COLLECTIONS: readonly Collection[] = [
  {
    id: 'rules',
    label: 'Règles de vérification',
    noun: 'Règle',
    feminine: true,
    schema: 'rules.schema.json',
    storage: { kind: 'array', files: (name) => /^rules\/[^/]+\.json$/.test(name) && name !== 'rules/settings.json', list: 'rules', key: 'id', defaultFile: 'rules/g-offer.json' },
    title: field('title'),
    retiredFlag: true,
  },
  {
    id: 'checkSettings',
    label: 'Durées et seuils de la vérification',
    noun: 'Réglages de la vérification',
    feminine: false,
    schema: 'check-settings.schema.json',
    storage: { kind: 'single', file: 'rules/settings.json', id: 'settings' },
    title: () => 'Durées et seuils de la vérification',
  },
  {
    id: 'faqTopics',
    label: 'Questions fréquentes',
    noun: 'Sujet de FAQ',
    feminine: false,
    schema: 'faq-topic.schema.json',
    storage: { kind: 'perFile', folder: 'faq/topics', key: 'id', idPattern: /^FAQ_[A-Z0-9]+(_[A-Z0-9]+)*$/ },
    title: field('title'),
  },
  {
    id: 'faqFigures',
    label: 'Chiffres cités par la FAQ',
    noun: 'Chiffre',
    feminine: false,
    schema: 'faq-figures.schema.json',
    storage: { kind: 'array', files: only('faq/figures.json'), list: 'figures', key: 'id', defaultFile: 'faq/figures.json' },
    title: field('label'),
  },
  {
    id: 'upcoming',
    label: 'Achats à venir',
    noun: 'Achat à venir',
    feminine: false,
    schema: 'tender-entries.schema.json',
    storage: { kind: 'array', files: only('tenders/upcoming.json'), list: 'tenders', key: 'slug', defaultFile: 'tenders/upcoming.json' },
    title: field('title'),
  },
  {
    id: 'tenders',
    label: 'Marchés d’exemple',
    noun: 'Marché d’exemple',
    feminine: false,
    schema: 'tender-entries.schema.json',
    storage: { kind: 'array', files: only('tenders/examples.json'), list: 'tenders', key: 'slug', defaultFile: 'tenders/examples.json' },
    title: field('title'),
  },
  {
    id: 'contacts',
    label: 'Contacts du club',
    noun: 'Contact',
    feminine: false,
    schema: 'contacts.schema.json',
    storage: { kind: 'array', files: only('contacts.json'), list: 'contacts', key: 'id', defaultFile: 'contacts.json' },
    title: (record) => field('name')((record as { organisation?: unknown } | null)?.organisation),
  },
  {
    id: 'situations',
    label: 'Situations → contacts',
    noun: 'Situation',
    feminine: true,
    schema: 'contacts.schema.json',
    storage: { kind: 'array', files: only('contacts.json'), list: 'situations', key: 'id', defaultFile: 'contacts.json' },
    title: field('label'),
  },
  {
    id: 'events',
    label: 'Événements du club',
    noun: 'Événement',
    feminine: false,
    schema: 'events.schema.json',
    storage: { kind: 'array', files: only('events.json'), list: 'events', key: 'id', defaultFile: 'events.json' },
    title: field('title'),
  },
  {
    id: 'documents',
    label: 'Types de pièces (marqueurs)',
    noun: 'Type de pièce',
    feminine: false,
    schema: 'documents.schema.json',
    storage: { kind: 'array', files: only('documents.json'), list: 'types', key: 'code', defaultFile: 'documents.json' },
    title: field('label'),
  },
  {
    id: 'messages',
    label: 'Textes du chat',
    noun: 'Texte',
    feminine: false,
    schema: 'messages.schema.json',
    storage: { kind: 'map', file: 'messages.json', map: 'messages', idPattern: /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/ },
    title: (record) => {
      const text = Array.isArray(record) ? String(record[0] ?? '') : String(record ?? '');
      return text.length > 80 ? `${text.slice(0, 79)}…` : text;
    },
  },
];

/** The collection of an id taken from a URL, or undefined (never a prototype key: a plain lookup in a list). */
export function collectionOf(id: string): Collection | undefined {
  return COLLECTIONS.find((collection) => collection.id === id);
}
