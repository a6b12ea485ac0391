import { BidCheckService, DEFAULT_LIMITS } from './bidcheck';
import type { Places } from './tenders/profileFromText';
import { type Directory, directoryFrom } from './contacts';
import { FaqService } from './faq';
import { faqContext, ruleTitles } from './insights';
import { IntentClassifier } from './intents/IntentClassifier';
import { Messages } from './knowledge/Messages';
import type { Goal } from './knowledge/types';
import { faqClassifier, type FaqModelSource } from './live/faqClassifiers';
import type { ReloadedKnowledge } from './live/loadInWorker';
import type { Knowledge } from './loadKnowledge';
import type { CheckStatsStore } from './store/CheckStatsStore';
import { CpvCatalogue } from './tenders/match';

/** What the buyers' dashboard and the digest read of the knowledge. */
export type InsightsKnowledge = { messages: Messages; ruleTitles: ReturnType<typeof ruleTitles> } & ReturnType<typeof faqContext>;

/**
 * Everything built from one version of the knowledge: state-free objects, rebuilt whole at each
 * reload and swapped at once (src/knowledge/LiveKnowledge). The stores (statistics, gaps, interest,
 * subscriptions, dossiers) are not here: they outlive the versions.
 */
export interface KnowledgeServices {
  knowledge: Knowledge;
  messages: Messages;
  intents: IntentClassifier;
  goals: readonly Goal[];
  bidCheck: BidCheckService;
  cpv: CpvCatalogue;
  places: Places;
  directory: Directory;
  faq: FaqService;
  insights: InsightsKnowledge;
}

/** The stores the knowledge's services write to: the same across versions. */
export interface KnowledgeStores {
  checkStats: CheckStatsStore;
  /** Trained FAQ models on disk: a start over a FAQ trained before restores it instead of training. */
  faqModels?: FaqModelSource;
}

/** A knowledge read at start (no model: trained here unless already trained) or by a reload (the worker's model). */
export function buildKnowledgeServices(loaded: ReloadedKnowledge, stores: KnowledgeStores): KnowledgeServices {
  const { knowledge } = loaded;
  const messages = new Messages(knowledge.messages);
  return {
    knowledge,
    messages,
    intents: new IntentClassifier(knowledge.intents),
    goals: knowledge.intents.goals,
    bidCheck: new BidCheckService(knowledge, DEFAULT_LIMITS, stores.checkStats),
    cpv: new CpvCatalogue(knowledge.cpvCodes),
    places: knowledge.places,
    directory: directoryFrom(knowledge.directory.contacts, knowledge.directory.events),
    faq: new FaqService(knowledge.faq, messages, faqClassifier(knowledge.faq, loaded.faqKey, loaded.model, stores.faqModels)),
    insights: { messages, ruleTitles: ruleTitles(knowledge.rules), ...faqContext(knowledge.faq) },
  };
}
