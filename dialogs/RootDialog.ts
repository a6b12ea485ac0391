import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { rejectedUploads } from '../src/attachments/FileIntake';
import type { BidContext } from '../src/bidcheck';
import { GOAL_IDS, type GoalId } from '../src/knowledge/types';
import type { Tender } from '../src/tenders';
import { isForgetProfile, isMoreResults } from '../src/tenders/profileFromText';
import { type AlertCommand, alertCommand, type AlertPhrases, isAlertsOffValue } from '../src/alerts/alertCommands';
import { ALERTS_DIALOG, AlertsDialog, type AlertsDialogDeps } from './AlertsDialog';
import { AskQuestionDialog } from './AskQuestionDialog';
import { CheckDossierDialog, type CheckDossierOptions, dossierKey } from './CheckDossierDialog';
import { ContactClubDialog, type ContactClubOptions, isContactRequest } from './ContactClubDialog';
import type { ConversationMemory, DialogServices } from './DialogServices';
import { FindTendersDialog, type FindTendersOptions, isProfileSentence } from './FindTendersDialog';
import { goalSuggestions } from './cards/goalSuggestions';
import { welcomeCard } from './cards/welcomeCard';
import { GOAL_DIALOG, ROOT_DIALOG } from './dialogIds';

const ROUTE = 'route';

type Route =
  | { kind: 'goal'; goal: GoalId; withFiles: boolean; tenderId?: string; text?: string; more?: boolean }
  | { kind: 'alerts'; command: AlertCommand }
  | { kind: 'welcome' | 'help' | 'thanks' | 'goodbye' | 'unknown' | 'nothingToCancel' | 'restart' | 'forgetProfile' };

type Social = 'thanks' | 'goodbye';

/** Longer messages, or ones with a number, are answers or requests even when they start with "merci". */
const SOCIAL_MAX_WORDS = 6;
const SOCIAL_INTENTS: readonly string[] = ['THANKS', 'GOODBYE'];

/**
 * The conversation's entry point: welcomes, routes each request to the dialog of its goal, and
 * answers "aide", "annuler", "recommencer", "merci" and "au revoir" wherever the user is.
 */
