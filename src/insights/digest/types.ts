import type { FaqAsker } from '../../faq/types';
import type { Messages } from '../../knowledge/Messages';
import type { InsightsService } from '../InsightsService';
import type { TenderForInterest } from '../tenderInterest';

/** What an SME chose to tell the club (the Témoigner goal), already scrubbed and consented. */
export interface Testimony {
  text: string;
  trade?: string;
  sizeBand?: string;
  /** ISO time of the start of the month it was given in (nothing finer is kept). */
  at: string;
}

/**
 * A bid-check rule as the digest reads it: its remedy (one wording, or one per stage) and the
 * detectors' parameters, where a month window (`setting` or `months`) fills « {months} ». The
 * loaded rules (`knowledge.rules`) fit as they are.
 */
export interface DigestRule {
  id: string;
  remedy: string | Readonly<Record<string, string>>;
  detect: readonly { params?: Readonly<Record<string, unknown>> }[];
}

/** What the digest reads from the knowledge; asked again at each render, so a hot reload applies. */
export interface DigestKnowledge {
  messages: Messages;
  rules: readonly DigestRule[];
  /** knowledge/rules/settings.json as loaded (`knowledge.checkSettings`): its month windows fill the remedies. */
  checkSettings: object;
  /** FAQ topic id → title (`faqContext(faq).topicTitles`). */
  topicTitles: ReadonlyMap<string, string>;
  /** The FAQ in service: a cluster of questions it now answers is shown as « déjà traitée », apart from the open ones. */
  faq?: FaqAsker;
}

/** Everything the digest is made from; the route and the command line build it the same way. */
export interface DigestSources {
  insights: InsightsService;
  knowledge: () => DigestKnowledge;
  /** A tender of the catalogue by id (`catalogue.get`), to name the flagged ones; unknown ids are shown by reference. */
  tender?: (id: string) => TenderForInterest | undefined;
  /** Every testimony kept; the digest takes the month's. Absent until the testimonies exist. */
  testimonies?: () => Promise<readonly Testimony[]>;
}
