import type { Response } from 'restify';
import { isGapAnswerError } from '../../insights/gapAnswers';
import { isEditorError } from '../../knowledge/editor';
import { isProposalError, type ProposalErrorCode } from '../../proposals';
import { isHttpError } from '../http/HttpError';
import { sendError } from '../http/sendError';

const PROPOSAL_STATUS: Record<ProposalErrorCode, number> = { INVALID: 422, REFUSED_BY_KNOWLEDGE: 422, NOT_FOUND: 404, NOT_PENDING: 409, FORBIDDEN: 403, TOO_MANY: 429 };
const EDITOR_STATUS = { 'not-found': 404, 'bad-request': 422, conflict: 409, invalid: 422, busy: 429 } as const;
const GAP_STATUS = { INVALID: 422, CONFLICT: 422, NOT_FOUND: 404, EXISTS: 409 } as const;

/**
 * Answers a refusal of the proposals or gap-answer routes: `{error: {code, message}}` in French like
 * every refusal of this server, plus what a form needs to point at the fields — `problems` (each
 * `{path, message}`, or `{file, path, message}` from the editor), `conflicts`, or the `current` record.
 * Anything else is sendError's (HttpError as it is, else a 500 that says nothing of its cause).
 */
export function sendRefusal(res: Response, error: unknown, shape: 'insights' | 'knowledge'): void {
  res.setHeader('Cache-Control', 'no-store');
  // docs/admin-api.md: /api/knowledge/… answers `{ error: "<phrase>" }`; /api/insights/… keeps the server-wide `{ error: { code, message } }`.
  const head = (code: string, message: string) => (shape === 'knowledge' ? { error: message } : { error: { code, message } });
  if (isProposalError(error)) {
    res.send(PROPOSAL_STATUS[error.code], { ...head(`Proposal${error.code}`, error.message), ...(error.problems.length ? { problems: error.problems } : {}) });
  } else if (isGapAnswerError(error)) {
    res.send(GAP_STATUS[error.code], { ...head(`GapAnswer${error.code}`, error.message), ...(error.conflicts.length ? { conflicts: error.conflicts } : {}) });
  } else if (isEditorError(error)) {
    if (error.kind === 'busy') res.setHeader('Retry-After', '5');
    const problems = (error.details.problems ?? []).map((p) => ({ file: p.file, path: p.path, message: `${p.what} — ${p.fix}` }));
    res.send(EDITOR_STATUS[error.kind], { ...head(`Knowledge${error.kind}`, error.message), ...(problems.length ? { problems } : {}), ...(error.details.current ? { current: error.details.current } : {}) });
  } else if (shape === 'knowledge' && isHttpError(error)) {
    if (error.closeConnection) res.setHeader('Connection', 'close');
    res.send(error.status, { error: error.message });
  } else sendError(res, error);
}

export function isExpected(error: unknown): boolean {
  return isProposalError(error) || isGapAnswerError(error) || isEditorError(error) || isHttpError(error);
}
