export { type Collection, COLLECTIONS, collectionOf } from './collections';
export { canonicalJson, versionOf } from './canonical';
export { fieldDiff } from './diff';
export { EditorError, type EditorErrorKind, isEditorError } from './EditorError';
export { HISTORY_FILE, HistoryLog } from './HistoryLog';
export { KnowledgeEditor, type KnowledgeEditorOptions, MAX_WAITING_WRITES, type WriteOptions } from './KnowledgeEditor';
export type { AfterWrite, Change, ChangeAction, CollectionId, CollectionSummary, DiffEntry, HistoryQuery, RecordSummary, RecordView, ValidateFolder, WriteResult } from './types';
