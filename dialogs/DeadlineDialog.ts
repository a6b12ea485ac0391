import { ActionTypes, type CardAction, MessageFactory } from 'botbuilder';
import { ComponentDialog, type DialogTurnResult, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { frDate, isDontKnow, parseDeadline } from '../src/bidcheck';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import { baseFold } from '../src/text/baseFold';
import type { DialogServices } from './DialogServices';
import type { WaitingPoint } from './waitingPoints';

export const DEADLINE_DIALOG = 'DeadlineDialog';

export interface DeadlineOptions {
  /** The SME said the date it gave was wrong: ask again, without repeating the whole explanation. */
  again?: boolean;
}

const FLOW = 'deadlineFlow';
const DATE = 'deadlineDatePrompt';
const CONFIRM = 'deadlinePastConfirm';

const isDateAnswer = (text: string): boolean => text.length > 0 && (isDontKnow(text) || parseDeadline(text) !== undefined);
const isYesNoAnswer = (text: string): boolean => text.length > 0 && parseYesNo(text) !== undefined;

/** "oui" / "non" and their usual forms, or the words of the buttons; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const folded = baseFold(text).replace(/[^a-z' ]+/g, ' ').trim();
  if (/^(oui|ouais|o|yes|ok|d'accord|daccord|bien sur|continuer|on continue)\b/.test(folded)) return true;
  if (/^(non|nan|no|pas du tout|corriger|je corrige)\b/.test(folded)) return false;
  return undefined;
}

/** "12h00": the time of an ISO deadline as the French write it. */
export const frTime = (deadline: string): string => deadline.slice(11, 16).replace(':', 'h');

/**
 * The deadline question. A date already past gets a warning and a confirmation ("Oui" keeps it, "Non"
 * asks the date again): a plausible typo (2025 for 2026) must not silently judge every attestation
 * at the wrong date. Ends with the ISO deadline, or undefined for "je ne sais pas".
 */
export class DeadlineDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(DEADLINE_DIALOG);
    this.addDialog(new TextPrompt(DATE, async (prompt) => isDateAnswer(prompt.recognized.value ?? '')));
    this.addDialog(new TextPrompt(CONFIRM, async (prompt) => isYesNoAnswer(prompt.recognized.value ?? '')));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.pastStep.bind(this), this.confirmStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** The date question and the « already past » confirmation, read as their prompts read them. */
  waitingPoints(): WaitingPoint[] {
    return [
      { id: DATE, accepts: isDateAnswer, resume: 'resume.deadline' },
      { id: CONFIRM, accepts: isYesNoAnswer, resume: 'resume.deadlineConfirm' },
    ];
  }

  private buttons(ids: PlainMessageId[]): CardAction[] {
    return ids.map((id) => {
      const text = this.services.messages.text(id);
      return { type: ActionTypes.ImBack, title: text, value: text };
    });
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages } = this.services;
    const again = (step.options as DeadlineOptions | undefined)?.again === true;
    const dontKnow = this.buttons(['checkDossier.choice.dontKnow']);
    return step.prompt(DATE, {
      prompt: MessageFactory.suggestedActions(dontKnow, messages.text(again ? 'checkDossier.askDeadlineAgain' : 'checkDossier.askDeadline')),
      retryPrompt: MessageFactory.suggestedActions(dontKnow, messages.text('checkDossier.deadlineNotUnderstood')),
    });
  }

  private async pastStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const deadline = parseDeadline(String(step.result));
    if (!deadline || new Date(deadline).getTime() >= Date.now()) return step.endDialog(deadline);
    (step.values as { deadline?: string }).deadline = deadline;
    const { messages } = this.services;
    const yesNo = this.buttons(['checkDossier.choice.yes', 'checkDossier.choice.no']);
    return step.prompt(CONFIRM, {
      prompt: MessageFactory.suggestedActions(yesNo, messages.text('checkDossier.deadlinePast', { date: frDate(deadline.slice(0, 10)), time: frTime(deadline) })),
      retryPrompt: MessageFactory.suggestedActions(yesNo, messages.text('checkDossier.confirmNotUnderstood')),
    });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (parseYesNo(String(step.result))) return step.endDialog((step.values as { deadline?: string }).deadline);
    return step.replaceDialog(FLOW, { again: true } satisfies DeadlineOptions);
  }
}
