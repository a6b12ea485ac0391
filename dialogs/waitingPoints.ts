import type { PromptOptions } from 'botbuilder-dialogs';
import type { PlainMessageId } from '../src/knowledge/messageIds';

/**
 * A question a dialog is waiting on: how to tell an answer to it (the prompt's own reading, without
 * its side effects) and the one line that resumes it after an interruption.
 */
export interface WaitingPoint {
  /** The id of the prompt (or dialog) that waits, innermost on the stack. */
  id: string;
  accepts(text: string, options: PromptOptions | undefined): boolean;
  resume: PlainMessageId;
  /** Nothing to come back to: a request for another goal replaces the dialog instead of interrupting it. */
  yieldsToGoals?: boolean;
  /**
   * Waits for something no text can be (files): a plain question the FAQ cannot answer gets the honest
   * « je ne sais pas » there, instead of a reminder that would read as a refusal to listen.
   */
  awaitsNoText?: boolean;
}
