import { type CsvTable, monthLabel, monthOfDay, parisDay, type Period, toCsv } from '../../insights';
import type { Testimony } from '../../insights/digest';
import type { Messages } from '../../knowledge/Messages';

export type { Testimony };

/**
 * What SMEs chose to tell the club (issue 10, « les PME viendront témoigner »), as stored: the
 * scrubbed text, with its trade and size band only, dated by month (a day could tell who spoke).
 * The source chooses by month: a period from 20 November still holds November's testimonies.
 */
export interface TestimonySource {
  /** The testimonies of the months the period touches, the most recent first. */
  list(period: Period): Promise<readonly Testimony[]>;
}

/** "YYYY-MM" of a testimony (Paris time, as the digest reads it): nothing finer is kept. */
function monthOf(testimony: Testimony): string {
  return monthOfDay(parisDay(testimony.at) ?? testimony.at.slice(0, 10));
}

export async function testimoniesJson(source: TestimonySource, period: Period) {
  return {
    period,
    testimonies: (await source.list(period)).map((testimony) => ({
      month: monthOf(testimony),
      monthText: monthLabel(monthOf(testimony)),
      text: testimony.text,
      trade: testimony.trade ?? null,
      sizeBand: testimony.sizeBand ?? null,
    })),
  };
}

export async function testimoniesCsv(messages: Messages, source: TestimonySource, period: Period): Promise<string> {
  const table: CsvTable = {
    header: (['month', 'trade', 'size', 'text'] as const).map((column) => messages.text(`insights.csv.testimonies.${column}` as const)),
    rows: (await source.list(period)).map((testimony) => [monthLabel(monthOf(testimony)), testimony.trade ?? '', testimony.sizeBand ?? '', testimony.text]),
  };
  return toCsv(table);
}
