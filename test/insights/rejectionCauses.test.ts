import path from 'node:path';
import { rejectionCauses, ruleTitles } from '../../src/insights/rejectionCauses';
import { lowerFirst, rejectionSentence, shareText, simpleFraction } from '../../src/insights/shareSentence';
import { Messages } from '../../src/knowledge/Messages';
import { loadKnowledge } from '../../src/loadKnowledge';
import type { CheckStatRecord } from '../../src/store/database';

const knowledge = loadKnowledge(path.resolve(__dirname, '../../knowledge'));
const messages = new Messages(knowledge.messages);
const titles = ruleTitles(knowledge.rules);

function check(day: string, ...findings: [string, string][]): CheckStatRecord {
  return { at: `${day}T09:00:00Z`, documentTypes: ['DC1'], findings: findings.map(([rule, severity]) => ({ rule, severity })) };
}

describe('shares as people say them', () => {
  it.each([
    [1, 4, { count: 1, total: 4, about: false }],
    [3, 12, { count: 1, total: 4, about: false }],
    [7, 23, { count: 3, total: 10, about: true }],
    [13, 50, { count: 1, total: 4, about: true }],
    [2, 150, { count: 2, total: 150, about: false }],
    [40, 40, { count: 1, total: 1, about: false }],
    // Near the whole, no « environ 2 sur 2 »: the counts as they are.
    [39, 40, { count: 39, total: 40, about: false }],
  ])('%d of %d', (count, total, expected) => {
    expect(simpleFraction(count, total)).toEqual(expected);
  });

  it('writes them from the knowledge, with French plurals', () => {
    expect(shareText(messages, 3, 12)).toBe('1 dossier sur 4');
    expect(shareText(messages, 12, 20)).toBe('3 dossiers sur 5');
    expect(shareText(messages, 7, 23)).toBe('environ 3 dossiers sur 10');
    expect(shareText(messages, { lessThan: 3 }, 1234)).toBe('moins de 3 dossiers sur 1\u202f234');
  });

  it('gives the counts as they are for a small number of checks, without « 1 dossier sur 1 »', () => {
    expect(shareText(messages, 1, 4)).toBe('1 dossier sur 4');
    expect(shareText(messages, 6, 10)).toBe('6 dossiers sur 10');
    expect(shareText(messages, 2, 4)).toBe('2 dossiers sur 4');
    expect(shareText(messages, 1, 1)).toBe('le seul dossier vérifié');
    expect(shareText(messages, 2, 2)).toBe('les 2 dossiers vérifiés');
    expect(shareText(messages, 40, 40)).toBe('les 40 dossiers vérifiés');
    expect(shareText(messages, 39, 40)).toBe('39 dossiers sur 40');
    // Cut finer than a month, 1 or 2 cannot be told: among a few checks, « une partie ».
    expect(shareText(messages, { lessThan: 3 }, 4, 'finer')).toBe('une partie des 4 dossiers vérifiés');
    expect(shareText(messages, { lessThan: 3 }, 25, 'finer')).toBe('moins de 3 dossiers sur 25');
  });

  it('does not let the checks without the problem be counted when they are 1 or 2 in a span finer than a month', () => {
    expect(shareText(messages, 4, 5, 'finer')).toBe('presque tous les 5 dossiers vérifiés');
    expect(shareText(messages, 38, 40, 'finer')).toBe('presque tous les 40 dossiers vérifiés');
    expect(shareText(messages, 37, 40, 'finer')).toBe('environ 9 dossiers sur 10');
    expect(shareText(messages, 5, 5, 'finer')).toBe('les 5 dossiers vérifiés');
    // Over whole months nothing is hidden.
    expect(shareText(messages, 4, 5, 'month')).toBe('4 dossiers sur 5');
  });

  it('makes the sentence of the brief, agreeing the verb with the number', () => {
    expect(rejectionSentence(messages, 1, 4, 'Attestation de vigilance trop ancienne')).toBe('1 dossier sur 4 a ce problème\u00a0: attestation de vigilance trop ancienne');
    expect(rejectionSentence(messages, 12, 20, 'SIRET ou SIREN erroné (clé)')).toBe('3 dossiers sur 5 ont ce problème\u00a0: SIRET ou SIREN erroné (clé)');
    expect(rejectionSentence(messages, 1, 1, 'Kbis trop ancien')).toBe('le seul dossier vérifié a ce problème\u00a0: kbis trop ancien');
    expect(rejectionSentence(messages, 3, 3, 'Kbis trop ancien')).toBe('les 3 dossiers vérifiés ont ce problème\u00a0: kbis trop ancien');
    expect(rejectionSentence(messages, { lessThan: 3 }, 6, 'Kbis trop ancien', 'finer')).toBe('une partie des 6 dossiers vérifiés a ce problème\u00a0: kbis trop ancien');
    expect(rejectionSentence(messages, 5, 6, 'Kbis trop ancien', 'finer')).toBe('presque tous les 6 dossiers vérifiés ont ce problème\u00a0: kbis trop ancien');
    expect(lowerFirst('Pli remis après la date limite')).toBe('pli remis après la date limite');
    expect(lowerFirst('IBAN erroné')).toBe('IBAN erroné');
    expect(lowerFirst('A_RULE_SINCE_REMOVED')).toBe('A_RULE_SINCE_REMOVED');
  });
});

