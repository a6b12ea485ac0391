import { existsSync } from 'node:fs';
import path from 'node:path';
import { invalidKnowledge } from '../knowledge/loadKnowledge';
import { readValidated } from '../knowledge/validateFile';
import { expectedDay, parseSourceDateTime, toParisIso } from './dates';
import type { Tender, TenderStatus } from './types';

/**
 * Tenders written by hand in knowledge/tenders/ (schema: knowledge/schemas/tender-entries.schema.json):
 * - `examples.json`: the demo's example tenders (`source: 'example'`), shown only while the
 *   catalogue holds nothing real;
 * - `upcoming.json`: purchases a club buyer announces before any notice (`source: 'manual'`).
 * Both are validated when read, every error naming the file and the JSON path.
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

function toTender(entry: TenderEntry, file: TenderEntriesFile, name: string, index: number): Tender {
  const where = `/tenders/${index}`;
  const source = file.kind === 'examples' ? 'example' : 'manual';
  const status: TenderStatus = file.kind === 'upcoming' ? 'UPCOMING' : (entry.status ?? 'PUBLISHED');
  if (file.kind === 'upcoming' && entry.status && entry.status !== 'UPCOMING') throw invalidKnowledge(name, `${where}/status`, 'doit valoir UPCOMING : ce fichier annonce des achats à venir.');
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
    const parsed = parseSourceDateTime(entry.deadlineAt);
    if (!parsed) throw invalidKnowledge(name, `${where}/deadlineAt`, `« ${entry.deadlineAt} » n’est pas une date réelle (AAAA-MM-JJTHH:MM, heure de Paris si aucun décalage).`);
    tender.deadlineAt = toParisIso(parsed.instant);
    if (!parsed.hadTime) tender.deadlineUncertain = true;
  }
  if (entry.expectedPublicationDate) {
    const day = expectedDay(entry.expectedPublicationDate);
    if (!day) throw invalidKnowledge(name, `${where}/expectedPublicationDate`, `« ${entry.expectedPublicationDate} » n’est pas un mois (AAAA-MM) ni un jour (AAAA-MM-JJ) réel.`);
    tender.expectedPublicationDate = day;
  } else if (status === 'UPCOMING') throw invalidKnowledge(name, `${where}/expectedPublicationDate`, 'est requis pour un achat à venir (AAAA-MM ou AAAA-MM-JJ).');
  if (status === 'PUBLISHED' && !entry.deadlineAt) throw invalidKnowledge(name, `${where}/deadlineAt`, 'est requis pour un marché publié.');
  const optional = ['description', 'nature', 'town', 'durationMonths', 'publishedAt', 'procedure', 'noticeUrl', 'buyerProfileUrl', 'publishedAs'] as const;
  for (const key of optional) if (entry[key] !== undefined) (tender as unknown as Record<string, unknown>)[key] = entry[key];
  if (entry.estimatedValue) tender.estimatedValue = { ...entry.estimatedValue };
  return tender;
}

/** Reads one entries file (absent → no tenders) and checks what its schema cannot say. */
export function readTenderEntries(knowledgeDir: string, name: string, kind: TenderEntriesFile['kind']): Tender[] {
  const file = path.join(knowledgeDir, name);
  if (!existsSync(file)) return [];
  const data = readValidated<TenderEntriesFile>(file, knowledgeDir);
  if (data.kind !== kind) throw invalidKnowledge(name, '/kind', `doit valoir « ${kind} » pour ce fichier.`);
  const seen = new Set<string>();
  return data.tenders.map((entry, index) => {
    if (seen.has(entry.slug)) throw invalidKnowledge(name, `/tenders/${index}/slug`, `« ${entry.slug} » est en double.`);
    seen.add(entry.slug);
    return toTender(entry, data, name, index);
  });
}

export interface KnowledgeTenders {
  examples: Tender[];
  upcoming: Tender[];
}

export function loadKnowledgeTenders(knowledgeDir: string): KnowledgeTenders {
  return { examples: readTenderEntries(knowledgeDir, EXAMPLES_FILE, 'examples'), upcoming: readTenderEntries(knowledgeDir, UPCOMING_FILE, 'upcoming') };
}
