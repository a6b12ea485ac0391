import { type BidCheckKnowledge, checkKnowledgeFrom } from './bidcheck';
import type { Places } from './tenders/profileFromText';
import type { ContactsFile, EventsFile } from './contacts/types';
import { type FaqKnowledge, faqFrom } from './faq';
import { recoverInstall } from './knowledge/bundle/installFolder';
import { conversationKnowledgeFrom, type KnowledgeFiles, scanKnowledgeFiles } from './knowledge/loadKnowledge';
import { type KnowledgeProblem, throwIfAny } from './knowledge/problems';
import type { ConversationKnowledge } from './knowledge/types';
import { type KnowledgeTenders, knowledgeTendersFrom } from './tenders/knowledgeTenders';
import type { CpvFile } from './tenders/match/cpv';
import { knowledgeProblems, type ValidateOptions } from './validateKnowledge';

/** The club's contacts and events, as their files hold them (src/contacts builds the Directory). */
export interface DirectoryFiles {
  contacts: ContactsFile;
  events: EventsFile;
}

/**
 * Everything the assistant knows: the conversation's texts and intents, the bid check's rules, the
 * FAQ, the club's directory, the CPV codes and the hand-written tenders — plain data, all of it from
 * one read of the folder (a live reload posts it from a worker thread).
 */
export type Knowledge = ConversationKnowledge &
  BidCheckKnowledge & {
    faq: FaqKnowledge;
    directory: DirectoryFiles;
    cpvCodes: CpvFile['codes'];
    /** Towns and departments as people write them (profiles typed in the chat). */
    places: Places;
    tenders: KnowledgeTenders;
  };

function knowledgeFrom(files: KnowledgeFiles): Knowledge {
  return {
    ...conversationKnowledgeFrom(files),
    ...checkKnowledgeFrom(files),
    faq: faqFrom(files),
    directory: { contacts: files.required('contacts.json') as ContactsFile, events: files.required('events.json') as EventsFile },
    cpvCodes: (files.required('cpv.json') as CpvFile).codes,
    places: files.required('places.json') as Places,
    tenders: knowledgeTendersFrom((name) => files.get(name)),
  };
}

/**
 * Reads a folder once and checks all of it; its knowledge only when it has no problem. For a live
 * reload or an admin save: one read, so that what was validated is exactly what goes live.
 */
export function tryLoadKnowledge(dir: string, options: ValidateOptions = {}): { problems: KnowledgeProblem[]; knowledge?: Knowledge } {
  const { files, problems: fileProblems } = scanKnowledgeFiles(dir);
  const problems = [...fileProblems, ...knowledgeProblems(files, options)];
  if (problems.length > 0) return { problems };
  return { problems, knowledge: knowledgeFrom(files) };
}

/**
 * Reads and validates the knowledge folder once (start-up): any problem stops here, all of them
 * listed. An import that a crash interrupted is finished first, so the bot starts on a whole folder.
 */
export function loadKnowledge(dir: string): Knowledge {
  try {
    recoverInstall(dir);
  } catch {
    // Best effort (a read-only parent folder, say): a folder left absent is reported just below.
  }
  const { problems, knowledge } = tryLoadKnowledge(dir);
  throwIfAny(problems);
  return knowledge!;
}
