import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { DialogServices } from '../../dialogs/DialogServices';
import { RootDialog } from '../../dialogs/RootDialog';
import { FileIntake } from '../../src/attachments/FileIntake';
import { Ha30Bot } from '../../src/bot/Ha30Bot';
import { IntentClassifier } from '../../src/intents/IntentClassifier';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge';
import { createLogger } from '../../src/logger';

export const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');

let cached: DialogServices | undefined;

/** The real services over the real knowledge folder, built once per test file. */
export function realServices(uploadMaxBytes = 50 * 1024 * 1024): DialogServices {
  if (cached && cached.files.limitBytes === uploadMaxBytes) return cached;
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  cached = {
    messages: new Messages(knowledge.messages),
    intents: new IntentClassifier(knowledge.intents),
    goals: knowledge.intents.goals,
    files: new FileIntake(uploadMaxBytes),
  };
  return cached;
}

/** A TestAdapter driving the real bot, for transcript tests. */
export function testBot(services = realServices()): TestAdapter {
  const storage = new MemoryStorage();
  const bot = new Ha30Bot(new ConversationState(storage), new UserState(storage), new RootDialog(services), createLogger('silent'));
  return new TestAdapter(async (context) => bot.run(context), { locale: 'fr-FR' });
}
