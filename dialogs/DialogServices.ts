import type { FileIntake } from '../src/attachments/FileIntake';
import type { BidCheckService } from '../src/bidcheck/BidCheckService';
import type { IntentClassifier } from '../src/intents/IntentClassifier';
import type { Messages } from '../src/knowledge/Messages';
import type { Goal } from '../src/knowledge/types';

/** What the dialogs may use: domain services only — never storage, parsers or the network. */
export interface DialogServices {
  messages: Messages;
  intents: IntentClassifier;
  goals: readonly Goal[];
  files: FileIntake;
  bidCheck: BidCheckService;
}
