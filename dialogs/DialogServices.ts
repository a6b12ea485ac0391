import type { StatePropertyAccessor } from 'botbuilder';
import type { FileIntake } from '../src/attachments/FileIntake';
import type { BidCheckService, BidContext, DossierSessions } from '../src/bidcheck';
import type { IntentClassifier } from '../src/intents/IntentClassifier';
import type { Messages } from '../src/knowledge/Messages';
import type { Goal } from '../src/knowledge/types';

/** Conversation memory the dialogs keep across goals (kept in the bot's conversation state). */
export interface ConversationMemory {
  /** The answers of the last dossier check, reused when the SME sends corrected files. */
  lastCheckContext: StatePropertyAccessor<BidContext>;
}

/** What the dialogs may use: domain services only — never storage, parsers or the network. */
export interface DialogServices {
  messages: Messages;
  intents: IntentClassifier;
  goals: readonly Goal[];
  files: FileIntake;
  bidCheck: BidCheckService;
  dossiers: DossierSessions;
}
