import { mkdtempSync } from 'node:fs';
import { loadPlaces } from '../../src/tenders/profileFromText';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import type { ConversationMemory, DialogServices, LastSearch, StoredProfile } from '../../dialogs/DialogServices';
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
import { loadDirectory } from '../../src/contacts';
import { Catalogue, CATALOGUE_FILE, loadKnowledgeTenders, openCatalogue } from '../../src/tenders';
import { loadCpvCatalogue } from '../../src/tenders/match';
import type { FaqMemory } from '../../dialogs/faq/faqMemory';
import type { TenderInterestEvent, TenderInterestRecorder } from '../../src/insights/types';
import { FaqService } from '../../src/faq';
import { type FaqLogs, openFaqLogs } from '../../src/faq/openFaqLogs';
import { sizeBandLabels, TestimonyService } from '../../src/testimonies';

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
const cpv = loadCpvCatalogue(KNOWLEDGE_DIR);
const places = loadPlaces(KNOWLEDGE_DIR);
const directory = loadDirectory(KNOWLEDGE_DIR);
/** Trained once per test file when it loads (not inside a test's time), as the app trains it once at start. */
const faq = new FaqService(knowledge.faq, new Messages(knowledge.messages));

/** What the dialogs noted of tender interest, kept in memory as given (the real store hashes it), for tests to read. */
export class MemoryInterest implements TenderInterestRecorder {
  readonly events: TenderInterestEvent[] = [];
  async record(event: TenderInterestEvent): Promise<void> {
    this.events.push(event);
  }
}

/** The FAQ's gap and feedback logs, as the app opens them, over a fresh DATA_DIR. */
export function testFaqLogs(): FaqLogs {
  return openFaqLogs(mkdtempSync(path.join(tmpdir(), 'ha30-faq-logs-')), { retentionMonths: 12 });
}

/** The testimonies as the app opens them, over a fresh DATA_DIR (or `dataDir`). */
export function testTestimonies(dataDir = mkdtempSync(path.join(tmpdir(), 'ha30-testimonies-'))): TestimonyService {
  return TestimonyService.open(dataDir, { retentionMonths: 24, sizeLabel: sizeBandLabels(new Messages(knowledge.messages)) });
}

/** A fresh, empty DATA_DIR for a tender catalogue. */
function emptyDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ha30-tenders-'));
}

/** For tests that do not search tenders: the starter examples, not read from disk. */
function unopenedCatalogue(): Catalogue {
  const { examples, upcoming } = loadKnowledgeTenders(KNOWLEDGE_DIR);
  return new Catalogue(path.join(emptyDataDir(), CATALOGUE_FILE), examples, upcoming);
}

/**
 * The catalogue as the bot opens it at start, over an empty DATA_DIR (or `dataDir`): nothing
 * imported, so the starter examples and the buyers' upcoming purchases are what a search finds.
 */
export async function openTestCatalogue(dataDir = emptyDataDir()): Promise<Catalogue> {
  return openCatalogue(dataDir, { knowledgeDir: KNOWLEDGE_DIR });
}

/** The real services over the real knowledge folder (downloads under the strict policy unless told). */
export function realServices(uploadMaxBytes = 50 * 1024 * 1024, stats = new MemoryStats(), policy: DownloadPolicy = { allowLoopback: false }): DialogServices {
  const faqLogs = testFaqLogs();
  return {
    messages: new Messages(knowledge.messages),
    intents: new IntentClassifier(knowledge.intents),
    goals: knowledge.intents.goals,
    files: new FileIntake({ maxBytes: uploadMaxBytes, policy }),
    bidCheck: new BidCheckService(knowledge, DEFAULT_LIMITS, stats),
    dossiers: new DossierSessions(),
    tenders: unopenedCatalogue(),
    cpv,
    places,
    directory,
    faq,
    gaps: faqLogs.gaps,
    feedback: faqLogs.feedback,
    testimonies: testTestimonies(),
    interest: new MemoryInterest(),
  };
}

/** A TestAdapter driving the real bot, for transcript tests. */
export function testBot(services = realServices()): TestAdapter {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const memory: ConversationMemory = {
    lastCheckContext: conversationState.createProperty<BidContext>('lastCheckContext'),
    profile: userState.createProperty<StoredProfile>('smeProfile'),
    lastSearch: conversationState.createProperty<LastSearch>('lastTenderSearch'),
    faq: conversationState.createProperty<FaqMemory>('faqAnswers'),
    welcomed: conversationState.createProperty<boolean>('welcomed'),
  };
  const bot = new Ha30Bot(conversationState, userState, new RootDialog(services, memory), createLogger('silent'));
  return new TestAdapter(async (context) => bot.run(context), { locale: 'fr-FR' });
}
