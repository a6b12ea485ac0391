import path from 'node:path';
import { type KnowledgeFiles, requireFiles } from '../knowledge/loadKnowledge';
import { type KnowledgeProblem, pointer, problem, quote, throwIfAny } from '../knowledge/problems';
import { stringsOf, textProblems } from '../knowledge/textChecks';
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

const CONTACTS = 'contacts.json';
const EVENTS = 'events.json';
const FUNCTIONAL_EMAIL = 'écrivez-la dans channel.email, et seulement une boîte fonctionnelle (contact@, marches@…) : le club ne publie pas de coordonnées personnelles';
const SWITCHBOARD = 'écrivez le standard de l’organisation dans channel.switchboardPhone : le club ne publie pas de numéros personnels';

function ids(file: string, items: readonly { id: string }[], list: string): KnowledgeProblem[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, i);
      return [];
    }
    return [problem(file, pointer(list, i, 'id'), `${quote(item.id)} est en double (déjà /${list}/${first})`, 'donnez à chacun un identifiant différent (les comptes des acheteurs et les marchés y renvoient)')];
  });
}

/**
 * Checks what a JSON Schema cannot: no e-mail address or mobile number written in a free text
 * (only `channel.email`, already restricted to functional mailboxes by the schema), ids unique,
 * situations and events pointing at contacts that exist, no HTML in a text. Every problem at once.
 */
export function directoryProblems(contacts: ContactsFile, events: EventsFile): KnowledgeProblem[] {
  const problems = [...ids(CONTACTS, contacts.contacts, 'contacts'), ...ids(CONTACTS, contacts.situations, 'situations'), ...ids(EVENTS, events.events, 'events')];
  const known = new Set(contacts.contacts.map((contact) => contact.id));
  for (const [at, text] of stringsOf(contacts.contacts, '/contacts')) {
    if (at.endsWith('/channel/email') || at.endsWith('/channel/url')) continue;
    if (EMAIL_IN_TEXT.test(text)) problems.push(problem(CONTACTS, at, 'contient une adresse électronique : seules les boîtes fonctionnelles sont admises, dans channel.email', FUNCTIONAL_EMAIL));
    else if (MOBILE_IN_TEXT.test(text)) problems.push(problem(CONTACTS, at, 'contient un numéro de portable : seuls les standards des organisations sont admis, dans channel.switchboardPhone', SWITCHBOARD));
  }
  contacts.situations.forEach((situation, i) => {
    situation.contactIds.forEach((id, j) => {
      if (!known.has(id)) problems.push(problem(CONTACTS, pointer('situations', i, 'contactIds', j), `${quote(id)} ne désigne aucun contact`, 'écrivez l’« id » d’un contact de /contacts, ou retirez cette ligne'));
    });
  });
  events.events.forEach((event, i) => {
    if (!known.has(event.organiserId)) problems.push(problem(EVENTS, pointer('events', i, 'organiserId'), `${quote(event.organiserId)} ne désigne aucun contact`, 'écrivez l’« id » de l’organisateur tel qu’il est dans contacts.json'));
    for (const [at, text] of stringsOf(event, pointer('events', i))) {
      if (!at.endsWith('/url') && (EMAIL_IN_TEXT.test(text) || MOBILE_IN_TEXT.test(text))) {
        problems.push(problem(EVENTS, at, 'contient une adresse électronique ou un numéro de portable', 'renvoyez vers l’organisateur (registration.url, ou son contact dans contacts.json) : le club ne publie pas de coordonnées personnelles'));
      }
    }
  });
  return [...problems, ...textProblems(CONTACTS, contacts.contacts, '/contacts'), ...textProblems(CONTACTS, contacts.situations, '/situations'), ...textProblems(EVENTS, events.events, '/events')];
}

/** The same checks on a folder read generically (contacts.json and events.json must be there). */
export function directoryKnowledgeProblems(files: KnowledgeFiles): KnowledgeProblem[] {
  const required = requireFiles(files, [CONTACTS, EVENTS]);
  return required.ready ? directoryProblems(files.get(CONTACTS) as ContactsFile, files.get(EVENTS) as EventsFile) : required.problems;
}

/** Start-up: a directory with problems stops here, all of them listed. */
export function checkDirectory(contacts: ContactsFile, events: EventsFile): void {
  throwIfAny(directoryProblems(contacts, events));
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
