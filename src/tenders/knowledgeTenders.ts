import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type KnowledgeProblem, pointer, problem, quote, throwIfAny } from '../knowledge/problems';
import { textProblems } from '../knowledge/textChecks';
import { readValidated } from '../knowledge/validateFile';
import { expectedDay, parseSourceDateTime, toParisIso } from './dates';
import type { Tender, TenderStatus } from './types';

/**
 * Tenders written by hand in knowledge/tenders/ (schema: knowledge/schemas/tender-entries.schema.json):
 * - `examples.json`: the demo's example tenders (`source: 'example'`), shown only while the
 *   catalogue holds nothing real;
 * - `upcoming.json`: purchases a club buyer announces before any notice (`source: 'manual'`).
 * Both are validated when read, every problem naming the file and the JSON path.
 */

/** The fields a hand-written entry gives itself: the record's own ones, optional where the loader fills a default. */
type EntryRequired = 'title' | 'buyer' | 'cpv' | 'departments';
type EntryOptional =
  | 'status' | 'noticeType' | 'description' | 'nature' | 'town' | 'estimatedValue' | 'durationMonths' | 'deadlineAt'
  | 'publishedAt' | 'expectedPublicationDate' | 'procedure' | 'lots' | 'socialClause' | 'environmentalClause'
  | 'reserved' | 'keywords' | 'noticeUrl' | 'buyerProfileUrl' | 'publishedAs' | 'updatedAt';

export type TenderEntry = { slug: string } & Pick<Tender, EntryRequired> & Partial<Pick<Tender, EntryOptional>>;

export interface TenderEntriesFile {
  $schema: string;
  kind: 'examples' | 'upcoming';
  updatedAt: string;
  note?: string;
  tenders: TenderEntry[];
}

export const EXAMPLES_FILE = 'tenders/examples.json';
export const UPCOMING_FILE = 'tenders/upcoming.json';

export interface EntryCheckOptions {
  /** Organisation ids of knowledge/contacts.json: a buyer's organisationId must be one of them. */
  organisations?: ReadonlySet<string>;
  /** Today, for edits: an upcoming purchase must not be announced for a date already past. */
  now?: Date;
  /**
   * `slug|expectedPublicationDate` of the purchases the folder in service already announces: one of
   * them going past is time passing, not the mistake of an edit, and must not block every other save.
   */
  alreadyAnnounced?: ReadonlySet<string>;
}

/** The keys of `alreadyAnnounced` for a folder; an unreadable file announces nothing. */
export function announcedPurchases(knowledgeDir: string): string[] {
  try {
    const file = JSON.parse(readFileSync(path.join(knowledgeDir, UPCOMING_FILE), 'utf8')) as Partial<TenderEntriesFile>;
    return (Array.isArray(file.tenders) ? file.tenders : []).map((entry) => announcementKey(entry));
  } catch {
    return [];
  }
}

function announcementKey(entry: Partial<TenderEntry>): string {
  return `${String(entry.slug)}|${String(entry.expectedPublicationDate)}`;
}

const TEXTS_SKIPPED = new Set(['$schema', 'noticeUrl', 'buyerProfileUrl', 'slug', 'cpv', 'departments', 'publishedAs']);

/** "2027-05" is past once May 2027 is over; "2027-05-12" once that day is (Paris time). */
function isPast(expected: string, now: Date): boolean {
  const today = toParisIso(now.getTime()).slice(0, 10);
  return expected.length === 7 ? expected < today.slice(0, 7) : expected < today;
}

/**
 * An upcoming purchase announced for a real month or day already over, and not published since: what
 * the catalogue refuses (src/proposals words it for a buyer proposing, this file for the CCI editing).
 */
export function isExpectedDatePast(entry: Pick<TenderEntry, 'expectedPublicationDate' | 'publishedAs'>, now: Date): boolean {
  const expected = entry.expectedPublicationDate;
  return Boolean(expected && expectedDay(expected) && !entry.publishedAs && isPast(expected, now));
}

