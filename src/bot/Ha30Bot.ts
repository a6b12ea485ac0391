import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { type DialogState, DialogSet, type DialogStateManagerConfiguration, DialogTurnStatus } from 'botbuilder-dialogs';
import type { RootDialog } from '../../dialogs/RootDialog';
import type { Logger } from '../logger';

/** Where botbuilder-dialogs looks in a turn for the memory scopes and path resolvers it would otherwise build. */
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/**
 * The thin bot: greets new members, runs the root dialog on every message and saves the state.
 * Conversation logic lives in `dialogs/`; this class only wires the turn to it.
 */
export class Ha30Bot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** Built once: a DialogSet holds only the root dialog and the state accessor, nothing of a turn. */
  private readonly dialogs: DialogSet;
  /**
   * The memory scopes and path resolvers botbuilder-dialogs builds at each turn's first dialog
   * context (a dependency-graph resolution and a dozen objects); they hold no turn data, and
   * DialogManager reuses them the same way (its stateConfiguration). Kept from the first turn.
   */
  private dialogStateConfiguration: DialogStateManagerConfiguration | undefined;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: RootDialog,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(this.rootDialog);

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
    if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.dialogStateConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.dialogStateConfiguration ??= context.turnState.get<DialogStateManagerConfiguration | undefined>(DIALOG_STATE_CONFIGURATION);
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
