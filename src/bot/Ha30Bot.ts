import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { type DialogState, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { RootDialog } from '../../dialogs/RootDialog';
import type { Logger } from '../logger';

/**
 * The thin bot: greets new members, runs the root dialog on every message and saves the state.
 * Conversation logic lives in `dialogs/`; this class only wires the turn to it.
 */
export class Ha30Bot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: RootDialog,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      await this.runRoot(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (this.shouldGreet(context)) await this.rootDialog.sendWelcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    try {
      await super.run(context);
    } finally {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      // No ids, text or names: the turn line must stay free of personal data.
      this.logger.info({ event: 'turn', channel: context.activity.channelId, type: context.activity.type, latencyMs: Math.round(performance.now() - started) }, 'turn');
    }
  }

  private async runRoot(context: TurnContext): Promise<void> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.rootDialog);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
  }

  /**
   * Web Chat announces the user joining; Teams, in personal scope, announces the bot being added
   * when the user installs the app. Either way the user gets the welcome exactly once.
   */
  private shouldGreet(context: TurnContext): boolean {
    const { membersAdded = [], recipient, conversation } = context.activity;
    const userJoined = membersAdded.some((member) => member.id !== recipient.id);
    const botInstalledInPersonalChat = conversation.conversationType === 'personal' && membersAdded.some((member) => member.id === recipient.id);
    return userJoined || botInstalledInPersonalChat;
  }
}
