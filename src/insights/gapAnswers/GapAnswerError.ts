import type { PhrasingConflict } from './planPhrasings';

export type GapAnswerErrorCode = 'INVALID' | 'NOT_FOUND' | 'EXISTS' | 'CONFLICT';

/** A refusal of the gap-to-answer flow, in French; the route answers INVALID and CONFLICT with 422. */
export class GapAnswerError extends Error {
  constructor(
    readonly code: GapAnswerErrorCode,
    message: string,
    readonly conflicts: readonly PhrasingConflict[] = [],
  ) {
    super(message);
    this.name = 'GapAnswerError';
  }
}

export function isGapAnswerError(error: unknown): error is GapAnswerError {
  return error instanceof GapAnswerError;
}
