import type { Testimony } from '../insights/digest';
import type { Period } from '../insights/period';
import type { SizeBand } from '../store/TestimonyStore';

export type { Period, SizeBand, Testimony };

/** What the chat hands in once the SME has agreed: texts already shown to it scrubbed. */
export interface TestimonyInput {
  text: string;
  trade?: string;
  sizeBand?: SizeBand;
}

/** A testimony text as it will be kept, or why it cannot be one. */
export type PreparedText = { ok: true; text: string; trimmed: boolean } | { ok: false; reason: 'tooShort' };

/** What the Témoigner dialog may do: prepare the texts it shows, then keep them once confirmed. */
export interface TestimonyRecorder {
  /** Characters of a testimony kept (beyond, it is trimmed and the SME told). */
  readonly maxLength: number;
  /** Months a testimony is kept, told to the SME before it agrees. */
  readonly retentionMonths: number;
  /** The text cleaned of markup and scrubbed of personal data, at most `maxLength` characters. */
  prepareText(raw: string): PreparedText;
  /** A trade in a few words, scrubbed; undefined when nothing usable is left or it is no trade's length. */
  prepareTrade(raw: string): string | undefined;
  /** Scrubs again (what was shown cannot be longer than what is kept) and appends; false when the disk refused it. */
  record(input: TestimonyInput): Promise<boolean>;
}

/** The read side, for the buyers' dashboard and the club digest. */
export interface TestimonySource {
  /** The testimonies of the months the period touches (all when open), the most recent first. */
  list(period?: Period): Promise<Testimony[]>;
}
