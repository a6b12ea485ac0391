import { type DialogTurnResult, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { FaqUnderstanding } from '../src/faq/types';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import type { DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';
import type { FaqResponder } from './faq/FaqResponder';
import { isBareAskRequest, withoutMarkup } from './requestShape';
import { ResumableDialog } from './ResumableDialog';
import type { WaitingPoint } from './waitingPoints';

export interface AskQuestionOptions {
  /** The question already typed (« c koi le dume ») and, when already read, what the FAQ made of it. */
  question?: string;
  understood?: FaqUnderstanding;
}

/** What the goal ends with: the line RootDialog closes with instead of its generic one (none after « which one? »). */
export interface AskQuestionResult {
  ha30Asked: true;
  followUp?: PlainMessageId;
}

export function isAskQuestionResult(value: unknown): value is AskQuestionResult {
  return typeof value === 'object' && value !== null && (value as Partial<AskQuestionResult>).ha30Asked === true;
}

const FLOW = 'askQuestionFlow';
export const QUESTION_PROMPT = 'askQuestionPrompt';

/**
 * Goal « Poser une question »: takes the question (asks for it when the SME only said it had one),
 * then answers it from the FAQ, asks which of two topics is meant, or says honestly that it does not
 * know yet and passes the question on to the club.
 */
export class AskQuestionDialog extends ResumableDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly responder: FaqResponder,
  ) {
    super(GOAL_DIALOG.ASK_QUESTION);
    this.addDialog(new TextPrompt(QUESTION_PROMPT, async (prompt) => isQuestionText(prompt.recognized.value ?? '')));
    this.addDialog(new WaterfallDialog(FLOW, [this.questionStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** Any text is the question (a goal request instead is RootDialog's to route, see `yieldsToGoals`). */
  waitingPoints(): WaitingPoint[] {
    return [{ id: QUESTION_PROMPT, accepts: (text) => isQuestionText(text), resume: 'resume.question', yieldsToGoals: true }];
  }

  private async questionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as AskQuestionOptions;
    if (options.question !== undefined) return step.next(options.question);
    const { messages } = this.services;
    return step.prompt(QUESTION_PROMPT, { prompt: messages.text('askQuestion.prompt'), retryPrompt: messages.text('askQuestion.retry') });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as AskQuestionOptions;
    const question = withoutMarkup(String(step.result ?? ''));
    // « poser une question » typed again at « Quelle est votre question ? »: still no question to answer.
    if (isBareAskRequest(question)) return step.replaceDialog(FLOW, {});
    const understood = options.question === question ? options.understood : undefined;
    const decision = await this.responder.reply(step.context, question, understood);
    // After « which one? » the SME has buttons to press: no other question on top of them.
    const result: AskQuestionResult = decision === 'choose' ? { ha30Asked: true } : { ha30Asked: true, followUp: decision === 'answer' ? 'askQuestion.another' : 'next.prompt' };
    return step.endDialog(result);
  }
}

function isQuestionText(text: string): boolean {
  return text.trim().length > 0;
}
