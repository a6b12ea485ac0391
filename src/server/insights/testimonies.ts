import { type CsvTable, monthLabel, monthOfDay, parisDay, type Period, toCsv } from '../../insights';
import type { Testimony } from '../../insights/digest';
import type { Messages } from '../../knowledge/Messages';

export type { Testimony };

/**
 * What SMEs chose to tell the club (issue 10, « les PME viendront témoigner »), as stored: the
 * scrubbed text, with its trade and size band only. The chat goal that collects them is built
 * apart; until it is wired, the app gives NO_TESTIMONIES and the dashboard shows an empty list.
 */
export interface TestimonySource {
  list(): Promise<readonly Testimony[]>;
}

export const NO_TESTIMONIES: TestimonySource = { list: async () => [] };

interface Dated {
  testimony: Testimony;
  day: string;
}

/** The period's testimonies, newest first; dated by month only (a day could tell who spoke). */
async function inPeriod(source: TestimonySource, period: Period): Promise<Dated[]> {
  const dated: Dated[] = [];
  for (const testimony of await source.list()) {
    const day = parisDay(testimony.at);
    if (day && (!period.from || day >= period.from) && (!period.to || day <= period.to)) dated.push({ testimony, day });
  }
  return dated.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}

export async function testimoniesJson(source: TestimonySource, period: Period) {
  const dated = await inPeriod(source, period);
  return {
    period,
    testimonies: dated.map(({ testimony, day }) => ({
      month: monthOfDay(day),
      monthText: monthLabel(monthOfDay(day)),
      text: testimony.text,
      trade: testimony.trade ?? null,
      sizeBand: testimony.sizeBand ?? null,
    })),
  };
}

export async function testimoniesCsv(messages: Messages, source: TestimonySource, period: Period): Promise<string> {
  const table: CsvTable = {
    header: (['month', 'trade', 'size', 'text'] as const).map((column) => messages.text(`insights.csv.testimonies.${column}` as const)),
    rows: (await inPeriod(source, period)).map(({ testimony, day }) => [monthLabel(monthOfDay(day)), testimony.trade ?? '', testimony.sizeBand ?? '', testimony.text]),
  };
  return toCsv(table);
}
