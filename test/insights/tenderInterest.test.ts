import { mayFlag, type TenderForInterest, tenderInterest } from '../../src/insights/tenderInterest';
import type { InterestCounts } from '../../src/insights/types';

const NOW = new Date('2026-03-20T10:00:00Z');

function tender(id: string, deadlineAt: string | undefined, publishedAt = '2026-03-01T08:00:00Z', organisationId = 'ville-nimes'): TenderForInterest {
  return { id, title: `Marché ${id}`, buyer: { name: 'Ville de Nîmes', organisationId }, deadlineAt, publishedAt, status: 'PUBLISHED', lifecycle: 'ACTIVE' };
}

const counts = (seen: number, opened: number, checkStarted: number, engaged = Math.max(opened, checkStarted)): InterestCounts => ({ seen, opened, checkStarted, engaged });

describe('interest of local SMEs per tender', () => {
  const tenders = [
    tender('boamp:nobody', '2026-03-30T12:00:00+02:00'),
    tender('boamp:weak', '2026-04-10T12:00:00+02:00'),
    tender('boamp:liked', '2026-04-02T12:00:00+02:00'),
    tender('boamp:unseen', '2026-03-25T12:00:00+01:00'),
    tender('boamp:fresh', '2026-04-30T12:00:00+02:00', '2026-03-18T08:00:00Z'),
    tender('boamp:past', '2026-03-10T12:00:00+01:00'),
  ];
  const interest = new Map([
    ['boamp:nobody', counts(9, 0, 0)],
    ['boamp:weak', counts(6, 2, 1, 2)],
    ['boamp:liked', counts(12, 5, 3, 6)],
    ['boamp:unseen', counts(1, 0, 0)],
    ['boamp:fresh', counts(4, 0, 0)],
    ['boamp:past', counts(8, 4, 2, 5)],
  ]);
  const flags = [{ tenderId: 'boamp:nobody', organisationId: 'ville-nimes', at: '2026-03-19T08:00:00Z' }];

  it('says, before the deadline, which tenders draw no local interest, the most worrying first', () => {
    const rows = tenderInterest(tenders, interest, flags, { now: NOW });
    expect(rows.map((row) => [row.tenderId, row.signal, row.daysLeft])).toEqual([
      ['boamp:nobody', 'NO_LOCAL_INTEREST', 10],
      ['boamp:weak', 'WEAK_LOCAL_INTEREST', 21],
      ['boamp:unseen', 'FEW_VIEWS', 5],
      ['boamp:fresh', 'TOO_EARLY', 41],
      ['boamp:liked', 'INTEREST', 13],
      ['boamp:past', 'CLOSED', 0],
    ]);
    expect(rows[0]!.flags).toEqual([{ organisationId: 'ville-nimes', at: '2026-03-19T08:00:00Z' }]);
  });

  it('never shows 1 or 2 SMEs for a tender, whose few bidders its buyer could name', () => {
    const rows = Object.fromEntries(tenderInterest(tenders, interest, [], { now: NOW }).map((row) => [row.tenderId, row]));
    expect(rows['boamp:weak']).toMatchObject({ seen: 6, opened: { lessThan: 3 }, checkStarted: { lessThan: 3 } });
    expect(rows['boamp:liked']).toMatchObject({ seen: 12, opened: 5, checkStarted: 3 });
    expect(rows['boamp:nobody']).toMatchObject({ seen: 9, opened: 0, checkStarted: 0 });
  });

  it('lists a tender nobody saw (no event at all) as too few views, not as no interest', () => {
    const [row] = tenderInterest([tender('manual:new', '2026-04-15T12:00:00+02:00')], new Map(), [], { now: NOW });
    expect(row).toMatchObject({ seen: 0, signal: 'FEW_VIEWS', daysLeft: 26 });
  });

  it('counts the days left by calendar day in Paris, as the chat does: 40 from 2 December afternoon to 11 January noon', () => {
    const [row] = tenderInterest([tender('manual:later', '2027-01-11T12:00:00+01:00')], new Map(), [], { now: new Date('2026-12-02T12:55:00Z') });
    expect(row!.daysLeft).toBe(40);
  });

  it('lets a buyer flag only an open tender of their own organisation', () => {
    expect(mayFlag(tenders[0]!, 'ville-nimes', NOW)).toBe(true);
    expect(mayFlag(tenders[0]!, 'departement-gard', NOW)).toBe(false);
    expect(mayFlag(tenders[5]!, 'ville-nimes', NOW)).toBe(false);
    expect(mayFlag(tender('x', undefined, undefined, ''), '', NOW)).toBe(false);
  });
});
