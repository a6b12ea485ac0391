import type { TenderEntry } from '../tenders/knowledgeTenders';

/**
 * A buyer's proposal of an upcoming purchase (issue 11 item 6; docs/admin-api.md « Buyers propose
 * upcoming purchases »): kept apart from knowledge/ until a CCI adviser approves it, then written to
 * the `upcoming` collection by the knowledge editor, where the catalogue (and the chat) find it.
 */
export type ProposalStatus = 'pending' | 'approved' | 'rejected';

/** The purchase as proposed: an upcoming entry without its slug (the id is chosen on approval). */
export type ProposedPurchase = Omit<TenderEntry, 'slug'>;

export interface Proposal {
  id: string;
  /** ISO instant of the proposal. */
  at: string;
  /** The login that proposed it (an account of the club, not an SME: no personal data of the public). */
  who: string;
  /** The organisation the purchase belongs to: the buyer's own, from their account. */
  org: string;
  status: ProposalStatus;
  record: ProposedPurchase;
  /** Why the CCI refused it (rejected only), scrubbed. */
  reason?: string;
  decidedAt?: string;
  decidedBy?: string;
  /** The slug of the record created in knowledge/tenders/upcoming.json (approved only). */
  upcomingId?: string;
}

/** One thing wrong in a proposal, located as the form shows it: the JSON path of the field, in French. */
export interface ProposalProblem {
  path: string;
  message: string;
}

/** Who acts: the signed-in account, as the routes know it. */
export interface Actor {
  login: string;
  role: 'buyer' | 'cci';
  orgId?: string;
}

/**
 * Where an approved purchase goes: the knowledge editor's `upcoming` collection (validated on a
 * staging copy, written atomically, versioned, then live-reloaded). `slugs` are those already taken.
 */
export interface UpcomingWriter {
  slugs(): Promise<ReadonlySet<string>>;
  create(entry: TenderEntry, who: string): Promise<unknown>;
}
