import { ComponentDialog, type DialogContext, type DialogReason, type DialogTurnResult, Dialog } from 'botbuilder-dialogs';

/** What an interlude (another goal run in the middle of this one) ends with once it has said « Reprenons : … ». */
export interface ResumedQuietly {
  ha30Resumed: true;
}

export const RESUMED_QUIETLY: ResumedQuietly = { ha30Resumed: true };

function isResumedQuietly(result: unknown): result is ResumedQuietly {
  return typeof result === 'object' && result !== null && (result as Partial<ResumedQuietly>).ha30Resumed === true;
}

/**
 * A goal that another goal may interrupt (RootDialog's interludes). By default a ComponentDialog
 * resumed from below re-sends its whole question; after an interlude the SME has already read the
 * one line that resumes it, so the question is not sent twice.
 */
export abstract class ResumableDialog extends ComponentDialog {
  override async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if (isResumedQuietly(result)) return Dialog.EndOfTurn;
    return super.resumeDialog(outerDc, reason, result);
  }
}
