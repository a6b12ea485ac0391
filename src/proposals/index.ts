/** Buyers' proposals of upcoming purchases (issue 11 item 6): the public entry of the domain. */
export { isProposalError, ProposalError, type ProposalErrorCode } from './ProposalError';
export { MAX_PENDING_PER_ORGANISATION, MAX_REASON_CHARS, type ProposalRepository, ProposalService, type ProposalServiceDeps } from './ProposalService';
export { slugFor } from './slugFor';
export type * from './types';
export { validateProposal } from './validateProposal';
export { proposalSchema } from './proposalSchema';
export { recordRejection, upcomingThroughEditor } from './editorAdapter';
