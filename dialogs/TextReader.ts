import type { Command, IntentResult } from '../src/intents/IntentClassifier';
import type { FaqUnderstanding } from '../src/faq/types';
import { GOAL_IDS, type GoalId } from '../src/knowledge/types';
import { isContactRequest } from './ContactClubDialog';
import type { DialogServices } from './DialogServices';
import { isProfileSentence } from './FindTendersDialog';
import { normalizeText } from '../src/intents/normalizeText';
import { isBareAskRequest, looksLikeQuestion, namesGoalObject, withoutMarkup } from './requestShape';

export type GoalRoute = { kind: 'goal'; goal: GoalId; withFiles: boolean; tenderId?: string; text?: string; more?: boolean; fromIntent?: boolean };
export type QuestionRoute = { kind: 'question'; text: string; understood: FaqUnderstanding };
/** What a typed text asks for, social words and commands aside. */
export type TextReading = GoalRoute | QuestionRoute | { kind: 'welcome' | 'unknown' };
export type Social = 'thanks' | 'goodbye';

const COMMAND_MAX_CHARS = 100;
/** Longer messages, or ones with a number, are answers or requests even when they start with "merci". */
const SOCIAL_MAX_WORDS = 6;
const SOCIAL_INTENTS: readonly string[] = ['THANKS', 'GOODBYE'];
/**
 * The goal model's margin over its runner-up above which its reading may overrule an answer the FAQ
 * is sure of — and then only for a text that names what the goal works on.
 */
const GOAL_CONFIDENT = 0.8;

/** « bonjour, », « salut à tous ! », « bonjour madame » before what the SME came to say. */
const LEADING_GREETING =
  /^\s*(re ?)?(bonjour|bonsoir|salut|hello|coucou|bjr|slt|hey)( (a (tous|vous)|madame|monsieur|messieurs|mesdames|le bot))?\s*[,.!;:\-–]*\s+/i;

/** « tu connais un bon comptable », « vous savez si… »: asked of the bot, « ? » or not. */
const ASKED_OF_BOT = /(^| )(tu connais|vous connaissez|connais tu|connaissez vous|tu sais|vous savez|savez vous|sais tu)( |$)/;

/**
 * « j'ai une question sur le DUME », « question : … », « autre question, … »: announced as a question,
 * so never the answer to the prompt under way. Captures what follows the announcement.
 */
const ANNOUNCED_QUESTION =
  /^\s*(?:(?:j\s*['’]?\s*ai|j\s*['’]?\s*aurais|encore|une|petite|autre|nouvelle)\s+)*questions?\b[\s:,.!?\-–]*(?:(?:sur|concernant|[aà] propos d[eu']?|au sujet d[eu']?|pour)\s+)?(.*)$/is;

/**
 * How the chat reads what the SME typed: a command, a thank-you or a goodbye, a request for a goal,
 * or a question for the FAQ — the same reading at the root and in the middle of a goal.
 */
export class TextReader {
  /**
   * The last text each model read: a turn reads its text several times (social words, then the
   * request, at the root or while a goal waits). Each model is fixed after training, so a reading is
   * a pure function of the text and the model; one entry is enough for the repeats of a turn.
   */
  private lastIntent?: { text: string; by: DialogServices['intents']; result: IntentResult };
  private lastFaq?: { text: string; by: DialogServices['faq']; result: FaqUnderstanding };

  constructor(private readonly services: DialogServices) {}

  /**
   * A typed request or question. A goal the intent model reads wins, as a request (« vérifier mon
   * dossier »); but a question that only sounds like a goal (« je peux contester l'attribution ? »,
   * « c'est quoi un marché de conception-réalisation ? ») goes to the FAQ unless it names what the
   * goal works on. Then the FAQ: an answer, « which one? », or for a question it cannot answer, an
   * honest « je ne sais pas »; what is neither a request nor a question is « je n'ai pas compris ».
   */
  read(typed: string): TextReading {
    const text = withoutMarkup(typed);
    if (!text) return { kind: 'unknown' };
    // « bonjour, mon client me paie pas, je fais quoi ? »: the question is what to read; the welcome
    // is only for a greeting with nothing readable after it.
    const rest = withoutGreeting(text);
    if (rest !== text) {
      const reading = this.readRequest(rest);
      return reading.kind === 'unknown' ? { kind: 'welcome' } : reading;
    }
    return this.readRequest(text);
  }