export class RootDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly memory: ConversationMemory,
    private readonly alerts?: AlertsDialogDeps & { phrases: AlertPhrases },
  ) {
    super(ROOT_DIALOG);
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.nextStep.bind(this)]));
    this.addDialog(new CheckDossierDialog(services, memory));
    this.addDialog(new FindTendersDialog(services, memory));
    this.addDialog(new AskQuestionDialog(services));
    this.addDialog(new ContactClubDialog(services));
    if (alerts) this.addDialog(new AlertsDialog(alerts));
    this.initialDialogId = ROUTE;
  }

  /** The greeting sent when a user joins (Web Chat) or installs the app (Teams). */
  async sendWelcome(context: TurnContext): Promise<void> {
    const { messages, goals } = this.services;
    await context.sendActivity(MessageFactory.attachment(welcomeCard(messages, goals), undefined, undefined));
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
    const { messages, intents, files } = this.services;
    const command = activity.text ? intents.command(activity.text) : null;
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
    const social = this.social(activity.text);
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
    // A card button or a file dropped while another goal is under way starts that goal afresh.
    const switchesGoal = goalFromValue(activity.value) !== undefined;
    const bringsFiles = files.hasFiles(activity.attachments, rejectedUploads(activity.channelData)) && innerDc.activeDialog?.id !== GOAL_DIALOG.CHECK_DOSSIER;
    if (switchesGoal || bringsFiles) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE);
    }
    return undefined;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { messages } = this.services;
    const route = this.route(context);
    switch (route.kind) {
      case 'alerts':
        return step.beginDialog(ALERTS_DIALOG, { command: route.command });
      case 'goal':
        return this.beginGoal(step, route);
      case 'forgetProfile':
        await this.forgetProfile(context);
        return step.endDialog();
      case 'welcome':
        await this.sendWelcome(context);
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

  private async beginGoal(step: WaterfallStepContext, route: Extract<Route, { kind: 'goal' }>): Promise<DialogTurnResult> {
    const id = GOAL_DIALOG[route.goal];
    switch (route.goal) {
      case 'CHECK_DOSSIER': {
        const tender = route.tenderId ? this.services.tenders.get(route.tenderId) : undefined;
        if (route.tenderId && !tender) {
          await step.context.sendActivity(this.services.messages.text('findTenders.tenderGone'));
          return step.endDialog();
        }
        const options: CheckDossierOptions = tender ? { context: bidContextOf(tender), tenderTitle: tender.title } : { filesInFirstMessage: route.withFiles };
        return step.beginDialog(id, options);
      }
      case 'FIND_TENDERS':
        return step.beginDialog(id, { text: route.text, more: route.more } satisfies FindTendersOptions);
      case 'CONTACT_CLUB':
        return step.beginDialog(id, { text: route.text, tenderId: route.tenderId } satisfies ContactClubOptions);
      default:
        return step.beginDialog(id);
    }
  }

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages } = this.services;
    await step.context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('next.prompt')));
    return step.endDialog();
  }

  private route(context: TurnContext): Route {
    const activity = context.activity;
    const { intents, files } = this.services;
    const fromCard = goalFromValue(activity.value);
    if (fromCard) return { kind: 'goal', goal: fromCard, withFiles: false, tenderId: tenderFromValue(activity.value) };
    const alertsCommand = this.alertsCommand(activity.text, activity.value);
    if (alertsCommand) return { kind: 'alerts', command: alertsCommand };
    if (files.hasFiles(activity.attachments, rejectedUploads(activity.channelData))) return { kind: 'goal', goal: 'CHECK_DOSSIER', withFiles: true };
    const text = activity.text?.trim() ?? '';
    if (!text) return { kind: 'welcome' };
    const command = intents.command(text);
    if (command === 'help') return { kind: 'help' };
    if (command === 'cancel') return { kind: 'nothingToCancel' };
    if (command === 'restart') return { kind: 'restart' };
    if (isForgetProfile(text)) return { kind: 'forgetProfile' };
    if (isMoreResults(text)) return { kind: 'goal', goal: 'FIND_TENDERS', withFiles: false, more: true };
    const social = this.social(text);
    if (social) return { kind: social };
    const classified = intents.classify(text).intent;
    // Not a thank-you (see social), so a request wrapped in politeness: "merci de vérifier mon dossier".
    const intent = classified === 'THANKS' || classified === 'GOODBYE' ? this.requestInside(text) : classified;
    if (intent === 'GREETING') return { kind: 'welcome' };
    const goal = GOAL_IDS.find((id) => id === intent) ?? (intent === null ? this.unclassifiedGoal(text) : undefined);
    return goal ? { kind: 'goal', goal, withFiles: false, text } : { kind: 'unknown' };
  }

  /** What the intent model misses: an SME describing itself, or a situation or event request. */
  private unclassifiedGoal(text: string): GoalId | undefined {
    if (isProfileSentence(text, this.services.cpv)) return 'FIND_TENDERS';
    return isContactRequest(text, this.services.directory) ? 'CONTACT_CLUB' : undefined;
  }

  /** "m'alerter", "ne plus m'alerter" and their variants, or the alert card's stop button. */
  private alertsCommand(text: string | undefined, value: unknown): AlertCommand | null {
    if (!this.alerts) return null;
    if (isAlertsOffValue(value)) return 'unsubscribe';
    return alertCommand(text, this.alerts.phrases);
  }

  /** "merci", "merci beaucoup", "au revoir", "bonne journée", "à plus", "bye"… (knowledge/intents.json). */
  private social(text: string | undefined): Social | undefined {
    const trimmed = text?.trim() ?? '';
    if (!trimmed || /\d/.test(trimmed) || trimmed.split(/\s+/).length > SOCIAL_MAX_WORDS) return undefined;
    const { intent } = this.services.intents.classify(trimmed);
    if (intent !== 'THANKS' && intent !== 'GOODBYE') return undefined;
    // "merci de vérifier mon dossier" is a request: no word of a social message may point to another
    // intent. "merci, au revoir" is a goodbye.
    const words = this.wordIntents(trimmed);
    if (!words.every((word) => word === null || SOCIAL_INTENTS.includes(word))) return undefined;
    return intent === 'GOODBYE' || words.includes('GOODBYE') ? 'goodbye' : 'thanks';
  }

  /** The intent of each word alone (null for a word that means nothing on its own). */
  private wordIntents(text: string): (string | null)[] {
    return text.split(/\s+/).map((word) => this.services.intents.classify(word).intent);
  }

  /** The intent most words of a polite request point to, social ones aside; null if none. */
  private requestInside(text: string): string | null {
    const counts = new Map<string, number>();
    for (const word of this.wordIntents(text)) if (word && !SOCIAL_INTENTS.includes(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
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
