import path from 'node:path';
import { AppError } from '../errors';
import { readValidated } from '../knowledge/validateFile';
import { defaultKnowledgeDir } from '../tenders/match/cpv';
import type { ClubContact, ClubEvent, ContactsFile, EventsFile, Situation } from './types';

export interface Directory {
  contacts: ClubContact[];
  situations: Situation[];
  events: ClubEvent[];
  byId: Map<string, ClubContact>;
}

const EMAIL_IN_TEXT = /[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z0-9.-]+/i;
/** Mobile numbers are personal in practice: a contact channel is a switchboard or a form. */
const MOBILE_IN_TEXT = /(?:^|[^0-9])(?:\+33 ?|0)[67](?:[ .]?[0-9]{2}){4}/;

function invalid(file: string, jsonPath: string, what: string): AppError {
  return new AppError('KNOWLEDGE_INVALID', `Fichier de connaissances invalide : ${file} — ${jsonPath} ${what}`, { file, path: jsonPath });
}

/** Every string of a value with its JSON path (to find personal data hidden in free text). */
function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${at}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, `${at}/${key}`));
  return [];
}

/**
 * Checks what a JSON Schema cannot: no e-mail address or mobile number written in a free text
 * (only `channel.email`, already restricted to functional mailboxes by the schema), ids unique,
 * situations and events pointing at contacts that exist.
 */
export function checkDirectory(contacts: ContactsFile, events: EventsFile): void {
  const ids = new Set<string>();
  contacts.contacts.forEach((contact, i) => {
    if (ids.has(contact.id)) throw invalid('contacts.json', `/contacts/${i}/id`, `« ${contact.id} » est en double.`);
    ids.add(contact.id);
  });
  for (const [at, text] of strings(contacts.contacts, '/contacts')) {
    if (at.endsWith('/channel/email') || at.endsWith('/channel/url')) continue;
    if (EMAIL_IN_TEXT.test(text)) throw invalid('contacts.json', at, 'contient une adresse électronique : seules les boîtes fonctionnelles sont admises, dans channel.email.');
    if (MOBILE_IN_TEXT.test(text)) throw invalid('contacts.json', at, 'contient un numéro de portable : seuls les standards des organisations sont admis, dans channel.switchboardPhone.');
  }
  contacts.situations.forEach((situation, i) => {
    situation.contactIds.forEach((id, j) => {
      if (!ids.has(id)) throw invalid('contacts.json', `/situations/${i}/contactIds/${j}`, `« ${id} » ne désigne aucun contact.`);
    });
  });
  events.events.forEach((event, i) => {
    if (!ids.has(event.organiserId)) throw invalid('events.json', `/events/${i}/organiserId`, `« ${event.organiserId} » ne désigne aucun contact.`);
    for (const [at, text] of strings(event, `/events/${i}`)) {
      if (!at.endsWith('/url') && (EMAIL_IN_TEXT.test(text) || MOBILE_IN_TEXT.test(text))) throw invalid('events.json', at, 'contient une adresse électronique ou un numéro de portable.');
    }
  });
}

export function directoryFrom(contacts: ContactsFile, events: EventsFile): Directory {
  checkDirectory(contacts, events);
  return { contacts: contacts.contacts, situations: contacts.situations, events: events.events, byId: new Map(contacts.contacts.map((c) => [c.id, c])) };
}

export function loadDirectory(knowledgeDir: string = defaultKnowledgeDir()): Directory {
  const contacts = readValidated<ContactsFile>(path.join(knowledgeDir, 'contacts.json'), knowledgeDir);
  const events = readValidated<EventsFile>(path.join(knowledgeDir, 'events.json'), knowledgeDir);
  return directoryFrom(contacts, events);
}

let shared: Directory | undefined;
export function sharedDirectory(): Directory {
  shared ??= loadDirectory();
  return shared;
}
