import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020';
import type { KnowledgeProblem } from '../knowledge/problems';
import { createKnowledgeAjv, schemaProblems } from '../knowledge/schemaErrors';
import { appSchemasDir } from '../knowledge/validateFile';
import { cleanForStorage, scrubPersonalData } from '../privacy';
import { parseSourceDateTime, toParisIso } from '../tenders/dates';
import { isExpectedDatePast, type TenderEntriesFile, type TenderEntry, tenderEntryProblems, UPCOMING_FILE } from '../tenders/knowledgeTenders';
import { PROPOSAL_TEXTS } from './proposalTexts';
import type { ProposalProblem, ProposedPurchase } from './types';

export interface ProposalContext {
  /** The organisation the purchase is forced to (the buyer's own), and its name from contacts.json. */
  organisation: { id: string; name: string };
  /** Every organisation id of contacts.json (the same check as for a hand-written entry). */
  organisations: ReadonlySet<string>;
  now: Date;
}

/** Fields a proposer never sets: the id is chosen on approval, the status is UPCOMING, the buyer is their account's. */
const FORCED = new Set(['id', 'slug', 'status', 'buyer']);
/** A placeholder slug, only so that the entry can be checked by the schema of the file it will join. */
const CHECK_SLUG = 'proposition';

let validator: ValidateFunction | undefined;

function validateFile(document: unknown): KnowledgeProblem[] {
  validator ??= createKnowledgeAjv().compile(JSON.parse(readFileSync(path.join(appSchemasDir(), 'tender-entries.schema.json'), 'utf8')) as object);
  return validator(document) ? [] : schemaProblems(validator.errors ?? [], UPCOMING_FILE);
}

/** « /tenders/0/title » as the form knows it: « /title ». */
function located(problem: KnowledgeProblem): ProposalProblem {
  const at = problem.path.replace(/^\/tenders\/0(?=\/|$)/, '') || '/';
  return { path: at, message: `${problem.what} — ${problem.fix}` };
}

function deadlineProblem(entry: TenderEntry, now: Date): ProposalProblem[] {
  const parsed = entry.deadlineAt ? parseSourceDateTime(entry.deadlineAt) : undefined;
  if (!parsed || parsed.instant > now.getTime()) return [];
  return [{ path: '/deadlineAt', message: PROPOSAL_TEXTS.deadlinePast(toParisIso(parsed.instant).slice(0, 10)) }];
}

/** « /departments/1 » → « departments »; « / » → « ». */
function fieldOf(at: string): string {
  return at.split('/')[1] ?? '';
}

/** A publication month already over, said to the buyer proposing (the CCI's advice for the catalogue is not theirs). */
function publicationPastProblem(entry: TenderEntry, now: Date): ProposalProblem[] {
  if (!isExpectedDatePast(entry, now)) return [];
  return [{ path: '/expectedPublicationDate', message: PROPOSAL_TEXTS.publicationPast(entry.expectedPublicationDate!) }];
}

/** A typed free text as it may be kept: no markup left, no personal data (a name, a phone, an e-mail). */
function scrubbed(text: string): string {
  return scrubPersonalData(cleanForStorage(text));
}

/** The texts a person typed, scrubbed; codes, dates and URLs are already constrained by the schema. */
function scrubTexts(entry: TenderEntry): TenderEntry {
  const out: TenderEntry = { ...entry, title: scrubbed(entry.title) };
  for (const key of ['description', 'town', 'procedure'] as const) if (entry[key] !== undefined) out[key] = scrubbed(entry[key]!);
  if (entry.keywords) out.keywords = entry.keywords.map(scrubbed).filter(Boolean);
  if (entry.estimatedValue?.rangeLabel !== undefined) out.estimatedValue = { ...entry.estimatedValue, rangeLabel: scrubbed(entry.estimatedValue.rangeLabel) };
  if (entry.lots) out.lots = entry.lots.map((lot) => ({ ...lot, title: scrubbed(lot.title), ...(lot.description !== undefined ? { description: scrubbed(lot.description) } : {}) }));
  return out;
}

export type ProposalCheck = { ok: true; record: ProposedPurchase } | { ok: false; problems: ProposalProblem[] };

/**
 * A proposal as typed (untrusted JSON) → the purchase to keep, or every problem at once. It is checked
 * exactly as the entry it would become in knowledge/tenders/upcoming.json (schema, real dates, not in
 * the past, no HTML), with the buyer forced to the proposer's organisation; then its texts are scrubbed.
 */
export function validateProposal(input: unknown, context: ProposalContext): ProposalCheck {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: [{ path: '/', message: PROPOSAL_TEXTS.notAnObject }] };
  const given = Object.fromEntries(Object.entries(input).filter(([key]) => !FORCED.has(key)));
  const entry = { ...given, slug: CHECK_SLUG, buyer: { name: context.organisation.name, organisationId: context.organisation.id } } as TenderEntry;
  const document: TenderEntriesFile = { $schema: '../schemas/tender-entries.schema.json', kind: 'upcoming', updatedAt: toParisIso(context.now.getTime()).slice(0, 10), tenders: [entry] };
  const schema = validateFile(document).map(located);
  // The cross-checks run on the fields the schema let through, so that one refusal lists every
  // mistake (a code in words, HTML in a text, a past month), not the schema's first and the rest later.
  const refused = new Set(schema.map((problem) => fieldOf(problem.path)).filter(Boolean));
  const checkable = { ...entry, ...Object.fromEntries([...refused].map((key) => [key, undefined])), slug: CHECK_SLUG, buyer: entry.buyer } as TenderEntry;
  const cross = [
    ...tenderEntryProblems(UPCOMING_FILE, { ...document, tenders: [checkable] }, 'upcoming', { organisations: context.organisations }).map(located),
    ...publicationPastProblem(checkable, context.now),
    ...deadlineProblem(checkable, context.now),
  ].filter((problem) => !refused.has(fieldOf(problem.path)));
  const problems = [...schema, ...cross];
  if (problems.length > 0) return { ok: false, problems };
  const { slug: _slug, ...record } = scrubTexts(entry);
  return { ok: true, record };
}
