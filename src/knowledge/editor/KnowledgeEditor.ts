import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { problem } from '../problems';
import { type Collection, COLLECTIONS, collectionOf } from './collections';
import { canonicalJson, jsonCopy, versionOf } from './canonical';
import { fieldDiff } from './diff';
import { EditorError } from './EditorError';
import { HistoryLog } from './HistoryLog';
import { landsInside } from './insideFolder';
import { cleanTempFiles, removeFile, textIfPresent, type WriteHooks, writeFileAtomic } from './jsonFile';
import { type FileChange, fileChangeFor, filesOf, findRecord, type RecordOperation, recordsOf, type StoredRecord } from './records';
import { recordSchemaOf } from './recordSchema';
import { matchesQuery, matchRank } from './search';
import { problemsWith } from './staging';
import { summaryOf, type SummaryVerb } from './summary';
import type { AfterWrite, Change, ChangeAction, CollectionSummary, HistoryQuery, RecordSummary, RecordView, ValidateFolder, WriteResult } from './types';
import { WriteLock } from './WriteLock';

export interface KnowledgeEditorOptions {
  knowledgeDir: string;
  /** The history goes to DATA_DIR/knowledge-history/changes.jsonl. */
  dataDir: string;
  /** Validates a whole folder (app.ts: tryLoadKnowledge with today's date). */
  validate: ValidateFolder;
  /** Awaited after each write, before the answer (app.ts: the live reload). A failure is reported, the write stands. */
  afterWrite?: AfterWrite;
  /** A failure of afterWrite (logged by app.ts). */
  onAfterWriteError?: (error: unknown, change: Change) => void;
  now?: () => Date;
  /** Tests only: a fault between the temporary file and the rename. */
  hooks?: WriteHooks;
}

/** What `create`, `update` and `retire` may be told besides the record. */
export interface WriteOptions {
  /** The action the history records (`proposal.approve`, `gap.answer`…); by default create, update or retire. */
  action?: ChangeAction;
  /** A new rule: which rules file it goes to (one of the collection's files). */
  file?: string;
  /** The id of a new record of a map collection (messages), whose record is only its text. */
  id?: string;
}

/**
 * Saves waiting their turn (or running) beyond which a new one is refused as busy: each copies and
 * validates the whole folder on the main thread, so a looping script would otherwise queue minutes
 * of work (and hold every body in memory) while the chat waits between them.
 */
export const MAX_WAITING_WRITES = 8;

/** What a FAQ topic id is made of, as its schema says it. */
const TOPIC_ID_RULE = 'FAQ_ suivi de majuscules sans accents, de chiffres et de soulignés, par exemple FAQ_KBIS_AGE';

/** A record id as it may appear anywhere: no path separator, no dot segment, no control character. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function plainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The knowledge editor of the CCI (docs/admin-api.md): lists, reads and changes the records of
 * KNOWLEDGE_DIR. Each write is validated on a copy of the whole folder first, then written
 * atomically (one file), then recorded in the history, then handed to `afterWrite` — one write at
 * a time in this process. No HTTP here: the routes (src/server/admin) and other services call it.
 */
export class KnowledgeEditor {
  readonly history: HistoryLog;
  private readonly lock = new WriteLock();
  private readonly now: () => Date;

  constructor(private readonly options: KnowledgeEditorOptions) {
    this.history = new HistoryLog(options.dataDir);
    this.now = options.now ?? (() => new Date());
    // A save a crash interrupted left at most a temporary file: never read, removed here.
    cleanTempFiles(options.knowledgeDir);
  }

  collections(): CollectionSummary[] {
    return COLLECTIONS.map((collection) => ({ id: collection.id, label: collection.label, count: this.stored(collection).length, recordSchema: recordSchemaOf(collection) }));
  }

  /** The records of a collection, filtered by `query` (id and texts, accents and case folded), id and title matches first. */
  list(collectionId: string, query = ''): RecordSummary[] {
    const collection = this.collection(collectionId);
    const found = this.stored(collection).filter((stored) => matchesQuery(stored.id, stored.record, query));
    // A stable sort: within a rank, the files' order stays.
    const ranked = query.trim() ? found.map((stored) => ({ stored, rank: matchRank(stored.id, collection.title(stored.record), query) })).sort((a, b) => a.rank - b.rank).map(({ stored }) => stored) : found;
    return ranked
      .map((stored) => ({ id: stored.id, title: collection.title(stored.record), version: versionOf(stored.record), file: stored.file, ...((stored.record as { retired?: unknown } | null)?.retired === true ? { retired: true as const } : {}) }));
  }

