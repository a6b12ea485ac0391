import { type Activity, ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogContext, type DialogInstance, type DialogTurnResult, type PromptOptions, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { rejectedUploads } from '../src/attachments/FileIntake';
import type { BidContext } from '../src/bidcheck';
import { GOAL_IDS, type GoalId } from '../src/knowledge/types';
import type { Tender } from '../src/tenders';
import { isForgetProfile, isMoreResults } from '../src/tenders/profileFromText';
import { type AlertCommand, alertCommand, type AlertPhrases, isAlertsOffValue } from '../src/alerts/alertCommands';
import { ALERTS_DIALOG, AlertsDialog, type AlertsDialogDeps } from './AlertsDialog';
import { type AskQuestionOptions, AskQuestionDialog, isAskQuestionResult } from './AskQuestionDialog';
import { CheckDossierDialog, type CheckDossierOptions, dossierKey } from './CheckDossierDialog';
import { ContactClubDialog, type ContactClubOptions } from './ContactClubDialog';
import type { ConversationMemory, DialogServices } from './DialogServices';
import { FindTendersDialog, type FindTendersOptions } from './FindTendersDialog';
import { TestimonyDialog } from './TestimonyDialog';
import { claimsFaqSubmit, faqSubmitOf } from './cards/faqSubmit';
import { claimsTenderDetail, tenderDetailOf } from './cards/tenderCards';
import { goalSuggestions } from './cards/goalSuggestions';
import { welcomeCard } from './cards/welcomeCard';
import { GOAL_DIALOG, ROOT_DIALOG } from './dialogIds';
import { FaqResponder } from './faq/FaqResponder';
import type { FaqUnderstanding } from '../src/faq/types';
import { looksLikeQuestion } from './requestShape';
import { type GoalRoute, type QuestionRoute, TextReader } from './TextReader';
import { RESUMED_QUIETLY } from './ResumableDialog';
import type { WaitingPoint } from './waitingPoints';

const ROUTE = 'route';
/** Another goal run in the middle of one that waits, which then resumes with one line. */
const INTERLUDE = 'interlude';

type AlertsRoute = { kind: 'alerts'; command: AlertCommand };
/** What may start in the middle of another goal. */
type InterludeRoute = GoalRoute | AlertsRoute;

type Route =
  | GoalRoute
  | QuestionRoute
  | AlertsRoute
  | { kind: 'faqClick'; value: unknown }
  | { kind: 'tenderDetail'; value: unknown }
  | { kind: 'welcome' | 'help' | 'thanks' | 'goodbye' | 'unknown' | 'nothingToCancel' | 'restart' | 'forgetProfile' };



/**
 * The conversation's entry point: welcomes, routes each request to the dialog of its goal, answers
 * questions from the FAQ, and answers "aide", "annuler", "recommencer", "merci" and "au revoir"
 * wherever the user is. In the middle of a goal that waits for an answer, a question the FAQ answers
 * or a request for another goal is dealt with first, then the goal resumes with one line.
 */
export class RootDialog extends ComponentDialog {
  private readonly faq: FaqResponder;
  private readonly reader: TextReader;
  private readonly findTenders: FindTendersDialog;
  /** Every question a goal may be waiting on, by the id of its prompt. */
  private readonly waitingPoints = new Map<string, WaitingPoint>();

  constructor(
    private readonly services: DialogServices,
    private readonly memory: ConversationMemory,
    private readonly alerts?: AlertsDialogDeps & { phrases: AlertPhrases },
  ) {
    super(ROOT_DIALOG);
    this.faq = new FaqResponder(services, memory.faq);
    this.reader = new TextReader(services);
    const checkDossier = new CheckDossierDialog(services, memory);
    const findTenders = (this.findTenders = new FindTendersDialog(services, memory));
    const askQuestion = new AskQuestionDialog(services, this.faq);
    const testimony = new TestimonyDialog(services, memory);
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.nextStep.bind(this)]));
    this.addDialog(new WaterfallDialog(INTERLUDE, [this.interludeStep.bind(this), this.resumeStep.bind(this)]));
    this.addDialog(checkDossier);
    this.addDialog(findTenders);
    this.addDialog(askQuestion);
    this.addDialog(new ContactClubDialog(services));
    this.addDialog(testimony);
    if (alerts) this.addDialog(new AlertsDialog(alerts));
    for (const point of [...checkDossier.waitingPoints(), ...findTenders.waitingPoints(), ...askQuestion.waitingPoints(), ...testimony.waitingPoints()]) {
      if (this.waitingPoints.has(point.id)) throw new Error(`two dialogs wait on the same prompt id: ${point.id}`);
      this.waitingPoints.set(point.id, point);
    }
    this.initialDialogId = ROUTE;
  }

  /** The greeting sent when a user joins (Web Chat) or installs the app (Teams). */
  async sendWelcome(context: TurnContext): Promise<void> {
    const { messages, goals } = this.services;
    await context.sendActivity(MessageFactory.attachment(welcomeCard(messages, goals), undefined, undefined));
    await this.memory.welcomed?.set(context, true);
  }

  /** « bonjour » once the card is on screen: one line and the goals' buttons, not the whole card again. */
  private async greet(context: TurnContext): Promise<void> {
    if (!(await this.memory.welcomed?.get(context))) return this.sendWelcome(context);
    await context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(this.services.messages), this.services.messages.text('welcome.again')));
  }

  /** "recommencer": the previous answers and the pieces received so far are forgotten. */
  private async forget(context: TurnContext): Promise<void> {
    await this.memory.lastCheckContext.delete(context);
    this.services.dossiers.clear(dossierKey(context));
  }

  /** "oublier mon profil": the profile is deleted from user state, and the SME is told. */
  private async forgetProfile(context: TurnContext): Promise<void> {
    const had = await this.memory.profile.get(context);
    await this.memory.profile.delete(context);
    await this.memory.lastSearch.delete(context);
    await context.sendActivity(this.services.messages.text(had ? 'profile.forgotten' : 'profile.nothingToForget'));
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    textFromValue(innerDc.context);
    return super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    textFromValue(innerDc.context);
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const { messages, files } = this.services;
    const command = this.reader.command(activity.text);
    if (command === 'help') {
      await context.sendActivity(messages.text('help.text'));
      return Dialog.EndOfTurn;
    }
    if (command === 'cancel') {
      await innerDc.cancelAllDialogs();
      await context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('cancel.done')));
      return innerDc.endDialog();
    }
    const alertsCommand = this.alertsCommand(activity.text, activity.value);
    if (alertsCommand) {
      // One turn, nothing asked: the goal under way resumes after it.
      if (this.waitingPoint(innerDc)) return innerDc.beginDialog(INTERLUDE, { kind: 'alerts', command: alertsCommand } satisfies InterludeRoute);
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ALERTS_DIALOG, { command: alertsCommand });
    }
    if (command === 'restart') {
      await innerDc.cancelAllDialogs();
      await this.forget(context);
      await context.sendActivity(messages.text('restart.done'));
      await this.sendWelcome(context);
      return innerDc.endDialog();
    }
    if (activity.text && isForgetProfile(activity.text)) {
      // The answers of a profile under way go too: nothing of it may be saved after this.
      await innerDc.cancelAllDialogs();
      await this.forgetProfile(context);
      return innerDc.endDialog();
    }
    const social = this.reader.social(activity.text);
    if (social === 'thanks') {
      // A thank-you in the middle of a question: answer it, then ask the question again.
      await context.sendActivity(messages.text('thanks.text'));
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (social === 'goodbye') {
      // The answers and pieces are kept (as after any check): only the question under way is dropped.
      await innerDc.cancelAllDialogs();
      await context.sendActivity(messages.text('goodbye.text'));
      return innerDc.endDialog();
    }
    if (claimsFaqSubmit(activity.value)) {
      // A button of an FAQ card shown earlier: answered here, then the goal under way resumes.
      await this.onFaqClick(context, activity.value);
      await this.resume(innerDc);
      return Dialog.EndOfTurn;
    }
    if (claimsTenderDetail(activity.value)) {
      // « Voir le détail » of a result shown earlier: a card to read, then the goal under way resumes.
      await this.onTenderDetail(context, activity.value);
      await this.resume(innerDc);
      return Dialog.EndOfTurn;
    }
    // A card button or a file dropped while another goal is under way starts that goal afresh.
    const switchesGoal = goalFromValue(activity.value) !== undefined;
    const bringsFiles = files.hasFiles(activity.attachments, rejectedUploads(activity.channelData)) && innerDc.activeDialog?.id !== GOAL_DIALOG.CHECK_DOSSIER;
    if (switchesGoal || bringsFiles) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE);
    }
    return this.interruptWithText(innerDc);
  }

  /**
   * A text typed while a goal waits. The question it waits on gets the first say: a date, « travaux »
   * or « je ne sais pas » is its answer. Otherwise a request that names another goal runs that goal
   * first, and a text asked as a question that the FAQ answers with confidence is answered; either
   * way the goal then resumes with one line. Anything else is the waiting dialog's to read.
   */
  private async interruptWithText(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const raw = innerDc.context.activity.text ?? '';
    const text = raw.trim();
    const leaf = leafOf(innerDc);
    const point = leaf ? this.waitingPoints.get(leaf.id) : undefined;
    if (!text || !leaf || !point) return undefined;
    // « j'ai une question sur le DUME », « question : … » say outright they answer no prompt.
    const announced = point.yieldsToGoals ? undefined : this.reader.announcedQuestion(text);
    if (announced?.asked) {
      await this.faq.reply(innerDc.context, announced.asked);
      await this.resume(innerDc);
      return Dialog.EndOfTurn;
    }
    if (!announced && !point.yieldsToGoals && point.accepts(raw, promptOptionsOf(leaf))) return undefined;
    const request = this.reader.read(text);
    if (request.kind === 'goal' && this.interrupts(innerDc, request, text)) {
      // « Poser une question » then « en fait, vérifier mon dossier »: nothing to come back to.
      if (point.yieldsToGoals) return this.startGoal(innerDc, request, true);
      return innerDc.beginDialog(INTERLUDE, request satisfies InterludeRoute);
    }
    if (point.yieldsToGoals) return undefined;
    // Only what is asked as a question: « DUME », « MAPA » or « j'ai pas de certificat » typed here
    // answer the dialog (even wrongly), and the dialog says what it expected.
    if (request.kind === 'question' && (answered(request.understood, text) || (point.awaitsNoText === true && plainlyAskedUnknown(request.understood, text)))) {
      await this.faq.reply(innerDc.context, text, request.understood);
      await this.resume(innerDc);
      return Dialog.EndOfTurn;
    }
    return undefined;
  }

  /** Another goal than those under way, named outright (« quels marchés pour moi », « contacter un acheteur »). */
  private interrupts(innerDc: DialogContext, request: GoalRoute, text: string): boolean {
    const id = GOAL_DIALOG[request.goal];
    if (innerDc.stack.some((instance) => instance.id === id)) return false;
    return this.reader.namesGoal(request.goal, text);
  }

  /** The one line that resumes the goal under way, with the buttons of its question. */
  private async resume(dc: DialogContext): Promise<void> {
    const leaf = leafOf(dc);
    const point = leaf ? this.waitingPoints.get(leaf.id) : undefined;
    if (!leaf || !point) {
      await dc.repromptDialog();
      return;
    }
    const line = this.services.messages.text(point.resume);
    const actions = (promptOptionsOf(leaf)?.prompt as Partial<Activity> | undefined)?.suggestedActions?.actions;
    await dc.context.sendActivity(actions?.length ? MessageFactory.suggestedActions(actions, line) : line);
  }

  private async interludeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.startGoal(step, step.options as InterludeRoute, false);
  }

  /** The interrupting goal is done: the one below resumes, told so in one line, without asking twice. */
  private async resumeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.resume(new DialogContext(step.dialogs, step.context, { dialogStack: step.stack.slice(0, -1) }));
    return step.endDialog(RESUMED_QUIETLY);
  }

  private async onTenderDetail(context: TurnContext, value: unknown): Promise<void> {
    const tenderId = tenderDetailOf(value);
    if (tenderId) await this.findTenders.showDetail(context, tenderId);
    else await context.sendActivity(this.services.messages.text('findTenders.tenderGone'));
  }

  private async onFaqClick(context: TurnContext, value: unknown): Promise<void> {
    const submit = faqSubmitOf(value);
    if (submit) await this.faq.onSubmit(context, submit);
    else await context.sendActivity(this.services.messages.text('faq.expired'));
  }

  /** Waiting on a question RootDialog knows (a goal's prompt, or the files). */
  private waitingPoint(dc: DialogContext): WaitingPoint | undefined {
    const leaf = leafOf(dc);
    return leaf ? this.waitingPoints.get(leaf.id) : undefined;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { messages } = this.services;
    const route = this.route(context);
    switch (route.kind) {
      case 'alerts':
      case 'goal':
      case 'question':
        return this.startGoal(step, route, false);
      case 'faqClick':
        await this.onFaqClick(context, route.value);
        return step.endDialog();
      case 'tenderDetail':
        await this.onTenderDetail(context, route.value);
        return step.endDialog();
      case 'forgetProfile':
        await this.forgetProfile(context);
        return step.endDialog();
      case 'welcome':
        await this.greet(context);
        return step.endDialog();
      case 'nothingToCancel':
        await context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('cancel.nothing')));
        return step.endDialog();
      case 'restart':
        await this.forget(context);
        await context.sendActivity(messages.text('restart.done'));
        await this.sendWelcome(context);
        return step.endDialog();
      case 'help':
        await context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('help.text')));
        return step.endDialog();
      case 'thanks':
        await context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('thanks.text')));
        return step.endDialog();
      case 'goodbye':
        await context.sendActivity(messages.text('goodbye.text'));
        return step.endDialog();
      case 'unknown':
        await context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('unknown.text')));
        return step.endDialog();
    }
  }

  /** Begins the dialog of a goal on `dc`'s stack, or in place of its active dialog (`replace`). */
  private async startGoal(dc: DialogContext, route: GoalRoute | QuestionRoute | AlertsRoute, replace: boolean): Promise<DialogTurnResult> {
    const start = (id: string, options?: object) => (replace ? dc.replaceDialog(id, options) : dc.beginDialog(id, options));
    if (route.kind === 'alerts') return start(ALERTS_DIALOG, { command: route.command });
    if (route.kind === 'question') return start(GOAL_DIALOG.ASK_QUESTION, { question: route.text, understood: route.understood } satisfies AskQuestionOptions);
    const id = GOAL_DIALOG[route.goal];
    switch (route.goal) {
      case 'CHECK_DOSSIER': {
        const tender = route.tenderId ? this.services.tenders.get(route.tenderId) : undefined;
        if (route.tenderId && !tender) {
          await dc.context.sendActivity(this.services.messages.text('findTenders.tenderGone'));
          return dc.endDialog();
        }
        const options: CheckDossierOptions = tender ? { context: bidContextOf(tender), tenderTitle: tender.title, tenderId: tender.id } : { filesInFirstMessage: route.withFiles };
        return start(id, options);
      }
      case 'FIND_TENDERS':
        return start(id, { text: route.text, more: route.more } satisfies FindTendersOptions);
      case 'CONTACT_CLUB':
        return start(id, { text: route.text, tenderId: route.tenderId } satisfies ContactClubOptions);
      default:
        return start(id);
    }
  }

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages } = this.services;
    // An answered question closes with « Une autre question ? »; a « which one? » with nothing more.
    const followUp = isAskQuestionResult(step.result) ? step.result.followUp : 'next.prompt';
    if (followUp) await step.context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text(followUp)));
    return step.endDialog();
  }

  private route(context: TurnContext): Route {
    const activity = context.activity;
    const { files } = this.services;
    const fromCard = goalFromValue(activity.value);
    if (fromCard) return { kind: 'goal', goal: fromCard, withFiles: false, tenderId: tenderFromValue(activity.value) };
    if (claimsFaqSubmit(activity.value)) return { kind: 'faqClick', value: activity.value };
    if (claimsTenderDetail(activity.value)) return { kind: 'tenderDetail', value: activity.value };
    const alertsCommand = this.alertsCommand(activity.text, activity.value);
    if (alertsCommand) return { kind: 'alerts', command: alertsCommand };
    if (files.hasFiles(activity.attachments, rejectedUploads(activity.channelData))) return { kind: 'goal', goal: 'CHECK_DOSSIER', withFiles: true };
    const text = activity.text?.trim() ?? '';
    if (!text) return { kind: 'welcome' };
    const command = this.reader.command(text);
    if (command === 'help') return { kind: 'help' };
    if (command === 'cancel') return { kind: 'nothingToCancel' };
    if (command === 'restart') return { kind: 'restart' };
    if (isForgetProfile(text)) return { kind: 'forgetProfile' };
    if (isMoreResults(text)) return { kind: 'goal', goal: 'FIND_TENDERS', withFiles: false, more: true };
    const social = this.reader.social(text);
    if (social) return { kind: social };
    return this.reader.read(text);
  }

  /** "m'alerter", "ne plus m'alerter" and their variants, or the alert card's stop button. */
  private alertsCommand(text: string | undefined, value: unknown): AlertCommand | null {
    if (!this.alerts) return null;
    if (isAlertsOffValue(value)) return 'unsubscribe';
    return alertCommand(text, this.alerts.phrases);
  }

}

