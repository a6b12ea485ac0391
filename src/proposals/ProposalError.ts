import type { ProposalProblem } from './types';

export type ProposalErrorCode = 'INVALID' | 'NOT_FOUND' | 'NOT_PENDING' | 'FORBIDDEN' | 'TOO_MANY' | 'REFUSED_BY_KNOWLEDGE';

/**
 * A refusal of the proposals domain, in French for the buyer or the adviser who sees it; the routes
 * turn the code into a status (INVALID and REFUSED_BY_KNOWLEDGE → 422, NOT_FOUND → 404, …).
 */
export class ProposalError extends Error {
  constructor(
    readonly code: ProposalErrorCode,
    message: string,
    readonly problems: readonly ProposalProblem[] = [],
  ) {
    super(message);
    this.name = 'ProposalError';
  }
}

export function isProposalError(error: unknown): error is ProposalError {
  return error instanceof ProposalError;
}