function entryProblems(entry: TenderEntry, file: TenderEntriesFile, name: string, index: number, options: EntryCheckOptions): KnowledgeProblem[] {
  const at = (...keys: (string | number)[]) => pointer('tenders', index, ...keys);
  const problems: KnowledgeProblem[] = [];
  const upcoming = file.kind === 'upcoming';
  const status: TenderStatus = upcoming ? 'UPCOMING' : (entry.status ?? 'PUBLISHED');
  if (upcoming && entry.status && entry.status !== 'UPCOMING') problems.push(problem(name, at('status'), 'doit valoir UPCOMING : ce fichier annonce des achats à venir', 'écrivez "status": "UPCOMING" ou retirez la ligne ; un marché publié vient du BOAMP'));
  if (entry.deadlineAt && !parseSourceDateTime(entry.deadlineAt)) {
    problems.push(problem(name, at('deadlineAt'), `${quote(entry.deadlineAt)} n’est pas une date réelle`, 'écrivez une date qui existe, AAAA-MM-JJTHH:MM (heure de Paris si aucun décalage), par exemple 2027-03-15T12:00'));
  }
  if (entry.expectedPublicationDate) {
    const day = expectedDay(entry.expectedPublicationDate);
    if (!day) problems.push(problem(name, at('expectedPublicationDate'), `${quote(entry.expectedPublicationDate)} n’est pas un mois ni un jour réel`, 'écrivez un mois AAAA-MM (2027-05) ou un jour AAAA-MM-JJ qui existe'));
    else if (upcoming && options.now && isExpectedDatePast(entry, options.now) && !options.alreadyAnnounced?.has(announcementKey(entry))) {
      problems.push(problem(name, at('expectedPublicationDate'), `${quote(entry.expectedPublicationDate)} est déjà passé : un achat à venir ne peut pas être annoncé pour une date révolue`, 'corrigez la date prévue (une faute de frappe sur l’année ?), ou retirez cet achat s’il a été publié ou abandonné'));
    }
  } else if (status === 'UPCOMING') problems.push(problem(name, at('expectedPublicationDate'), 'est requis pour un achat à venir', 'ajoutez "expectedPublicationDate": le mois (AAAA-MM) ou le jour (AAAA-MM-JJ) prévu de publication'));
  if (status === 'PUBLISHED' && !entry.deadlineAt) problems.push(problem(name, at('deadlineAt'), 'est requis pour un marché publié', 'ajoutez "deadlineAt": la date limite de remise des offres, AAAA-MM-JJTHH:MM'));
  const organisationId = entry.buyer.organisationId;
  if (organisationId && options.organisations && !options.organisations.has(organisationId)) {
    problems.push(problem(name, at('buyer', 'organisationId'), `${quote(organisationId)} ne désigne aucune organisation de contacts.json`, 'écrivez l’identifiant (« id ») de l’acheteur tel qu’il est dans contacts.json, ou retirez cette ligne'));
  }
  const value = entry.estimatedValue;
  if (value?.minEur !== undefined && value.maxEur !== undefined && value.minEur > value.maxEur) {
    problems.push(problem(name, at('estimatedValue'), `le minimum (${value.minEur} €) dépasse le maximum (${value.maxEur} €)`, 'inversez les deux montants'));
  }
  return [...problems, ...textProblems(name, entry, at(), TEXTS_SKIPPED)];
}