/** The innermost dialog waiting on the stack of `dc` (a prompt, or the files). */
function leafOf(dc: DialogContext): DialogInstance | undefined {
  let current = dc;
  for (let child = current.child; child; child = current.child) current = child;
  return current.activeDialog;
}

function promptOptionsOf(instance: DialogInstance): PromptOptions | undefined {
  return (instance.state as { options?: PromptOptions } | undefined)?.options;
}

function goalFromValue(value: unknown): GoalId | undefined {
  const goal = (value as { ha30Goal?: unknown } | undefined)?.ha30Goal;
  return GOAL_IDS.find((id) => id === goal);
}

function tenderFromValue(value: unknown): string | undefined {
  const id = (value as { ha30Tender?: unknown } | undefined)?.ha30Tender;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** A card button that posts a text (Web Chat sends it as the value): read as the message typed. */
function textFromValue(context: TurnContext): void {
  const activity = context.activity;
  const text = (activity.value as { ha30Text?: unknown } | undefined)?.ha30Text;
  if (activity.type === ActivityTypes.Message && !activity.text && typeof text === 'string') activity.text = text;
}

const PROCEDURES: readonly [RegExp, BidContext['procedure']][] = [
  [/adapt|mapa/i, 'MAPA'],
  [/appel d.offres|formalis|concurrentiel|negoci|négoci|dialogue/i, 'FORMALISEE'],
];

/** What a tender already answers for the bid check: stage DEPOT, its deadline, nature, procedure and value. */
export function bidContextOf(tender: Tender): BidContext {
  const context: BidContext = { stage: 'DEPOT' };
  if (tender.deadlineAt) context.deadline = tender.deadlineAt;
  if (tender.nature) context.nature = tender.nature;
  const procedure = tender.procedure ? PROCEDURES.find(([pattern]) => pattern.test(tender.procedure!))?.[1] : undefined;
  if (procedure) context.procedure = procedure;
  if (tender.estimatedValue?.amountEur) context.estimatedValue = tender.estimatedValue.amountEur;
  return context;
}

function answered(understood: FaqUnderstanding, text: string): boolean {
  return understood.decision === 'answer' && looksLikeQuestion(text);
}

/**
 * « tu connais un bon garagiste à Uzès ? » while files are awaited: a sentence with a question mark
 * that the FAQ does not cover gets the honest « je ne sais pas » (and goes to the gap log), then the
 * goal resumes. One or two words with a « ? » (« quoi ? », « et maintenant ? ») stay the dialog's.
 */
function plainlyAskedUnknown(understood: FaqUnderstanding, text: string): boolean {
  return understood.decision === 'unknown' && text.includes('?') && (text.match(/\p{L}+/gu)?.length ?? 0) >= 3;
}