  get(collectionId: string, id: string): RecordView {
    const collection = this.collection(collectionId);
    const stored = this.existing(collection, id);
    return { id: stored.id, record: stored.record, version: versionOf(stored.record), file: stored.file };
  }

  create(collectionId: string, record: unknown, who: string, options: WriteOptions = {}): Promise<WriteResult> {
    const collection = this.collection(collectionId);
    return this.exclusive(async () => {
      const { id, value } = this.incoming(collection, record, options.id);
      const current = this.find(collection, id);
      if (current) throw new EditorError('conflict', `« ${id} » existe déjà dans ${collection.label} : choisissez un autre identifiant, ou modifiez l’existant.`, { current: { record: current.record, version: versionOf(current.record) } });
      const target = this.targetFile(collection, id, options.file);
      return this.write(collection, { type: 'put', id, record: value }, undefined, target, who, options.action ?? 'create', 'create');
    });
  }

  update(collectionId: string, id: string, record: unknown, version: unknown, who: string, options: Pick<WriteOptions, 'action'> = {}): Promise<WriteResult> {
    const collection = this.collection(collectionId);
    return this.exclusive(async () => {
      const current = this.fresh(collection, id, version);
      const { value } = this.incoming(collection, record, id, id);
      return this.write(collection, { type: 'put', id, record: value }, current, current.file, who, options.action ?? 'update', 'update');
    });
  }

  /** A rule gets `"retired": true` (its title stays for the statistics); any other record is removed. */
  retire(collectionId: string, id: string, version: unknown, who: string, options: Pick<WriteOptions, 'action'> = {}): Promise<WriteResult> {
    const collection = this.collection(collectionId);
    return this.exclusive(async () => {
      if (collection.storage.kind === 'single') throw new EditorError('bad-request', `${collection.label} ne se retirent pas : modifiez leurs valeurs.`);
      const current = this.fresh(collection, id, version);
      if (collection.retiredFlag && (current.record as { retired?: unknown }).retired === true) throw new EditorError('bad-request', `« ${id} » est déjà retirée.`);
      const operation: RecordOperation = collection.retiredFlag ? { type: 'put', id, record: { ...(current.record as object), retired: true } } : { type: 'remove', id };
      return this.write(collection, operation, current, current.file, who, options.action ?? 'retire', 'retire');
    });
  }

  /** The record becomes as it was after that change (a new change, action `restore`). */
  restore(changeId: string, who: string): Promise<WriteResult> {
    return this.backTo(changeId, who, 'after');
  }

  /** The record becomes as it was before that change (a new change, action `restore`). */
  undo(changeId: string, who: string): Promise<WriteResult> {
    return this.backTo(changeId, who, 'before');
  }

  /** Newest first (the audit log). */
  changes(query: HistoryQuery = {}): Change[] {
    return this.history.list(query);
  }

  /**
   * Records a change made elsewhere (an account added, a proposal rejected) in the same history,
   * under the same lock. The caller never passes a password.
   */
  record(change: Omit<Change, 'id' | 'at'>): Promise<Change> {
    return this.lock.run(async () => {
      const full: Change = { id: randomUUID(), at: this.now().toISOString(), ...change };
      this.history.append(full);
      return full;
    });
  }

  /** A write under the lock, unless too many already wait: then refused at once, nothing queued. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.lock.size >= MAX_WAITING_WRITES) {
      return Promise.reject(new EditorError('busy', 'D’autres enregistrements sont déjà en attente : rien n’a été modifié ; patientez quelques secondes, puis réessayez.'));
    }
    return this.lock.run(task);
  }

  private collection(id: string): Collection {
    const collection = collectionOf(id);
    if (!collection) throw new EditorError('not-found', `Collection inconnue « ${id.slice(0, 60)} » : ${COLLECTIONS.map((c) => c.id).join(', ')}.`);
    return collection;
  }

  private stored(collection: Collection): StoredRecord[] {
    return recordsOf(collection, this.options.knowledgeDir);
  }

  private find(collection: Collection, id: string): StoredRecord | undefined {
    return findRecord(collection, this.options.knowledgeDir, id);
  }

  private existing(collection: Collection, id: string): StoredRecord {
    const stored = this.find(collection, id);
    if (!stored) throw new EditorError('not-found', `« ${id.slice(0, 80)} » n’existe pas dans ${collection.label}.`);
    return stored;
  }

  /** The record as it is now, if it is still the version the form read; a conflict otherwise. */
  private fresh(collection: Collection, id: string, version: unknown): StoredRecord {
    const current = this.existing(collection, id);
    if (typeof version !== 'string' || !version) throw new EditorError('bad-request', 'La version du texte lu manque (« version ») : rechargez la fiche, puis enregistrez.');
    const now = versionOf(current.record);
    if (version !== now) {
      throw new EditorError('conflict', 'Cette fiche a été modifiée entre-temps par quelqu’un d’autre : rechargez-la pour voir sa version actuelle, puis refaites votre modification.', { current: { record: current.record, version: now } });
    }
    return current;
  }

