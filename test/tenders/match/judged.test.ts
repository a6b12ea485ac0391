import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TenderIndex } from '../../../src/tenders/match/TenderIndex';
import type { SmeProfile } from '../../../src/tenders/match/profile';
import type { Tender, TenderNature, TenderStatus } from '../../../src/tenders/types';

/**
 * Regression floor on the *dev* profiles of the judged set only. The held-out profiles are never
 * read here: bench/tenders.mjs reports their nDCG@5, so that tests cannot be tuned on them.
 */
const FIXTURES = path.join(__dirname, 'fixtures');
const DAY = 86_400_000;

function judgedTenders(now: Date): Tender[] {
  return readFileSync(path.join(FIXTURES, 'judged-tenders.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [id, status, nature, cpv, departments, town, value, months, daysLeft, buyer, title, description] = line.split('\t') as string[];
      return {
        id: `example:${id}`, source: 'example', sourceId: id!, status: status as TenderStatus, lifecycle: 'ACTIVE',
        noticeType: status === 'UPCOMING' ? 'projet_achat' : 'avis_de_marche', title: title!, description,
        buyer: { name: buyer! }, nature: nature as TenderNature, cpv: cpv!.split(','), departments: departments!.split(','), town,
        estimatedValue: value ? { amountEur: Number(value) } : undefined, durationMonths: months ? Number(months) : undefined,
        deadlineAt: daysLeft ? new Date(now.getTime() + Number(daysLeft) * DAY).toISOString() : undefined,
        expectedPublicationDate: status === 'UPCOMING' ? '2027-03-01' : undefined,
        lots: [], socialClause: false, environmentalClause: false, reserved: /marché réservé/i.test(title!), keywords: [], relatedSourceIds: [], updatedAt: now.toISOString(),
      } satisfies Tender;
    });
}

function ndcgAt(ranked: string[], judgments: Record<string, number>, k: number): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judgments[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments).sort((a, b) => b - a).slice(0, k).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

describe('judged profiles (dev split)', () => {
  const judged = JSON.parse(readFileSync(path.join(FIXTURES, 'judged-profiles.json'), 'utf8')) as {
    referenceDate: string;
    profiles: { id: string; split: 'dev' | 'heldout'; profile: SmeProfile; judgments: Record<string, number> }[];
  };
  const now = new Date(judged.referenceDate);
  const index = new TenderIndex(judgedTenders(now));
  const dev = judged.profiles.filter((p) => p.split === 'dev');

  it('has twenty profiles, a part of them held out', () => {
    expect(judged.profiles).toHaveLength(20);
    expect(judged.profiles.filter((p) => p.split === 'heldout').length).toBeGreaterThanOrEqual(6);
  });

  it('ranks well on the dev profiles: mean nDCG@5 ≥ 0.85, none below 0.6', () => {
    const scores = dev.map((p) => ndcgAt(index.rank(p.profile, { now, limit: 5 }).map((r) => r.tender.sourceId), p.judgments, 5));
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThanOrEqual(0.85);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.6);
  });

  it('never returns a closed tender of the set (T55, T56 closed at the reference date)', () => {
    for (const p of dev) {
      const ids = index.rank(p.profile, { now, limit: 60 }).map((r) => r.tender.sourceId);
      expect(ids).not.toContain('T55');
      expect(ids).not.toContain('T56');
    }
  });
});