describe('rejection causes from the bid-check statistics', () => {
  const stats = [
    check('2026-03-02', ['URSSAF_ATTESTATION_TOO_OLD', 'REGULARISABLE'], ['KBIS_TOO_OLD', 'REGULARISABLE']),
    // One check, two files with the same problem: one dossier concerned.
    check('2026-03-09', ['URSSAF_ATTESTATION_TOO_OLD', 'REGULARISABLE'], ['URSSAF_ATTESTATION_TOO_OLD', 'REGULARISABLE']),
    check('2026-03-16'),
    check('2026-03-23', ['OFFER_LATE', 'ELIMINATORY']),
    check('2026-04-06', ['KBIS_TOO_OLD', 'REGULARISABLE'], ['A_RULE_SINCE_REMOVED', 'ADVICE']),
  ];

  it('counts, per month, the checks each rule and severity appears in and their share', () => {
    const report = rejectionCauses(stats, { from: '2026-03-01', to: '2026-04-30' }, { messages, ruleTitles: titles });
    expect(report.months.map((month) => [month.month, month.cut, month.checks])).toEqual([
      ['2026-03', 'month', 4],
      ['2026-04', 'month', 1],
    ]);
    const march = report.months[0]!;
    expect(march.causes.map((cause) => [cause.rule, cause.severity, cause.checks, cause.share])).toEqual([
      ['URSSAF_ATTESTATION_TOO_OLD', 'REGULARISABLE', 2, 0.5],
      ['OFFER_LATE', 'ELIMINATORY', 1, 0.25],
      ['KBIS_TOO_OLD', 'REGULARISABLE', 1, 0.25],
    ]);
    expect(march.causes[0]!.title).toBe('Attestation de vigilance trop ancienne');
    expect(march.causes[0]!.sentence).toBe('2 dossiers sur 4 ont ce problème\u00a0: attestation de vigilance trop ancienne');
    expect(march.causes[1]!.sentence).toBe('1 dossier sur 4 a ce problème\u00a0: pli remis après la date limite');
    expect(report.months[1]!.causes.find((cause) => cause.rule === 'A_RULE_SINCE_REMOVED')!.title).toBe('A_RULE_SINCE_REMOVED');
    expect(report.overall.causes.slice(0, 2).map((cause) => [cause.rule, cause.checks, cause.share])).toEqual([
      ['KBIS_TOO_OLD', 2, 0.4],
      ['URSSAF_ATTESTATION_TOO_OLD', 2, 0.4],
    ]);
  });

  it('keeps the top N, and only the severities asked for', () => {
    const report = rejectionCauses(stats, {}, { messages, ruleTitles: titles, top: 1, severities: ['ELIMINATORY'] });
    expect(report.overall.causes.map((cause) => cause.rule)).toEqual(['OFFER_LATE']);
    expect(report.period).toEqual({ from: '2026-03-02', to: '2026-04-06' });
  });

  it('protects the months a period only partly covers, not the whole ones', () => {
    const many = [...stats, ...Array.from({ length: 6 }, (_, i) => check(`2026-04-${String(10 + i)}`, ['KBIS_TOO_OLD', 'REGULARISABLE']))];
    const report = rejectionCauses(many, { from: '2026-03-01', to: '2026-04-12' }, { messages, ruleTitles: titles });
    const [march, april] = report.months;
    expect(march!.cut).toBe('month');
    expect(march!.causes[1]!.checks).toBe(1);
    expect(april!.cut).toBe('finer');
    expect(april!.checks).toBe(4);
    expect(april!.causes.map((cause) => [cause.rule, cause.checks, cause.share])).toEqual([
      ['KBIS_TOO_OLD', 4, 1],
      ['A_RULE_SINCE_REMOVED', { lessThan: 3 }, null],
    ]);
    expect(april!.causes[1]!.sentence).toBe('une partie des 4 dossiers vérifiés a ce problème\u00a0: A_RULE_SINCE_REMOVED');
  });

  it('says nothing when a short span holds fewer than 3 checks', () => {
    const report = rejectionCauses(stats, { from: '2026-04-01', to: '2026-04-15' }, { messages, ruleTitles: titles });
    expect(report.months[0]).toMatchObject({ checks: { lessThan: 3 } });
    expect(report.months[0]!.causes.every((cause) => cause.sentence === null && cause.share === null)).toBe(true);
  });
});
