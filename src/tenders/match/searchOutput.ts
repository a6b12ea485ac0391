import { contactForTender } from '../../contacts/contacts';
import type { Directory } from '../../contacts/loadDirectory';
import { sharedDirectory } from '../../contacts/loadDirectory';
import type { Tender, TenderStatus } from '../types';
import { sharedCpvCatalogue } from './cpv';
import { type MatchText, sharedMatchText } from './fit';
import { parseProfile } from './profile';
import { rankTenders } from './TenderIndex';

/** One line of `tenders search --json` (cli-contract.md §3), exactly these fields. */
export interface SearchResult {
  id: string;
  title: string;
  buyer: string;
  deadline: string | null;
  status: TenderStatus;
  score: number;
  reasons: string[];
  contact: { organisation: string; channel: string };
  url: string | null;
}

export type SearchOutcome = { ok: true; results: SearchResult[] } | { ok: false; errors: string[] };

export interface SearchOptions {
  /** Reference date "YYYY-MM-DD" (Europe/Paris) or a Date; default now. */
  date?: string | Date;
  limit?: number;
  directory?: Directory;
  /** The texts (knowledge/messages.json); the shipped ones when not given. */
  text?: MatchText;
}

/** "2026-12-01" → midnight in Paris that day (the contract's dates are Europe/Paris). */
const PARIS_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });

export function referenceInstant(date: string | Date | undefined): Date | undefined {
  if (date === undefined) return new Date();
  if (date instanceof Date) return Number.isFinite(date.getTime()) ? date : undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const check = new Date(utcMidnight);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  // Paris is UTC+1 or UTC+2: find the offset at that day from the formatter, not a fixed guess.
  const parisHour = Number(PARIS_HOUR.format(utcMidnight));
  return new Date(utcMidnight - parisHour * 3_600_000);
}

/** The public id of the contract: BOAMP's idweb ("26-81510"), else the catalogue id. */
function publicId(tender: Tender): string {
  return tender.source === 'boamp' ? tender.sourceId : tender.id;
}

/**
 * The engine of `npm run tenders -- search --json --profile profile.json`: validates the profile
 * (French messages), ranks the catalogue at the reference date and shapes each result as the
 * contract says. Example tenders say so in their reasons, so that no answer passes one off as real.
 */
export function searchCommand(catalogue: readonly Tender[], profileJson: unknown, options: SearchOptions = {}): SearchOutcome {
  const cpv = sharedCpvCatalogue();
  const parsed = parseProfile(profileJson, (division) => cpv.hasDivision(division));
  const text = options.text ?? sharedMatchText();
  const errors = parsed.ok ? [] : [...parsed.errors];
  const now = referenceInstant(options.date);
  if (!now) errors.push(text('tenders.search.badDate', { date: String(options.date) }));
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) errors.push(text('tenders.search.badLimit'));
  if (!parsed.ok || errors.length || !now) return { ok: false, errors };
  const directory = options.directory ?? sharedDirectory();
  const example = text('tenders.search.example');
  const ranked = rankTenders(catalogue, parsed.profile, { now, limit, text });
  return {
    ok: true,
    results: ranked.map(({ tender, score, reasons }) => {
      const contact = contactForTender(tender, directory, text);
      return {
        id: publicId(tender),
        title: tender.title,
        buyer: tender.buyer.name,
        deadline: tender.deadlineAt ?? null,
        status: tender.status,
        score,
        reasons: tender.source === 'example' ? [example, ...reasons] : reasons,
        contact: { organisation: contact.organisation, channel: contact.channel },
        url: tender.noticeUrl ?? null,
      };
    }),
  };
}