/** What a schema cannot say of an entries file: its kind, unique slugs, real dates, known buyers, no HTML. */
export function tenderEntryProblems(name: string, data: TenderEntriesFile, kind: TenderEntriesFile['kind'], options: EntryCheckOptions = {}): KnowledgeProblem[] {
  if (data.kind !== kind) return [problem(name, '/kind', `doit valoir « ${kind} » pour ce fichier`, `écrivez "kind": "${kind}"`)];
  const seen = new Map<string, number>();
  return data.tenders.flatMap((entry, index) => {
    const first = seen.get(entry.slug);
    if (first === undefined) seen.set(entry.slug, index);
    const duplicate = first === undefined ? [] : [problem(name, pointer('tenders', index, 'slug'), `${quote(entry.slug)} est en double (déjà /tenders/${first})`, 'donnez à chaque marché un identifiant « slug » différent')];
    return [...duplicate, ...entryProblems(entry, data, name, index, options)];
  });
}

/** An entry already checked, as a catalogue record. */
function toTender(entry: TenderEntry, file: TenderEntriesFile): Tender {
  const source = file.kind === 'examples' ? 'example' : 'manual';
  const status: TenderStatus = file.kind === 'upcoming' ? 'UPCOMING' : (entry.status ?? 'PUBLISHED');
  const tender: Tender = {
    id: `${source}:${entry.slug}`,
    source,
    sourceId: entry.slug,
    status,
    lifecycle: 'ACTIVE',
    noticeType: entry.noticeType ?? (status === 'UPCOMING' ? 'projet_achat' : 'avis_de_marche'),
    title: entry.title,
    buyer: { ...entry.buyer },
    cpv: [...entry.cpv],
    departments: [...entry.departments],
    lots: (entry.lots ?? []).map((lot) => ({ ...lot, cpv: [...lot.cpv] })),
    socialClause: entry.socialClause ?? false,
    environmentalClause: entry.environmentalClause ?? false,
    reserved: entry.reserved ?? false,
    keywords: [...(entry.keywords ?? [])],
    relatedSourceIds: [],
    updatedAt: entry.updatedAt ?? file.updatedAt,
  };
  if (entry.deadlineAt) {
    const parsed = parseSourceDateTime(entry.deadlineAt)!;
    tender.deadlineAt = toParisIso(parsed.instant);
    if (!parsed.hadTime) tender.deadlineUncertain = true;
  }
  if (entry.expectedPublicationDate) tender.expectedPublicationDate = expectedDay(entry.expectedPublicationDate)!;
  const optional = ['description', 'nature', 'town', 'durationMonths', 'publishedAt', 'procedure', 'noticeUrl', 'buyerProfileUrl', 'publishedAs'] as const;
  for (const key of optional) if (entry[key] !== undefined) (tender as unknown as Record<string, unknown>)[key] = entry[key];
  if (entry.estimatedValue) tender.estimatedValue = { ...entry.estimatedValue };
  return tender;
}

/** Reads one entries file (absent → no tenders); every problem of the file stops the start, all listed. */
export function readTenderEntries(knowledgeDir: string, name: string, kind: TenderEntriesFile['kind']): Tender[] {
  const file = path.join(knowledgeDir, name);
  if (!existsSync(file)) return [];
  const data = readValidated<TenderEntriesFile>(file, knowledgeDir);
  throwIfAny(tenderEntryProblems(name, data, kind));
  return data.tenders.map((entry) => toTender(entry, data));
}
export interface KnowledgeTenders {
  examples: Tender[];
  upcoming: Tender[];
}

/** The same from a folder read and checked as a whole (src/loadKnowledge.ts): absent files are no tenders. */
export function knowledgeTendersFrom(get: (name: string) => unknown): KnowledgeTenders {
  const entries = (name: string) => {
    const data = get(name) as TenderEntriesFile | undefined;
    return data ? data.tenders.map((entry) => toTender(entry, data)) : [];
  };
  return { examples: entries(EXAMPLES_FILE), upcoming: entries(UPCOMING_FILE) };
}

export function loadKnowledgeTenders(knowledgeDir: string): KnowledgeTenders {
  return { examples: readTenderEntries(knowledgeDir, EXAMPLES_FILE, 'examples'), upcoming: readTenderEntries(knowledgeDir, UPCOMING_FILE, 'upcoming') };
}