  private readRequest(text: string): TextReading {
    const classified = this.classify(text).intent;
    // Not a thank-you (see social), so a request wrapped in politeness: "merci de vérifier mon dossier".
    const intent = classified === 'THANKS' || classified === 'GOODBYE' ? this.requestInside(text) : classified;
    const fromIntent = GOAL_IDS.find((id) => id === intent);
    const goal = fromIntent ?? (intent === null ? this.unclassifiedGoal(text) : undefined);
    const understood = this.understand(text);
    const question: QuestionRoute = { kind: 'question', text, understood };
    const asked = asksSomething(text);
    // « which one? » only for what was asked: a stray « non » or « PME » is no question to ask about.
    const found = understood.decision === 'answer' || (understood.decision === 'choose' && asked);
    if (goal === 'ASK_QUESTION') return found || !isBareAskRequest(text) ? question : { kind: 'goal', goal, withFiles: false, fromIntent: true };
    if (goal) {
      const request: GoalRoute = { kind: 'goal', goal, withFiles: false, text, fromIntent: fromIntent !== undefined };
      // An answer the FAQ is sure of beats a goal guessed from a word or two (« je peux proposer une
      // variante », « … pas de bilan, je peux candidater »): the goal wins only when its model is sure
      // too (or the text asks nothing: « je veux contacter un acheteur du club ») and the text names what
      // the goal works on.
      if (understood.decision === 'answer') return fromIntent && classified !== null && (this.confident(text) || !asked) && this.namesGoal(goal, text) ? request : question;
      if (!asked || this.namesGoal(goal, text)) return request;
      if (found) return question;
      // A situation the directory knows (« la mairie me paie pas, je fais quoi ? ») beats « je ne sais pas »;
      // a trade in a question (« tu connais un bon garagiste à Uzès ? ») is no tender search.
      return goal === 'CONTACT_CLUB' && !fromIntent ? request : question;
    }
    if (found) return question;
    if (intent === 'GREETING') return { kind: 'welcome' };
    if (asked && understood.decision === 'unknown') return question;
    return { kind: 'unknown' };
  }

  /** The text names what the goal works on (a trade alone does not: « tu connais un bon garagiste ? »). */
  namesGoal(goal: GoalId, text: string): boolean {
    return namesGoalObject(goal, text);
  }

  /**
   * A text announced as a question (« j'ai une question sur le DUME », « question : … »), with what
   * it asks; undefined for any other text. `asked` is empty for a bare « j'ai une question ».
   */
  announcedQuestion(typed: string): { asked: string } | undefined {
    const match = ANNOUNCED_QUESTION.exec(withoutGreeting(withoutMarkup(typed)));
    return match ? { asked: (match[1] ?? '').trim() } : undefined;
  }

  private confident(text: string): boolean {
    return this.services.intents.classify(text).confidence >= GOAL_CONFIDENT;
  }

  /** What the intent model misses: an SME describing itself, or a situation or event request. */
  private unclassifiedGoal(text: string): GoalId | undefined {
    // « tu connais un bon comptable à Nîmes » names a trade and a town but asks for no tender.
    const describesItself = !asksSomething(text) || namesGoalObject('FIND_TENDERS', text);
    if (describesItself && isProfileSentence(text, this.services.cpv, this.services.places)) return 'FIND_TENDERS';
    return isContactRequest(text, this.services.directory) ? 'CONTACT_CLUB' : undefined;
  }

  /**
   * "aide", "annuler", "recommencer" typed alone. A pasted page is never a command, and comparing a
   * 10 000-letter word with each command letter by letter costs seconds: it is not tried.
   */
  command(text: string | undefined): Command | null {
    return text && text.length <= COMMAND_MAX_CHARS ? this.services.intents.command(text) : null;
  }

  /** "merci", "merci beaucoup", "au revoir", "bonne journée", "à plus", "bye"… (knowledge/intents.json). */
  social(text: string | undefined): Social | undefined {
    const trimmed = text?.trim() ?? '';
    if (!trimmed || /\d/.test(trimmed) || trimmed.split(/\s+/).length > SOCIAL_MAX_WORDS) return undefined;
    const { intent } = this.classify(trimmed);
    if (intent !== 'THANKS' && intent !== 'GOODBYE') return undefined;
    // "merci de vérifier mon dossier" is a request: no word of a social message may point to another
    // intent. "merci, au revoir" is a goodbye.
    const words = this.wordIntents(trimmed);
    if (!words.every((word) => word === null || SOCIAL_INTENTS.includes(word))) return undefined;
    return intent === 'GOODBYE' || words.includes('GOODBYE') ? 'goodbye' : 'thanks';
  }

  // A live reload of the knowledge brings new models: the same text is read again by them.
  private classify(text: string): IntentResult {
    const { intents } = this.services;
    if (this.lastIntent?.text !== text || this.lastIntent.by !== intents) this.lastIntent = { text, by: intents, result: intents.classify(text) };
    return this.lastIntent.result;
  }

  private understand(text: string): FaqUnderstanding {
    const { faq } = this.services;
    if (this.lastFaq?.text !== text || this.lastFaq.by !== faq) this.lastFaq = { text, by: faq, result: faq.understand(text) };
    return this.lastFaq.result;
  }

  /** The intent of each word alone (null for a word that means nothing on its own). */
  private wordIntents(text: string): (string | null)[] {
    return text.split(/\s+/).map((word) => this.services.intents.classify(word).intent);
  }

  /** The intent most words of a polite request point to, social ones aside; null if none. */
  private requestInside(text: string): string | null {
    const counts = new Map<string, number>();
    for (const word of this.wordIntents(text)) if (word && !SOCIAL_INTENTS.includes(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
}

/** The text after a leading greeting, or the text itself. */
export function withoutGreeting(text: string): string {
  const match = LEADING_GREETING.exec(text);
  return match && match[0].length < text.length ? text.slice(match[0].length).trim() : text;
}

/** A question by its shape, or one put to the bot (« tu connais… »). */
export function asksSomething(text: string): boolean {
  return looksLikeQuestion(text) || ASKED_OF_BOT.test(normalizeText(text).replace(/'/g, ' '));
}
