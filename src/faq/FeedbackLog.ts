import type { FeedbackStore } from '../store/FeedbackStore';
import type { FaqRecorderOptions } from './GapLog';
import { channelOf, hourOf, topicIdOf } from './recordFields';
import type { FeedbackInput, FeedbackRecorder } from './types';

export interface FeedbackLogOptions extends FaqRecorderOptions {
  /** The FAQ's own ids: a card's « Oui / Non » can be forged, an unknown topic is not counted. */
  isKnownTopic?: (id: string) => boolean;
}

/** The anonymous « Cette réponse vous a aidé ? Oui / Non »: topic, answer, channel, hour — nothing else. */
export class FeedbackLog implements FeedbackRecorder {
  private readonly now: () => Date;

  constructor(
    private readonly store: FeedbackStore,
    private readonly options: FeedbackLogOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async record(input: FeedbackInput): Promise<void> {
    const topic = topicIdOf(input.topic);
    if (!topic || typeof input.helpful !== 'boolean' || (this.options.isKnownTopic && !this.options.isKnownTopic(topic))) return;
    try {
      await this.store.append({ at: hourOf(this.now()), topic, helpful: input.helpful, channel: channelOf(input.channel) });
    } catch (error) {
      this.options.logger?.warn({ event: 'faq_feedback_not_saved', err: error }, 'FAQ feedback not written yet (retried with the next one)');
    }
  }
}
