import { ActionTypes, type CardAction, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { describeChannel } from '../../src/contacts/contacts';
import type { FaqDecision, FaqUnderstanding, GapKind } from '../../src/faq/types';
import type { DialogServices } from '../DialogServices';
import { faqAnswerCard, faqChoiceCard } from '../cards/faqCards';
import type { FaqSubmit } from '../cards/faqSubmit';
import { emptyFaqMemory, type FaqMemory, findAnswer, withAnswer, withChoice, withFeedback, withoutChoice } from './faqMemory';

/** The two topics a « which one do you mean? » offers. */
const CHOICES = 2;
/** A topic the SME picked by its button is what it meant: its answer is not a guess. */
const PICKED = 1;

/**
 * The FAQ's side of the conversation, the same at the root, in « Poser une question » and in the
 * middle of another goal: an answer (short text and card), « which one do you mean? », an honest
 * « je ne sais pas » sent to the gap log, and the clicks on these cards (related topic, Oui / Non).
 */
export class FaqResponder {
  constructor(
    private readonly services: DialogServices,
    private readonly memory: StatePropertyAccessor<FaqMemory>,
  ) {}

  /** Replies to what the SME asked, as the FAQ understood it; returns the decision it acted on. */
  async reply(context: TurnContext, question: string, understood: FaqUnderstanding = this.services.faq.understand(question)): Promise<FaqDecision> {
    switch (understood.decision) {
      case 'answer':
        if (understood.faq && (await this.sendAnswer(context, understood.faq, question, understood.confidence))) return 'answer';
        await this.sendUnknown(context, question, understood);
        return 'unknown';
      case 'choose':
        if (await this.sendChoice(context, question, understood)) return 'choose';
        await this.sendUnknown(context, question, understood);
        return 'unknown';
      case 'unknown':
        await this.sendUnknown(context, question, understood);
        return 'unknown';
      case 'unreadable':
        // Nothing readable to learn from: nothing goes to the gap log.
        await context.sendActivity(this.services.messages.text('faq.unreadable'));
        return 'unreadable';
    }
  }

  /** A click on one of the FAQ cards. */
  async onSubmit(context: TurnContext, submit: FaqSubmit): Promise<void> {
    switch (submit.ha30Faq) {
      case 'topic':
        return this.onTopic(context, submit.topic, submit.ref);
      case 'feedback':
        return this.onFeedback(context, submit.ref, submit.topic, submit.helpful);
      case 'none':
        return this.onNone(context, submit.ref);
    }
  }

  private async load(context: TurnContext): Promise<FaqMemory> {
    return (await this.memory.get(context)) ?? emptyFaqMemory();
  }

  private async sendAnswer(context: TurnContext, topic: string, question: string, confidence: number): Promise<boolean> {
    const answer = this.services.faq.answer(topic);
    if (!answer) return false;
    const { memory, ref } = withAnswer(await this.load(context), { topic, question, confidence });
    await this.memory.set(context, memory);
    await context.sendActivity(MessageFactory.attachment(faqAnswerCard(answer, ref, this.services.messages), answer.short));
    return true;
  }

  private async sendChoice(context: TurnContext, question: string, understood: FaqUnderstanding): Promise<boolean> {
    const known = new Map(this.services.faq.topics().map((topic) => [topic.id, topic]));
    const topics = understood.candidates.map((candidate) => known.get(candidate.id)).filter((topic) => topic !== undefined).slice(0, CHOICES);
    if (topics.length < CHOICES) return false;
    const topicGuess = topics[0]!.id;
    const { memory, ref } = withChoice(await this.load(context), { question, candidates: topics.map((topic) => topic.id), topicGuess, confidence: understood.confidence });
    await this.memory.set(context, memory);
    await context.sendActivity(MessageFactory.attachment(faqChoiceCard(topics, ref, this.services.messages)));
    // Not understood well enough to answer: evidence for the buyers, whatever the SME picks next.
    await this.gap(context, 'LOW_CONFIDENCE', question, topicGuess, understood.confidence);
    return true;
  }

  private async sendUnknown(context: TurnContext, question: string, understood: Pick<FaqUnderstanding, 'candidates' | 'confidence'>): Promise<void> {
    await context.sendActivity(this.services.messages.text('faq.unknown', { contact: this.cciContact() }));
    await this.gap(context, 'UNANSWERED', question, understood.candidates[0]?.id ?? null, understood.confidence);
  }

  private async onTopic(context: TurnContext, topic: string, ref: number | undefined): Promise<void> {
    const memory = await this.load(context);
    const choice = memory.choice;
    if (ref !== undefined && choice?.ref === ref && choice.candidates.includes(topic)) {
      await this.memory.set(context, withoutChoice(memory));
      if (await this.sendAnswer(context, topic, choice.question, choice.confidence)) return;
    }
    // A related topic (or a stale choice): the SME asked for that topic by name.
    const title = this.services.faq.answer(topic)?.title;
    if (title && (await this.sendAnswer(context, topic, title, PICKED))) return;
    await context.sendActivity(this.services.messages.text('faq.expired'));
  }

  private async onNone(context: TurnContext, ref: number): Promise<void> {
    const memory = await this.load(context);
    const choice = memory.choice;
    if (choice?.ref !== ref) {
      await context.sendActivity(this.services.messages.text('faq.rephrase', { contact: this.cciContact() }));
      return;
    }
    await this.memory.set(context, withoutChoice(memory));
    // Already in the gap log as LOW_CONFIDENCE when the choice was offered: one question, one entry.
    await context.sendActivity(this.services.messages.text('faq.unknown', { contact: this.cciContact() }));
  }

  private async onFeedback(context: TurnContext, ref: number, topic: string, helpful: boolean): Promise<void> {
    const { messages } = this.services;
    const memory = await this.load(context);
    const shown = findAnswer(memory, ref, topic);
    if (!shown) {
      await context.sendActivity(messages.text('faq.expired'));
      return;
    }
    if (shown.helpful !== undefined) {
      await context.sendActivity(messages.text('faq.feedback.already'));
      return;
    }
    await this.memory.set(context, withFeedback(memory, ref, helpful));
    if (helpful) {
      await context.sendActivity(messages.text('faq.feedback.thanks'));
    } else {
      const actions: CardAction[] = (['suggest.askQuestion', 'suggest.contactClub'] as const).map((id) => ({ type: ActionTypes.ImBack, title: messages.text(id), value: messages.text(id) }));
      await context.sendActivity(MessageFactory.suggestedActions(actions, messages.text('faq.feedback.notHelpful', { contact: this.cciContact() })));
    }
    await this.services.feedback.record({ topic, helpful, channel: context.activity.channelId });
    if (!helpful && shown.question !== undefined) await this.gap(context, 'NOT_HELPFUL', shown.question, topic, shown.confidence);
  }

  /** Raw text: the gap log scrubs personal data before it stores anything. */
  private async gap(context: TurnContext, kind: GapKind, question: string, topicGuess: string | null, confidence: number): Promise<void> {
    await this.services.gaps.record({ kind, question, channel: context.activity.channelId, topicGuess, confidence });
  }

  /** How to reach the CCI Gard, from the club's directory. */
  private cciContact(): string {
    const { directory, messages } = this.services;
    const cci = directory.byId.get('cci-gard');
    return cci ? describeChannel(cci.channel, (id, ...params) => messages.text(id, ...params)) : messages.text('contacts.channel.cci');
  }
}
