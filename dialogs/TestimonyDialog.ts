import { ActionTypes, type CardAction, MessageFactory } from 'botbuilder';
import { type DialogTurnResult, type PromptOptions, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { PlainMessageId } from '../src/knowledge/messageIds';
import { isSkip, readSizeBand, readYesNo, SIZE_BAND_MESSAGES, SIZE_BANDS, type SizeBand, sizeBandOf, tradeOf } from '../src/testimonies';
import type { ConversationMemory, DialogServices } from './DialogServices';
import { GOAL_DIALOG } from './dialogIds';
import { ResumableDialog } from './ResumableDialog';
import type { WaitingPoint } from './waitingPoints';

const FLOW = 'testimonyFlow';
const CONSENT = 'testimonyConsent';
const TEXT = 'testimonyText';
const TRADE = 'testimonyTrade';
const SIZE = 'testimonySize';
const CONFIRM = 'testimonyConfirm';

/**
 * What the dialog carries from one turn to the next (conversation state, so on disk): the text
 * already scrubbed, never as typed, and nothing else about the SME.
 */
interface Draft {
  text: string;
  trimmed: boolean;
  trade?: string;
  sizeBand?: SizeBand;
  /** The profile gave the head count: the size is not asked (it may have no band: 250 or more). */
  sizeKnown?: boolean;
}

/**
 * Goal « Témoigner auprès du club »: the SME tells, in its own words and in one message, what
 * blocked it and what it proposes. First what will be kept and who reads it, then consent; the
 * text, the trade (the profile's when known) and the size band, both optional; the text as it will
 * be kept, scrubbed, to confirm; only then is it stored. « annuler » anywhere keeps nothing.
 */
export class TestimonyDialog extends ResumableDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly memory: ConversationMemory,
  ) {
    super(GOAL_DIALOG.TESTIMONY);
    this.addDialog(new TextPrompt(CONSENT, async (prompt) => this.consent(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(new TextPrompt(TEXT, async (prompt) => services.testimonies.prepareText(prompt.recognized.value ?? '').ok));
    this.addDialog(new TextPrompt(TRADE, async (prompt) => this.tradeAnswer(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(new TextPrompt(SIZE, async (prompt) => this.sizeAnswer(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(new TextPrompt(CONFIRM, async (prompt) => this.confirmation(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(new WaterfallDialog(FLOW, [this.consentStep.bind(this), this.textStep.bind(this), this.tradeStep.bind(this), this.sizeStep.bind(this), this.confirmStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /**
   * The testimony's own text is never interrupted: it is long, may hold questions, and is the answer.
   * The other questions are read as their prompts read them, so that a question asked instead (or a
   * request for another goal) is dealt with first, as in the other goals.
   */
  waitingPoints(): WaitingPoint[] {
    return [
      { id: CONSENT, accepts: (text) => this.consent(text) !== undefined, resume: 'resume.testimonyConsent' },
      { id: TEXT, accepts: (text) => text.trim().length > 0, resume: 'resume.testimonyText' },
      { id: TRADE, accepts: (text) => this.tradeAnswer(text) !== undefined, resume: 'resume.testimonyTrade' },
      { id: SIZE, accepts: (text) => this.sizeAnswer(text) !== undefined, resume: 'resume.testimonySize' },
      { id: CONFIRM, accepts: (text) => this.confirmation(text) !== undefined, resume: 'resume.testimonyConfirm' },
    ];
  }

  private consent(text: string): boolean | undefined {
    const { messages } = this.services;
    return readYesNo(text, { yes: messages.text('testimony.choice.yes'), no: messages.text('testimony.choice.no') });
  }

  private confirmation(text: string): boolean | undefined {
    const { messages } = this.services;
    return readYesNo(text, { yes: messages.text('testimony.choice.save'), no: messages.text('testimony.choice.discard') });
  }

  /**
   * The trade words of an answer, those the CPV table knows (« je suis plombier à Alès » →
   * « plombier »): a firm's name, a person's or a town cannot reach the store this way.
   */
  private knownTrade(text: string): string | undefined {
    const trade = tradeOf(text, (word) => this.services.cpv.suggest(word, 1).length > 0);
    return trade ? this.services.testimonies.prepareTrade(trade) : undefined;
  }

  /** The trade to keep, '' for « passer », undefined when it is no answer (a sentence, a name alone). */
  private tradeAnswer(text: string): string | undefined {
    return isSkip(text, this.services.messages.text('testimony.choice.skip')) ? '' : this.knownTrade(text);
  }

  /** A band, null for « je préfère ne pas le dire », undefined when it is no answer. */
  private sizeAnswer(text: string): SizeBand | null | undefined {
    const band = readSizeBand(text, (id) => this.services.messages.text(SIZE_BAND_MESSAGES[id]));
    if (band) return band;
    return isSkip(text, this.services.messages.text('testimony.choice.dontSay')) ? null : undefined;
  }

  private draft(step: WaterfallStepContext): Draft {
    return (step.values as { draft: Draft }).draft;
  }

  private ask(text: string, retry: PlainMessageId, choices: string[]): PromptOptions {
    const buttons = (): CardAction[] => choices.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
    return { prompt: MessageFactory.suggestedActions(buttons(), text), retryPrompt: MessageFactory.suggestedActions(buttons(), this.services.messages.text(retry)) };
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages, testimonies } = this.services;
    const choices = [messages.text('testimony.choice.yes'), messages.text('testimony.choice.no')];
    return step.prompt(CONSENT, this.ask(messages.text('testimony.consent', { months: testimonies.retentionMonths }), 'testimony.consentRetry', choices));
  }

  private async textStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages, testimonies } = this.services;
    if (!this.consent(String(step.result))) {
      await step.context.sendActivity(messages.text('testimony.declined'));
      return step.endDialog();
    }
    return step.prompt(TEXT, { prompt: messages.text('testimony.askText', { limit: testimonies.maxLength.toLocaleString('fr-FR') }), retryPrompt: messages.text('testimony.textTooShort') });
  }

  private async tradeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages, testimonies } = this.services;
    const prepared = testimonies.prepareText(String(step.result));
    // The prompt accepted it: a refusal here is a bug, said plainly rather than stored wrong.
    if (!prepared.ok) throw new Error('testimony text refused after its prompt accepted it');
    const draft: Draft = { text: prepared.text, trimmed: prepared.trimmed };
    (step.values as { draft: Draft }).draft = draft;
    const profile = await this.memory.profile.get(step.context);
    if (profile?.employees !== undefined) {
      draft.sizeKnown = true;
      const band = sizeBandOf(profile.employees);
      if (band) draft.sizeBand = band;
    }
    const trade = profile?.activity ? this.knownTrade(profile.activity) : undefined;
    if (trade) {
      draft.trade = trade;
      return step.next();
    }
    return step.prompt(TRADE, this.ask(messages.text('testimony.askTrade'), 'testimony.tradeRetry', [messages.text('testimony.choice.skip')]));
  }

  private async sizeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      const trade = this.tradeAnswer(step.result);
      if (trade) draft.trade = trade;
    }
    if (draft.sizeKnown) return step.next();
    const { messages } = this.services;
    const choices = [...SIZE_BANDS.map((band) => messages.text(SIZE_BAND_MESSAGES[band])), messages.text('testimony.choice.dontSay')];
    return step.prompt(SIZE, this.ask(messages.text('testimony.askSize'), 'testimony.sizeRetry', choices));
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') {
      const band = this.sizeAnswer(step.result);
      if (band) draft.sizeBand = band;
    }
    const { messages, testimonies } = this.services;
    const size = draft.sizeBand ? messages.text(SIZE_BAND_MESSAGES[draft.sizeBand]) : undefined;
    const who =
      draft.trade && size
        ? messages.text('testimony.who.both', { trade: draft.trade, size })
        : draft.trade
          ? messages.text('testimony.who.trade', { trade: draft.trade })
          : size
            ? messages.text('testimony.who.size', { size })
            : messages.text('testimony.who.none');
    const confirm = messages.text('testimony.confirm', { text: draft.text, who });
    const text = draft.trimmed ? `${messages.text('testimony.trimmed', { limit: testimonies.maxLength.toLocaleString('fr-FR') })}\n\n${confirm}` : confirm;
    return step.prompt(CONFIRM, this.ask(text, 'testimony.confirmRetry', [messages.text('testimony.choice.save'), messages.text('testimony.choice.discard')]));
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages, testimonies } = this.services;
    if (!this.confirmation(String(step.result))) {
      await step.context.sendActivity(messages.text('testimony.discarded'));
      return step.endDialog();
    }
    const { text, trade, sizeBand } = this.draft(step);
    const saved = await testimonies.record({ text, ...(trade ? { trade } : {}), ...(sizeBand ? { sizeBand } : {}) });
    await step.context.sendActivity(messages.text(saved ? 'testimony.thanks' : 'testimony.notSaved'));
    return step.endDialog();
  }
}