  /** A record as sent, checked for what the schema cannot say (its shape, its id), "$schema" left out. */
  private incoming(collection: Collection, record: unknown, givenId: string | undefined, expectedId?: string): { id: string; value: unknown } {
    const storage = collection.storage;
    if (storage.kind === 'map') {
      if (record === undefined || record === null) throw new EditorError('bad-request', 'Le texte manque (« record ») : un texte entre guillemets, ou une liste de textes.');
      if (typeof givenId !== 'string' || !SAFE_ID.test(givenId)) throw new EditorError('bad-request', 'Identifiant du texte manquant ou invalide (« id ») : des mots sans accents séparés par des points, par exemple welcome.title.');
      return { id: givenId, value: jsonCopy(record) };
    }
    if (!plainObject(record)) throw new EditorError('bad-request', 'La fiche (« record ») doit être un objet JSON { … }.');
    const value = Object.fromEntries(Object.entries(jsonCopy(record)).filter(([key]) => key !== '$schema'));
    if (storage.kind === 'single') return { id: storage.id, value };
    const key = storage.key;
    if (expectedId !== undefined && value[key] === undefined) value[key] = expectedId;
    const id = value[key];
    if (typeof id !== 'string' || !SAFE_ID.test(id)) {
      // « faq paiement » typed in the dashboard's form: say a topic id's own rule, the one under its field.
      if (storage.kind === 'perFile' && typeof id === 'string' && id.trim()) throw new EditorError('bad-request', `Identifiant de sujet « ${id.slice(0, 80)} » invalide : ${TOPIC_ID_RULE}.`);
      throw new EditorError('bad-request', `Identifiant « ${key} » manquant ou invalide : lettres sans accents, chiffres et . _ : - (128 au plus).`);
    }
    if (expectedId !== undefined && id !== expectedId) throw new EditorError('bad-request', `L’identifiant ne change pas (« ${expectedId} ») : pour un autre identifiant, créez une nouvelle fiche et retirez celle-ci.`);
    if (storage.kind === 'perFile' && !storage.idPattern.test(id)) {
      throw new EditorError('invalid', 'La fiche n’est pas valide : rien n’a été modifié.', { problems: [problem(`${storage.folder}/`, `/${key}`, `« ${id} » n’a pas la forme d’un identifiant de sujet`, `écrivez ${TOPIC_ID_RULE}`)] });
    }
    return { id, value };
  }

  /** Where a new record goes. */
  private targetFile(collection: Collection, id: string, requested: string | undefined): string {
    const storage = collection.storage;
    if (storage.kind === 'perFile') {
      if (!storage.idPattern.test(id)) throw new EditorError('bad-request', `« ${id.slice(0, 80)} » n’est pas un identifiant de sujet (FAQ_…).`);
      return `${storage.folder}/${id}.json`;
    }
    if (storage.kind !== 'array') return storage.file;
    const files = filesOf(collection, this.options.knowledgeDir);
    if (requested !== undefined) {
      if (!files.includes(requested)) throw new EditorError('bad-request', `Fichier « ${String(requested).slice(0, 80)} » inconnu pour ${collection.label} : ${files.join(', ')}.`);
      return requested;
    }
    if (files.includes(storage.defaultFile)) return storage.defaultFile;
    const last = files.at(-1);
    if (!last) throw new EditorError('bad-request', `Aucun fichier de ${collection.label} dans le dossier des connaissances.`);
    return last;
  }

