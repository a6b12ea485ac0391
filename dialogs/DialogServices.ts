import type { StatePropertyAccessor } from 'botbuilder';
import type { FileIntake } from '../src/attachments/FileIntake';
import type { BidCheckService, BidContext, DossierSessions } from '../src/bidcheck';
import type { Directory } from '../src/contacts';
import type { FaqAsker, FeedbackRecorder, GapRecorder } from '../src/faq/types';
import type { TenderInterestRecorder } from '../src/insights/types';
import type { IntentClassifier } from '../src/intents/IntentClassifier';
import type { Messages } from '../src/knowledge/Messages';
import type { Goal } from '../src/knowledge/types';
import type { Places } from '../src/tenders/profileFromText';
import type { TenderCatalogue } from '../src/tenders';
import type { TestimonyRecorder } from '../src/testimonies';
import type { CpvCatalogue, SmeProfile } from '../src/tenders/match';
import type { FaqMemory } from './faq/faqMemory';

/** The SME's profile as kept in user state, with the town it named (for the summary only). */
export interface StoredProfile extends SmeProfile {
  town?: string;
  savedAt: string;
}

/** Where the last tender search stands, to page through it ("plus de résultats"). */
export interface LastSearch {
  offset: number;
}

/** Conversation memory the dialogs keep across goals. */
export interface ConversationMemory {
  /** The answers of the last dossier check, reused when the SME sends corrected files. */
  lastCheckContext: StatePropertyAccessor<BidContext>;
  /** Kept in user state (not the conversation): the SME's profile, until "oublier mon profil". */
  profile: StatePropertyAccessor<StoredProfile>;
  lastSearch: StatePropertyAccessor<LastSearch>;
  /** The FAQ answers shown lately and a pending "which one do you mean": what their buttons refer to. */
  faq: StatePropertyAccessor<FaqMemory>;
  /** Whether this conversation has seen the welcome card: a later « bonjour » gets one line, not the card again. */
  welcomed?: StatePropertyAccessor<boolean>;
}

/** What the dialogs may use: domain services only — never storage, parsers or the network. */
export interface DialogServices {
  messages: Messages;
  intents: IntentClassifier;
  goals: readonly Goal[];
  files: FileIntake;
  bidCheck: BidCheckService;
  dossiers: DossierSessions;
  /** Opened once at start; re-read before each search so that a CLI import is seen. */
  tenders: TenderCatalogue;
  cpv: CpvCatalogue;
  /** Towns and departments of knowledge/places.json, for profiles typed in the chat (live like the rest). */
  places: Places;
  directory: Directory;
  /** Trained once at start; `understand` is a pure lookup. */
  faq: FaqAsker;
  /** Unanswered, low-confidence and unhelpful questions, for the buyers (it scrubs before storing). */
  gaps: GapRecorder;
  /** The anonymous "Cette réponse vous a aidé ? Oui / Non". */
  feedback: FeedbackRecorder;
  /** What SMEs agree to tell the club (it scrubs before storing, and keeps nothing else). */
  testimonies: TestimonyRecorder;
  /** Distinct SMEs per tender (seen, opened, check started), for the buyers: it keeps no user id. */
  interest: TenderInterestRecorder;
}
