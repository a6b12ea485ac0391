import { type EditorError, isEditorError, type KnowledgeEditor } from '../knowledge/editor';
import { PROPOSAL_TEXTS } from './proposalTexts';
import { ProposalError } from './ProposalError';
import type { Proposal, ProposalProblem, UpcomingWriter } from './types';

/** The editor's problems (file, JSON path, what, fix) as the proposal's. */
function problemsOf(error: EditorError): ProposalProblem[] {
  return (error.details.problems ?? []).map((problem) => ({ path: `${problem.file} ${problem.path}`, message: `${problem.what} — ${problem.fix}` }));
}

/**
 * The `upcoming` collection of the knowledge editor, as the proposals see it: an approval is a
 * create with `action: proposal.approve` (validated on a staging copy with today's date, atomic,
 * versioned, then live-reloaded); the editor's refusal becomes the proposal's, with its problems.
 */
export function upcomingThroughEditor(editor: KnowledgeEditor): UpcomingWriter {
  return {
    slugs: async () => new Set(editor.list('upcoming').map((record) => record.id)),
    create: async (entry, who) => {
      try {
        return (await editor.create('upcoming', entry, who, { action: 'proposal.approve' })).change;
      } catch (error) {
        // A busy editor is not a refusal of the purchase: it goes through as it is (429, try again).
        if (isEditorError(error) && error.kind !== 'busy') throw new ProposalError('REFUSED_BY_KNOWLEDGE', `${PROPOSAL_TEXTS.refusedByKnowledge} ${error.message}`, problemsOf(error));
        throw error;
      }
    },
  };
}

/** A rejection goes to the same audit log as every change of the knowledge (nothing of knowledge/ changes). */
export function recordRejection(editor: KnowledgeEditor, proposal: Proposal, who: string): Promise<unknown> {
  return editor.record({ who, action: 'proposal.reject', collection: 'upcoming', recordId: proposal.id, summary: PROPOSAL_TEXTS.rejectedSummary(proposal.record.title, proposal.org, proposal.reason ?? ''), diff: [] });
}
