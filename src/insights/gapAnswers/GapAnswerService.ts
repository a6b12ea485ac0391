import type { FaqAsker, FaqKnowledge, FaqLink, FaqTopic } from '../../faq/types';
import { type AnsweredBy, answeredBy } from './answeredBy';
import { GapAnswerError } from './GapAnswerError';
import { GAP_ANSWER_TEXTS } from './gapAnswerTexts';
import { planPhrasings } from './planPhrasings';

/**
 * What the flow needs of the knowledge editor (src/knowledge/editor), for the `faqTopics` collection:
 * each write is validated on a staging copy of the whole folder, written atomically, versioned with
 * `action: gap.answer`, and the live knowledge reloads; its refusals (422, 409) go through as they are.
 */
export interface FaqTopicEditor {
  /** The FAQ of the knowledge live now (topics and settings), to plan against. */
  faq(): FaqKnowledge;
  read(id: string): Promise<{ record: FaqTopic; version: string } | undefined>;
  update(id: string, record: FaqTopic, version: string, who: string): Promise<unknown>;
  create(record: FaqTopic, who: string): Promise<unknown>;
}

/** The FAQ the chat answers with, and when the one of the latest knowledge is trained. */
export interface LiveFaq {
  current(): FaqAsker;
  /** True once the FAQ of the knowledge now live is trained; false when `timeoutMs` passed first. */
  trained(timeoutMs: number): Promise<boolean>;
}

export interface NewTopic {
  id: string;
  title: string;
  short: string;
  details?: string[];
  legal?: string[];
  links?: FaqLink[];
}

export type GapAnswerRequest = { questions: string[]; topicId: string } | { questions: string[]; topic: NewTopic };

export interface QuestionOutcome {
  question: string;
  /** The live FAQ now answers it with confidence; 'pending' while it is still training. */
  answered: boolean | 'pending';
  by: AnsweredBy | null;
}

export interface GapAnswerResult {
  change: unknown;
  topicId: string;
  added: string[];
  alreadyThere: string[];
  unreadable: number;
  answered: QuestionOutcome[];
}

export const MAX_QUESTIONS = 200;
/** How long the answer waits for the retrained FAQ before saying « pending » (it trains in ~2 s). */
export const TRAINING_WAIT_MS = 20_000;

function isStrings(value: unknown, max = Number.POSITIVE_INFINITY): value is string[] {
  return Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string');
}

function isLinks(value: unknown): value is FaqLink[] {
  return Array.isArray(value) && value.every((link) => link && typeof link === 'object' && typeof (link as FaqLink).label === 'string' && typeof (link as FaqLink).url === 'string');
}

/** The request as sent (untrusted JSON) → its typed form, or a French refusal. Texts are checked by the editor. */
export function parseGapAnswer(body: unknown): GapAnswerRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new GapAnswerError('INVALID', GAP_ANSWER_TEXTS.notAnObject);
  const { questions, topicId, topic } = body as Record<string, unknown>;
  if (!isStrings(questions, MAX_QUESTIONS) || questions.length === 0) throw new GapAnswerError('INVALID', GAP_ANSWER_TEXTS.questions(MAX_QUESTIONS));
  if ((topicId === undefined) === (topic === undefined)) throw new GapAnswerError('INVALID', GAP_ANSWER_TEXTS.oneTarget);
  if (topicId !== undefined) {
    if (typeof topicId !== 'string' || !topicId) throw new GapAnswerError('INVALID', GAP_ANSWER_TEXTS.oneTarget);
    return { questions, topicId };
  }
  const t = topic as Record<string, unknown> | null;
  const ok =
    !!t && typeof t === 'object' && !Array.isArray(t) && typeof t.id === 'string' && typeof t.title === 'string' && typeof t.short === 'string' &&
    (t.details === undefined || isStrings(t.details, 50)) && (t.legal === undefined || isStrings(t.legal, 50)) && (t.links === undefined || (isLinks(t.links) && t.links.length <= 20));
  if (!ok) throw new GapAnswerError('INVALID', GAP_ANSWER_TEXTS.topicShape);
  const fresh: NewTopic = { id: t.id as string, title: t.title as string, short: t.short as string };
  if (t.details) fresh.details = t.details as string[];
  if (t.legal) fresh.legal = t.legal as string[];
  if (t.links) fresh.links = (t.links as FaqLink[]).map((link) => ({ label: link.label, url: link.url }));
  return { questions, topic: fresh };
}

/**
 * « From a gap cluster to an answer »: a cluster's questions become phrasings of an existing topic,
 * or of a new topic with its answer, through the knowledge editor; then, once the live FAQ has
 * retrained (bounded wait), says which of the questions the chat now answers.
 */
export class GapAnswerService {
  constructor(
    private readonly editor: FaqTopicEditor,
    private readonly live: LiveFaq,
    private readonly waitMs = TRAINING_WAIT_MS,
  ) {}

  async answer(request: GapAnswerRequest, who: string): Promise<GapAnswerResult> {
    const faq = this.editor.faq();
    const targetId = 'topicId' in request ? request.topicId : request.topic.id;
    const existing = await this.editor.read(targetId);
    if ('topicId' in request && !existing) throw new GapAnswerError('NOT_FOUND', GAP_ANSWER_TEXTS.topicUnknown(targetId));
    if ('topic' in request && existing) throw new GapAnswerError('EXISTS', GAP_ANSWER_TEXTS.topicExists(targetId));
    // Plan against the topic as read (its version), not a possibly older live copy.
    const topics = existing ? [...faq.topics.filter((topic) => topic.id !== targetId), existing.record] : faq.topics;
    const plan = planPhrasings(request.questions, topics, faq.settings, targetId);
    if (plan.conflicts.length > 0) throw new GapAnswerError('CONFLICT', GAP_ANSWER_TEXTS.conflict(plan.conflicts), plan.conflicts);
    if (plan.added.length === 0) throw new GapAnswerError('INVALID', plan.alreadyThere.length > 0 ? GAP_ANSWER_TEXTS.nothingNew : GAP_ANSWER_TEXTS.nothingReadable);
    const change = existing
      ? await this.editor.update(targetId, { ...existing.record, phrasings: [...existing.record.phrasings, ...plan.added] }, existing.version, who)
      : await this.editor.create(newTopicRecord((request as { topic: NewTopic }).topic, plan.added), who);
    const ready = await this.live.trained(this.waitMs);
    const current = this.live.current();
    const answered = [...plan.added, ...plan.alreadyThere].map((question): QuestionOutcome => {
      if (!ready) return { question, answered: 'pending', by: null };
      const by = answeredBy(current, question);
      return { question, answered: by?.topicId === targetId, by };
    });
    return { change, topicId: targetId, added: plan.added, alreadyThere: plan.alreadyThere, unreadable: plan.unreadable, answered };
  }
}

function newTopicRecord(topic: NewTopic, phrasings: string[]): FaqTopic {
  return { id: topic.id, title: topic.title, short: topic.short, details: topic.details ?? [], legal: topic.legal ?? [], links: topic.links ?? [], related: [], phrasings };
}
