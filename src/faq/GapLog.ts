import { prepareForStorage } from '../privacy';
import type { GapStore } from '../store/GapStore';
import { GAP_KINDS } from '../store/GapStore';
import { channelOf, confidenceOf, hourOf, topicIdOf } from './recordFields';
import type { GapInput, GapKind, GapRecord, GapRecorder } from './types';

/** Where a record that could not be written is reported (a pino logger); never with its text. */
export interface RecordWarnings {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface FaqRecorderOptions {
  now?: () => Date;
  logger?: RecordWarnings;
}

/** Characters of a question kept in the gap log. */
export const MAX_GAP_QUESTION = 500;

/**
 * The gap log as the chat and `ask --log` write it: the question cleaned of markup and scrubbed of
 * personal data, the hour, the channel, the classifier's guess — the record is built field by
 * field, so a caller handing in more (a user id, a conversation) cannot get it stored. A write
 * that fails is logged and retried with the next one: recording never breaks a conversation.
 */
export class GapLog implements GapRecorder {
  private readonly now: () => Date;

  constructor(
    private readonly store: GapStore,
    private readonly options: FaqRecorderOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async record(input: GapInput): Promise<void> {
    if (!GAP_KINDS.includes(input.kind)) return;
    const record: GapRecord = {
      at: hourOf(this.now()),
      kind: input.kind as GapKind,
      question: prepareForStorage(input.question, { maxLength: MAX_GAP_QUESTION }),
      channel: channelOf(input.channel),
      topicGuess: topicIdOf(input.topicGuess),
      confidence: confidenceOf(input.confidence),
    };
    try {
      await this.store.append(record);
    } catch (error) {
      this.options.logger?.warn({ event: 'faq_gap_not_saved', err: error }, 'FAQ gap not written yet (retried with the next one)');
    }
  }
}
