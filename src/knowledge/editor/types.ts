import type { KnowledgeProblem } from '../problems';

/** The collections of docs/admin-api.md: one kind of record of KNOWLEDGE_DIR each. */
export type CollectionId = 'rules' | 'checkSettings' | 'faqTopics' | 'faqFigures' | 'upcoming' | 'tenders' | 'contacts' | 'situations' | 'events' | 'documents' | 'messages';

export type ChangeAction =
  | 'create'
  | 'update'
  | 'retire'
  | 'restore'
  | 'account.add'
  | 'account.remove'
  | 'account.password'
  | 'proposal.approve'
  | 'proposal.reject'
  | 'gap.answer';

/** One field that changed, as a person reads it: its JSON Pointer in the record, the value before and after (absent: no value). */
export interface DiffEntry {
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * One entry of the history (DATA_DIR/knowledge-history/changes.jsonl, append-only): who changed
 * what, when, a French summary, the fields that changed and the whole record before and after
 * (`before` absent: it did not exist; `after` absent: it was removed). Never a password.
 */
export interface Change {
  id: string;
  at: string;
  who: string;
  action: ChangeAction;
  /** A collection id, or `accounts` for an account change. */
  collection: CollectionId | 'accounts';
  recordId: string;
  summary: string;
  diff: DiffEntry[];
  before?: unknown;
  after?: unknown;
  /** The knowledge file written (relative to KNOWLEDGE_DIR), for knowledge changes. */
  file?: string;
  /** A restore or an undo: the change whose state (after it, or before it) the record went back to. */
  restores?: { changeId: string; state: 'after' | 'before' };
  /** Only in the answer of a write: the live knowledge reloaded before the answer was sent. */
  reloaded?: boolean;
}

/** A record as the list shows it. */
export interface RecordSummary {
  id: string;
  title: string;
  version: string;
  file: string;
  retired?: true;
}

/** A record as the form reads it: its version is what a save must send back. */
export interface RecordView {
  id: string;
  record: unknown;
  version: string;
  file: string;
}

export interface CollectionSummary {
  id: CollectionId;
  label: string;
  count: number;
  /** The JSON Schema of one record (from knowledge/schemas), for the forms. */
  recordSchema: object;
}

/** What a write answers. */
export interface WriteResult {
  id: string;
  version?: string;
  change: Change;
}

/** The validation of a whole knowledge folder (app.ts binds it to tryLoadKnowledge). */
export type ValidateFolder = (dir: string) => { problems: KnowledgeProblem[] };

/** Called after each successful write, awaited before the answer (app.ts binds it to the live reload). */
export type AfterWrite = (change: Change) => Promise<void> | void;

export interface HistoryQuery {
  collection?: string;
  id?: string;
  limit?: number;
  /** A change id: only the changes older than it (the next page). */
  before?: string;
}
