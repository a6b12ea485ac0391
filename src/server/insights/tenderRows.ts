import { type InsightsService, mayFlag, signalLabel, type TenderInterestRow } from '../../insights';
import type { Messages } from '../../knowledge/Messages';
import type { Tender } from '../../tenders';
import type { SignedInUser } from '../web';
import { countJson } from './present';

/** The part of the tender catalogue the dashboard reads. */
export interface DashboardTenders {
  all(): readonly Tender[];
  get(id: string): Tender | undefined;
  isExample(tender: Tender | string): boolean;
}

/** Tenders closed this long ago still show their final counts (what happened, for the next one). */
const RECENTLY_CLOSED_DAYS = 30;
/** Rows at most: a buyer has a handful of open tenders, the club a few hundred. */
const MAX_ROWS = 300;
const DAY_MS = 86_400_000;

function recent(tender: Tender, now: Date): boolean {
  if (!tender.deadlineAt) return tender.lifecycle === 'ACTIVE';
  const deadline = Date.parse(tender.deadlineAt);
  return Number.isFinite(deadline) && deadline > now.getTime() - RECENTLY_CLOSED_DAYS * DAY_MS;
}

/**
 * Whose tenders a user sees: a buyer those of their organisation, the CCI those of every club
 * member (a tender tied to an organisation of knowledge/contacts.json). Open ones, and those
 * closed within a month.
 */
export function visibleTenders(user: SignedInUser, tenders: readonly Tender[], now: Date): Tender[] {
  return tenders.filter((tender) => {
    const organisation = tender.buyer.organisationId;
    if (!organisation || !recent(tender, now)) return false;
    return user.role === 'cci' || organisation === user.orgId;
  });
}

/** The organisation a flag is set for: the buyer's own, or — for the CCI, on its behalf — the tender's. */
export function flaggingOrganisation(user: SignedInUser, tender: Tender): string | undefined {
  return user.role === 'cci' ? tender.buyer.organisationId : user.orgId;
}

export function userMayFlag(user: SignedInUser, tender: Tender, now: Date): boolean {
  const organisation = flaggingOrganisation(user, tender);
  return organisation !== undefined && mayFlag(tender, organisation, now);
}

function rowJson(messages: Messages, row: TenderInterestRow, tender: Tender, user: SignedInUser, catalogue: DashboardTenders, now: Date) {
  return {
    ...row,
    seen: countJson(messages, row.seen),
    opened: countJson(messages, row.opened),
    checkStarted: countJson(messages, row.checkStarted),
    signalLabel: signalLabel(messages, row.signal),
    /** Flagged by the tender's own organisation (the one the SMEs are nudged about). */
    flagged: row.flags.some((flag) => flag.organisationId === tender.buyer.organisationId),
    mayFlag: userMayFlag(user, tender, now),
    example: catalogue.isExample(tender),
  };
}

export async function tenderRowsJson(insights: InsightsService, messages: Messages, catalogue: DashboardTenders, user: SignedInUser, now: Date) {
  const tenders = visibleTenders(user, catalogue.all(), now);
  const byId = new Map(tenders.map((tender) => [tender.id, tender]));
  const rows = (await insights.tenderInterest(tenders, now)).slice(0, MAX_ROWS);
  return {
    scope: user.role === 'cci' ? ('club' as const) : ('organisation' as const),
    rows: rows.map((row) => rowJson(messages, row, byId.get(row.tenderId)!, user, catalogue, now)),
  };
}

export async function tenderRowsCsv(insights: InsightsService, catalogue: DashboardTenders, user: SignedInUser, now: Date): Promise<string> {
  return insights.tenderInterestCsv(visibleTenders(user, catalogue.all(), now), now);
}
