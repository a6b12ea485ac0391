import { randomBytes } from 'node:crypto';
import type { Organisation } from '../accounts/organisations';
import { prepareForStorage } from '../privacy';
import { PROPOSAL_TEXTS } from './proposalTexts';
import { ProposalError } from './ProposalError';
import { slugFor } from './slugFor';
import type { Actor, Proposal, UpcomingWriter } from './types';
import { validateProposal } from './validateProposal';

/** What the service needs of the store (src/store/ProposalStore.ts). */
export interface ProposalRepository {
  all(): Promise<Proposal[]>;
  change<T>(change: (proposals: Proposal[]) => { proposals: Proposal[]; result: T } | undefined): Promise<T | undefined>;
}

export interface ProposalServiceDeps {
  store: ProposalRepository;
  /** The organisations of knowledge/contacts.json (live: a contacts edit is seen at once). */
  organisations: () => readonly Organisation[];
  upcoming: UpcomingWriter;
  now?: () => Date;
}

/** Beyond this, an organisation waits for the CCI: a stuck script cannot fill the adviser's queue. */
export const MAX_PENDING_PER_ORGANISATION = 50;
export const MAX_REASON_CHARS = 500;

/**
 * Buyers propose upcoming purchases of their own organisation; a CCI adviser approves (the purchase
 * is written to knowledge/ through the editor, so the catalogue and the chat find it) or rejects
 * with a reason the buyer reads. A buyer never sees nor touches another organisation's proposals.
 */
export class ProposalService {
  private readonly now: () => Date;
  /** Decisions one at a time: two advisers clicking « Approuver » together create one purchase. */
  private deciding: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ProposalServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The organisation a proposal of `actor` belongs to: a buyer's own; for the CCI, the one named. */
  private organisationOf(actor: Actor, input: unknown): Organisation {
    const organisations = this.deps.organisations();
    const named = actor.role === 'cci' ? (input as { buyer?: { organisationId?: unknown } } | null)?.buyer?.organisationId : actor.orgId;
    if (actor.role === 'buyer' && !actor.orgId) throw new ProposalError('FORBIDDEN', PROPOSAL_TEXTS.noOrganisation);
    if (typeof named !== 'string' || !named) throw new ProposalError('INVALID', PROPOSAL_TEXTS.cciNeedsOrganisation, [{ path: '/buyer/organisationId', message: PROPOSAL_TEXTS.cciNeedsOrganisation }]);
    const found = organisations.find((organisation) => organisation.id === named);
    if (!found) throw new ProposalError('INVALID', PROPOSAL_TEXTS.unknownOrganisation(named), [{ path: '/buyer/organisationId', message: PROPOSAL_TEXTS.unknownOrganisation(named) }]);
    return found;
  }

  private check(input: unknown, organisation: Organisation) {
    const checked = validateProposal(input, {
      organisation: { id: organisation.id, name: organisation.name },
      organisations: new Set(this.deps.organisations().map((entry) => entry.id)),
      now: this.now(),
    });
    if (!checked.ok) throw new ProposalError('INVALID', PROPOSAL_TEXTS.invalid, checked.problems);
    return checked.record;
  }

  async propose(actor: Actor, input: unknown): Promise<Proposal> {
    const organisation = this.organisationOf(actor, input);
    const record = this.check(input, organisation);
    const proposal: Proposal = { id: `p-${randomBytes(8).toString('hex')}`, at: this.now().toISOString(), who: actor.login, org: organisation.id, status: 'pending', record };
    await this.deps.store.change((proposals) => {
      const pending = proposals.filter((entry) => entry.org === organisation.id && entry.status === 'pending').length;
      if (pending >= MAX_PENDING_PER_ORGANISATION) throw new ProposalError('TOO_MANY', PROPOSAL_TEXTS.tooMany(MAX_PENDING_PER_ORGANISATION));
      return { proposals: [...proposals, proposal], result: proposal };
    });
    return proposal;
  }

  /** A buyer's organisation's proposals, or all for the CCI; newest first. */
  async list(actor: Actor): Promise<Proposal[]> {
    const all = await this.deps.store.all();
    const visible = actor.role === 'cci' ? all : all.filter((proposal) => proposal.org === actor.orgId);
    return [...visible].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  private async pendingOne(actor: Actor, id: string): Promise<Proposal> {
    if (actor.role !== 'cci') throw new ProposalError('FORBIDDEN', PROPOSAL_TEXTS.notYours);
    const proposal = (await this.deps.store.all()).find((entry) => entry.id === id);
    if (!proposal) throw new ProposalError('NOT_FOUND', PROPOSAL_TEXTS.notFound);
    if (proposal.status !== 'pending') throw new ProposalError('NOT_PENDING', PROPOSAL_TEXTS.notPending(proposal.status));
    return proposal;
  }

  private decide<T>(work: () => Promise<T>): Promise<T> {
    const run = this.deciding.catch(() => undefined).then(work);
    this.deciding = run;
    return run;
  }

  private async settle(id: string, change: (proposal: Proposal) => Proposal): Promise<Proposal> {
    const saved = await this.deps.store.change((proposals) => {
      const index = proposals.findIndex((entry) => entry.id === id);
      if (index < 0) throw new ProposalError('NOT_FOUND', PROPOSAL_TEXTS.notFound);
      const next = change(proposals[index]!);
      return { proposals: proposals.map((entry, i) => (i === index ? next : entry)), result: next };
    });
    return saved!;
  }

  /**
   * Writes the purchase to the `upcoming` collection, then marks the proposal approved. The slug is
   * kept on the proposal first: an approval interrupted after the write is finished by the next
   * click instead of creating the purchase twice.
   */
  approve(actor: Actor, id: string): Promise<Proposal> {
    return this.decide(async () => {
      const proposal = await this.pendingOne(actor, id);
      const organisation = this.deps.organisations().find((entry) => entry.id === proposal.org);
      if (!organisation) throw new ProposalError('REFUSED_BY_KNOWLEDGE', PROPOSAL_TEXTS.unknownOrganisation(proposal.org));
      // Checked again: a date may have passed since it was proposed.
      const record = this.check(proposal.record, organisation);
      const taken = await this.deps.upcoming.slugs();
      const slug = proposal.upcomingId ?? slugFor(proposal.org, record.title, taken);
      if (!proposal.upcomingId) await this.settle(id, (entry) => ({ ...entry, upcomingId: slug }));
      if (!taken.has(slug)) {
        await this.deps.upcoming.create({ slug, ...record }, actor.login);
      }
      return this.settle(id, (entry) => ({ ...entry, status: 'approved', decidedAt: this.now().toISOString(), decidedBy: actor.login, upcomingId: slug }));
    });
  }

  reject(actor: Actor, id: string, reason: unknown): Promise<Proposal> {
    return this.decide(async () => {
      await this.pendingOne(actor, id);
      if (typeof reason !== 'string' || !reason.trim()) throw new ProposalError('INVALID', PROPOSAL_TEXTS.reasonMissing, [{ path: '/reason', message: PROPOSAL_TEXTS.reasonMissing }]);
      if (reason.length > MAX_REASON_CHARS) throw new ProposalError('INVALID', PROPOSAL_TEXTS.reasonTooLong(MAX_REASON_CHARS), [{ path: '/reason', message: PROPOSAL_TEXTS.reasonTooLong(MAX_REASON_CHARS) }]);
      const kept = prepareForStorage(reason, { maxLength: MAX_REASON_CHARS });
      return this.settle(id, (entry) => ({ ...entry, status: 'rejected', reason: kept, decidedAt: this.now().toISOString(), decidedBy: actor.login }));
    });
  }
}
