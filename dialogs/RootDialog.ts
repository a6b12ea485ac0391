import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { rejectedUploads } from '../src/attachments/FileIntake';
import { GOAL_IDS, type GoalId } from '../src/knowledge/types';
import { type AlertCommand, alertCommand, type AlertPhrases, isAlertsOffValue } from '../src/alerts/alertCommands';
import { ALERTS_DIALOG, AlertsDialog, type AlertsDialogDeps } from './AlertsDialog';
import { AskQuestionDialog } from './AskQuestionDialog';
import { CheckDossierDialog, type CheckDossierOptions, dossierKey } from './CheckDossierDialog';
import { ContactClubDialog } from './ContactClubDialog';
import type { ConversationMemory, DialogServices } from './DialogServices';
import { FindTendersDialog } from './FindTendersDialog';
import { goalSuggestions } from './cards/goalSuggestions';
import { welcomeCard } from './cards/welcomeCard';
import { GOAL_DIALOG, ROOT_DIALOG } from './dialogIds';

const ROUTE = 'route';

type Route = { kind: 'goal'; goal: GoalId; withFiles: boolean } | { kind: 'alerts'; command: AlertCommand } | { kind: 'welcome' | 'help' | 'thanks' | 'goodbye' | 'unknown' | 'nothingToCancel' | 'restart' };

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
    this.addDialog(new FindTendersDialog(services));
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

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
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
      case 'goal': {
        const options: CheckDossierOptions | undefined = route.goal === 'CHECK_DOSSIER' ? { filesInFirstMessage: route.withFiles } : undefined;
        return step.beginDialog(GOAL_DIALOG[route.goal], options);
      }
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

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { messages } = this.services;
    await step.context.sendActivity(MessageFactory.suggestedActions(goalSuggestions(messages), messages.text('next.prompt')));
    return step.endDialog();
  }

  private route(context: TurnContext): Route {
    const activity = context.activity;
    const { intents, files } = this.services;
    const fromCard = goalFromValue(activity.value);
    if (fromCard) return { kind: 'goal', goal: fromCard, withFiles: false };
    const alertsCommand = this.alertsCommand(activity.text, activity.value);
    if (alertsCommand) return { kind: 'alerts', command: alertsCommand };
    if (files.hasFiles(activity.attachments, rejectedUploads(activity.channelData))) return { kind: 'goal', goal: 'CHECK_DOSSIER', withFiles: true };
    const text = activity.text?.trim() ?? '';
    if (!text) return { kind: 'welcome' };
    const command = intents.command(text);
    if (command === 'help') return { kind: 'help' };
    if (command === 'cancel') return { kind: 'nothingToCancel' };
    if (command === 'restart') return { kind: 'restart' };
    const social = this.social(text);
    if (social) return { kind: social };
    const classified = intents.classify(text).intent;
    // Not a thank-you (see social), so a request wrapped in politeness: "merci de vérifier mon dossier".
    const intent = classified === 'THANKS' || classified === 'GOODBYE' ? this.requestInside(text) : classified;
    if (intent === 'GREETING') return { kind: 'welcome' };
    const goal = GOAL_IDS.find((id) => id === intent);
    return goal ? { kind: 'goal', goal, withFiles: false } : { kind: 'unknown' };
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
