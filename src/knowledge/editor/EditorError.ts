import type { KnowledgeProblem } from '../problems';

export type EditorErrorKind =
  /** No such collection, record or change (404). */
  | 'not-found'
  /** The request is unusable as sent: wrong shape, an id that changes, a collection that cannot do that (400). */
  | 'bad-request'
  /** The record changed since it was read, or already exists (409, with the current record). */
  | 'conflict'
  /** The knowledge would not be valid: nothing changed (422, with every problem). */
  | 'invalid'
  /** Too many saves already waiting their turn: nothing changed, try again in a moment (429). */
  | 'busy';

/** A refusal of the knowledge editor; `message` is French, for the CCI adviser. */
export class EditorError extends Error {
  constructor(
    readonly kind: EditorErrorKind,
    message: string,
    readonly details: { problems?: KnowledgeProblem[]; current?: { record: unknown; version: string } } = {},
  ) {
    super(message);
    this.name = 'EditorError';
  }
}

export function isEditorError(error: unknown): error is EditorError {
  return error instanceof EditorError;
}
