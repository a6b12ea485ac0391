import type { PlainMessageId } from '../knowledge/messageIds';
import type { Messages } from '../knowledge/Messages';
import { SIZE_BANDS, type SizeBand } from '../store/TestimonyStore';

export { SIZE_BANDS, type SizeBand };

/** The wording of each band (knowledge/messages.json), shown on the buttons, the dashboard and the digest. */
export const SIZE_BAND_MESSAGES: Readonly<Record<SizeBand, PlainMessageId>> = {
  '0': 'testimony.band.none',
  '1-9': 'testimony.band.micro',
  '10-49': 'testimony.band.small',
  '50-249': 'testimony.band.medium',
};

/** The band of a head count; none from 250 on (no SME any more, and too few firms to stay unnamed). */
export function sizeBandOf(employees: number | undefined): SizeBand | undefined {
  if (employees === undefined || !Number.isInteger(employees) || employees < 0) return undefined;
  if (employees === 0) return '0';
  if (employees < 10) return '1-9';
  if (employees < 50) return '10-49';
  if (employees < 250) return '50-249';
  return undefined;
}

export function isSizeBand(value: unknown): value is SizeBand {
  return SIZE_BANDS.includes(value as SizeBand);
}

/** The band's wording as the knowledge says it today. */
export function sizeBandLabels(messages: Messages): (band: SizeBand) => string {
  return (band) => messages.text(SIZE_BAND_MESSAGES[band]);
}