  /** Validate on a copy, write one file atomically, record, reload: the steps of every write. */
  private async write(collection: Collection, operation: RecordOperation, current: StoredRecord | undefined, target: string, who: string, action: ChangeAction, verb: SummaryVerb, restores?: Change['restores']): Promise<WriteResult> {
    // « Enregistrer » without an edit, or a restore to the state already there: a history line saying « modifié » with no change would only hide the real ones.
    if (operation.type === 'put' && current && canonicalJson(operation.record) === canonicalJson(current.record)) {
      throw new EditorError('bad-request', 'Rien n’a changé : la fiche est déjà ainsi ; rien n’a été enregistré ni ajouté à l’historique.');
    }
    const dir = this.options.knowledgeDir;
    const fileChange = fileChangeFor(collection, dir, operation, current, target);
    if (!landsInside(dir, path.join(dir, fileChange.file))) {
      throw new EditorError('bad-request', `« ${fileChange.file} » mène hors du dossier des connaissances (lien symbolique) : rien n’a été modifié ; remplacez le lien par un vrai dossier, ou modifiez le fichier à la main.`);
    }
    const problems = problemsWith(dir, fileChange, this.options.validate);
    if (problems.length > 0) throw new EditorError('invalid', `La modification rendrait les connaissances invalides (${problems.length} problème${problems.length > 1 ? 's' : ''}) : rien n’a été modifié.`, { problems });
    this.apply(collection, operation.id, fileChange);
    const before = current?.record;
    const after = operation.type === 'put' ? jsonCopy(operation.record) : undefined;
    const diff = fieldDiff(before, after);
    const change: Change = {
      id: randomUUID(),
      at: this.now().toISOString(),
      who,
      action,
      collection: collection.id,
      recordId: operation.id,
      // A record that goes away is « supprimé », whether retired, undone (its creation) or restored to before it existed.
      summary: summaryOf(collection, operation.id, operation.type === 'remove' ? 'remove' : verb, diff, titleOf(collection, after ?? before)),
      diff,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      file: fileChange.file,
      ...(restores ? { restores } : {}),
    };
    this.history.append(change);
    let reloaded = false;
    try {
      await this.options.afterWrite?.(change);
      reloaded = this.options.afterWrite !== undefined;
    } catch (error) {
      this.options.onAfterWriteError?.(error, change);
    }
    return { id: operation.id, ...(after !== undefined ? { version: versionOf(after) } : {}), change: { ...change, reloaded } };
  }

  /**
   * Writes the change unless the file changed on disk since the change was computed from it (a hand
   * edit landing while the staging copy was validated): that edit is kept, the save is a conflict.
   */
  private apply(collection: Collection, id: string, change: FileChange): void {
    const file = path.join(this.options.knowledgeDir, change.file);
    if (textIfPresent(file) !== change.read) {
      const now = this.find(collection, id);
      throw new EditorError('conflict', `Le fichier ${change.file} a été modifié pendant l’enregistrement (une modification à la main) : rien n’a été écrit ; rechargez la fiche, puis refaites votre modification.`, now ? { current: { record: now.record, version: versionOf(now.record) } } : {});
    }
    if (change.text === null) removeFile(file);
    else writeFileAtomic(file, change.text, this.options.hooks);
  }

  private backTo(changeId: string, who: string, state: 'after' | 'before'): Promise<WriteResult> {
    return this.exclusive(async () => {
      const past = this.history.find(changeId);
      if (!past) throw new EditorError('not-found', 'Ce changement n’existe pas dans l’historique : rechargez l’historique.');
      const collection = collectionOf(past.collection);
      if (!collection) throw new EditorError('bad-request', 'Seules les fiches des connaissances se restaurent : un changement de compte se refait depuis la page des comptes.');
      const target = past[state];
      const current = this.find(collection, past.recordId);
      const verb: SummaryVerb = state === 'after' ? 'restore' : 'undo';
      const restores = { changeId, state };
      if (target === undefined) {
        if (!current) throw new EditorError('bad-request', `« ${past.recordId} » est déjà absent : rien à faire.`);
        return this.write(collection, { type: 'remove', id: past.recordId }, current, current.file, who, 'restore', verb, restores);
      }
      const file = current?.file ?? (past.file && filesOf(collection, this.options.knowledgeDir).includes(past.file) ? past.file : this.targetFile(collection, past.recordId, undefined));
      return this.write(collection, { type: 'put', id: past.recordId, record: target }, current, file, who, 'restore', verb, restores);
    });
  }
}

/** The title a record's list shows, for the history's summary; a record without one is named by its id. */
function titleOf(collection: Collection, record: unknown): string {
  if (record === undefined) return '';
  // A chat message's « title » is its own text: the key names it better than a quote of itself.
  if (collection.storage.kind === 'map') return '';
  return collection.title(record);
}
