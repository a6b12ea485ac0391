import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { DialogServices } from '../../dialogs/DialogServices';
import { RootDialog } from '../../dialogs/RootDialog';
import { FileIntake } from '../../src/attachments/FileIntake';
import type { DownloadPolicy } from '../../src/attachments/downloadPolicy';
import { BidCheckService } from '../../src/bidcheck/BidCheckService';
import { DossierSessions } from '../../src/bidcheck/DossierSessions';
import { DEFAULT_LIMITS } from '../../src/bidcheck/intake/limits';
import type { CheckStatRecord } from '../../src/store/database';
import type { BidContext } from '../../src/bidcheck/types';
import { Ha30Bot } from '../../src/bot/Ha30Bot';
import { IntentClassifier } from '../../src/intents/IntentClassifier';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import { createLogger } from '../../src/logger';

export const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');

/** Anonymous statistics kept in memory, for tests to read. */
export class MemoryStats {
  readonly records: CheckStatRecord[] = [];
  async record(stat: CheckStatRecord): Promise<void> {
    this.records.push(stat);
  }
  async all(): Promise<readonly CheckStatRecord[]> {
    return this.records;
  }
}

const knowledge = loadKnowledge(KNOWLEDGE_DIR);

/** The real services over the real knowledge folder (downloads under the strict policy unless told). */
export function realServices(uploadMaxBytes = 50 * 1024 * 1024, stats = new MemoryStats(), policy: DownloadPolicy = { allowLoopback: false }): DialogServices {
  return {
    messages: new Messages(knowledge.messages),
    intents: new IntentClassifier(knowledge.intents),
    goals: knowledge.intents.goals,
    files: new FileIntake({ maxBytes: uploadMaxBytes, policy }),
    bidCheck: new BidCheckService(knowledge, DEFAULT_LIMITS, stats),
    dossiers: new DossierSessions(),
  };
}

/** A TestAdapter driving the real bot, for transcript tests. */
export function testBot(services = realServices()): TestAdapter {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const memory = { lastCheckContext: conversationState.createProperty<BidContext>('lastCheckContext') };
  const bot = new Ha30Bot(conversationState, new UserState(storage), new RootDialog(services, memory), createLogger('silent'));
  return new TestAdapter(async (context) => bot.run(context), { locale: 'fr-FR' });
}
