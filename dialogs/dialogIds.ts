import type { GoalId } from '../src/knowledge/types';

export const ROOT_DIALOG = 'RootDialog';

/** One dialog per user goal; the id is the goal id so that routing stays a lookup. */
export const GOAL_DIALOG: Record<GoalId, string> = {
  CHECK_DOSSIER: 'CheckDossierDialog',
  FIND_TENDERS: 'FindTendersDialog',
  ASK_QUESTION: 'AskQuestionDialog',
  CONTACT_CLUB: 'ContactClubDialog',
  TESTIMONY: 'TestimonyDialog',
};

/** Data carried by the welcome card buttons (Action.Submit) and suggested actions. */
export interface GoalSubmit {
  ha30Goal: GoalId;
}
