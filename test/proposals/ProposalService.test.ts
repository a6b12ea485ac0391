import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Actor, MAX_PENDING_PER_ORGANISATION, ProposalError, ProposalService } from '../../src/proposals';
import type { TenderEntry } from '../../src/tenders/knowledgeTenders';
import { ProposalStore, PROPOSALS_DIR, PROPOSALS_FILE } from '../../src/store/ProposalStore';
import { ORGANISATIONS, purchase } from './support';

const BUYER: Actor = { login: 'marie.dupont', role: 'buyer', orgId: 'ha30-nimes-metropole' };
const OTHER: Actor = { login: 'jean.chu', role: 'buyer', orgId: 'ha30-chu-nimes' };
const CCI: Actor = { login: 'paul.cci', role: 'cci', orgId: 'cci-gard' };

/** The editor's `upcoming` collection, as far as the service sees it. */
class FakeUpcoming {
  readonly created: { entry: TenderEntry; who: string }[] = [];
  failWith?: Error;
  async slugs() {
    return new Set(this.created.map((c) => c.entry.slug));
  }
  async create(entry: TenderEntry, who: string) {
    if (this.failWith) throw this.failWith;
    this.created.push({ entry, who });
    return { action: 'proposal.approve' };
  }
}

async function refusal(promise: Promise<unknown>): Promise<ProposalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProposalError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('ProposalService: buyers propose, the CCI approves', () => {
  let dir: string;
  let upcoming: FakeUpcoming;
  let service: ProposalService;
  const now = new Date('2026-12-02T10:00:00Z');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ha30-proposals-'));
    upcoming = new FakeUpcoming();
    service = new ProposalService({ store: ProposalStore.open(dir), organisations: () => ORGANISATIONS, upcoming, now: () => now });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stored = () => JSON.parse(readFileSync(path.join(dir, PROPOSALS_DIR, PROPOSALS_FILE), 'utf8')).proposals;

  it('keeps a pending proposal of the buyer’s own organisation, seen by them and the CCI only', async () => {
    const proposal = await service.propose(BUYER, purchase({ buyer: { name: 'CHU', organisationId: 'ha30-chu-nimes' } }));
    expect(proposal).toMatchObject({ status: 'pending', org: 'ha30-nimes-metropole', who: 'marie.dupont' });
    expect(stored()).toHaveLength(1);
    expect((await service.list(BUYER)).map((p) => p.id)).toEqual([proposal.id]);
    expect(await service.list(OTHER)).toEqual([]);
    expect((await service.list(CCI)).map((p) => p.id)).toEqual([proposal.id]);
  });

  it('stores nothing for an invalid proposal', async () => {
    const error = await refusal(service.propose(BUYER, purchase({ expectedPublicationDate: '2025-01' })));
    expect(error.code).toBe('INVALID');
    expect(error.problems[0]!.path).toBe('/expectedPublicationDate');
    expect(await service.list(CCI)).toEqual([]);
  });

  it('approves: the purchase goes to the upcoming collection with a slug, once, and the status changes', async () => {
    const proposal = await service.propose(BUYER, purchase());
    const approved = await service.approve(CCI, proposal.id);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'paul.cci', upcomingId: 'ha30-nimes-metropole-refection-de-la-toiture-du-gymnase-jean-bouin' });
    expect(upcoming.created).toEqual([{ entry: expect.objectContaining({ slug: approved.upcomingId, title: 'Réfection de la toiture du gymnase Jean-Bouin', buyer: { name: expect.any(String), organisationId: 'ha30-nimes-metropole' } }), who: 'paul.cci' }]);
    expect((await refusal(service.approve(CCI, proposal.id))).code).toBe('NOT_PENDING');
    expect(upcoming.created).toHaveLength(1);
  });

  it('two approvals at once create the purchase once', async () => {
    const proposal = await service.propose(BUYER, purchase());
    const results = await Promise.allSettled([service.approve(CCI, proposal.id), service.approve(CCI, proposal.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(upcoming.created).toHaveLength(1);
  });

  it('an approval the knowledge refuses leaves the proposal pending, and the next one finishes it without a duplicate', async () => {
    const proposal = await service.propose(BUYER, purchase());
    upcoming.failWith = new ProposalError('REFUSED_BY_KNOWLEDGE', 'refusé');
    expect((await refusal(service.approve(CCI, proposal.id))).code).toBe('REFUSED_BY_KNOWLEDGE');
    expect((await service.list(CCI))[0]!.status).toBe('pending');
    upcoming.failWith = undefined;
    expect((await service.approve(CCI, proposal.id)).status).toBe('approved');
    expect(upcoming.created).toHaveLength(1);
  });

  it('a buyer can neither approve nor reject; a reject needs a reason, kept scrubbed', async () => {
    const proposal = await service.propose(BUYER, purchase());
    expect((await refusal(service.approve(BUYER, proposal.id))).code).toBe('FORBIDDEN');
    expect((await refusal(service.reject(OTHER, proposal.id, 'non'))).code).toBe('FORBIDDEN');
    expect((await refusal(service.reject(CCI, proposal.id, '  '))).code).toBe('INVALID');
    expect((await refusal(service.reject(CCI, proposal.id, 42))).code).toBe('INVALID');
    const rejected = await service.reject(CCI, proposal.id, 'Déjà annoncé au BOAMP, voir M. Jean Martin au 06 12 34 56 78');
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'paul.cci' });
    expect(rejected.reason).toBe('Déjà annoncé au BOAMP, voir M. [nom] au [téléphone]');
    expect((await refusal(service.approve(CCI, 'p-inconnu'))).code).toBe('NOT_FOUND');
  });

  it('the CCI proposes for a named member; a buyer without organisation cannot propose', async () => {
    expect((await service.propose(CCI, purchase({ buyer: { name: 'x', organisationId: 'ha30-chu-nimes' } }))).org).toBe('ha30-chu-nimes');
    expect((await refusal(service.propose(CCI, purchase()))).code).toBe('INVALID');
    expect((await refusal(service.propose(CCI, purchase({ buyer: { name: 'x', organisationId: 'nulle-part' } })))).code).toBe('INVALID');
    expect((await refusal(service.propose({ login: 'x', role: 'buyer' }, purchase()))).code).toBe('FORBIDDEN');
  });

  it(`refuses more than ${MAX_PENDING_PER_ORGANISATION} pending proposals of one organisation`, async () => {
    for (let i = 0; i < MAX_PENDING_PER_ORGANISATION; i++) await service.propose(BUYER, purchase({ title: `Achat numéro ${i}` }));
    expect((await refusal(service.propose(BUYER, purchase()))).code).toBe('TOO_MANY');
    expect((await service.propose(OTHER, purchase())).org).toBe('ha30-chu-nimes');
  });
});
