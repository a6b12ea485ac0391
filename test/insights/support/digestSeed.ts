import { openFaqLogs } from '../../../src/faq/openFaqLogs';
import { CheckStatsStore } from '../../../src/store/CheckStatsStore';
import { Database } from '../../../src/store/database';
import { TenderInterestStore } from '../../../src/store/TenderInterestStore';

/**
 * A month of what the bot records, written into DATA_DIR through the real writers (the FAQ's gap and
 * feedback logs, which scrub; the bid check's statistics log; the tender-interest store), at chosen
 * times: November 2026, with a little of October that the November digest must leave out.
 */
export const SEEDED_MONTH = '2026-11';

const VISIT = [
  'la visite de site est obligatoire ? je n ai pas pu y aller',
  'Visite obligatoire ratée : mon offre est-elle éliminée ?',
  'visite du site obligatoire manquée, que faire ?',
  'est ce que la visite de site est obligatoire pour répondre',
  'j ai raté la visite obligatoire du site, appelez moi au 06 12 34 56 78',
];
const ADVANCE = ['comment obtenir l avance forfaitaire sur un marché', 'avance forfaitaire : à partir de quel montant ?', 'l avance forfaitaire est elle obligatoire'];
const OTHERS = ['tu connais un bon garagiste à Uzès ?'];

/** The tender flagged in the month, when the caller gives one (a catalogue tender for the command line). */
export interface SeedOptions {
  flagTender?: { id: string; organisationId: string; deadlineAt?: string };
}

export interface Seeded {
  /** Gaps of November (what the digest must count). */
  gaps: number;
  /** Bid checks of November. */
  checks: number;
  /** The cluster the digest must show first: its questions. */
  visitQuestions: readonly string[];
}

async function writeFaqLogs(dataDir: string): Promise<number> {
  let now = new Date();
  const logs = openFaqLogs(dataDir, { retentionMonths: 1200, now: () => now });
  const at = (iso: string) => (now = new Date(iso));
  const november = [...VISIT, ...ADVANCE, ...OTHERS];
  for (const [index, question] of november.entries()) {
    // Spread over the weeks of the month, the visits first.
    at(`2026-11-${String(2 + index * 2).padStart(2, '0')}T09:20:00Z`);
    await logs.gaps.record({ kind: index % 4 === 3 ? 'LOW_CONFIDENCE' : 'UNANSWERED', question, channel: 'webchat', topicGuess: null, confidence: 0.05 });
  }
  at('2026-10-15T09:00:00Z');
  await logs.gaps.record({ kind: 'UNANSWERED', question: 'question d’octobre sur la visite de site obligatoire', channel: 'webchat', topicGuess: null, confidence: 0.05 });
  const feedback: [string, boolean, string][] = [
    ['FAQ_KBIS_AGE', false, '2026-11-03'],
    ['FAQ_KBIS_AGE', false, '2026-11-05'],
    ['FAQ_KBIS_AGE', false, '2026-11-12'],
    ['FAQ_KBIS_AGE', true, '2026-11-13'],
    ['FAQ_DEADLINE', true, '2026-11-04'],
    ['FAQ_DEADLINE', true, '2026-11-06'],
    ['FAQ_DEADLINE', true, '2026-11-18'],
    ['FAQ_DEADLINE', false, '2026-11-20'],
  ];
  for (const [topic, helpful, day] of feedback) {
    at(`${day}T10:00:00Z`);
    await logs.feedback.record({ topic, helpful, channel: 'webchat' });
  }
  await logs.close();
  return november.length;
}

async function writeCheckStats(dataDir: string): Promise<number> {
  const database = await Database.open(dataDir);
  const stats = new CheckStatsStore(database);
  // 8 checks in November: the Urssaf attestation too old in 2 (1 in 4), the Kbis too old in 3.
  const findings = [
    [{ rule: 'URSSAF_ATTESTATION_TOO_OLD', severity: 'REGULARISABLE' }, { rule: 'KBIS_TOO_OLD', severity: 'REGULARISABLE' }],
    [{ rule: 'URSSAF_ATTESTATION_TOO_OLD', severity: 'REGULARISABLE' }],
    [{ rule: 'KBIS_TOO_OLD', severity: 'REGULARISABLE' }],
    [{ rule: 'KBIS_TOO_OLD', severity: 'REGULARISABLE' }, { rule: 'OFFER_LATE', severity: 'ELIMINATORY' }],
    [],
    [],
    [],
    [],
  ];
  for (const [index, list] of findings.entries()) {
    await stats.record({ at: `2026-11-${String(3 + index * 3).padStart(2, '0')}T09:00:00Z`, documentTypes: ['DC1'], findings: list });
  }
  await stats.record({ at: '2026-10-20T09:00:00Z', documentTypes: ['DC1'], findings: [{ rule: 'OFFER_LATE', severity: 'ELIMINATORY' }] });
  await database.close();
  return findings.length;
}

async function writeTenderInterest(dataDir: string, tender: NonNullable<SeedOptions['flagTender']>): Promise<void> {
  let now = new Date('2026-11-10T08:00:00Z');
  const store = await TenderInterestStore.open(dataDir, { now: () => now });
  for (const userKey of ['sme-a', 'sme-b', 'sme-c', 'sme-d', 'sme-e']) await store.record({ tenderId: tender.id, kind: 'SEEN', userKey, ...(tender.deadlineAt ? { deadlineAt: tender.deadlineAt } : {}) });
  now = new Date('2026-11-24T15:00:00Z');
  await store.flag(tender.id, tender.organisationId);
  await store.flush();
}

export async function seedMonth(dataDir: string, options: SeedOptions = {}): Promise<Seeded> {
  const gaps = await writeFaqLogs(dataDir);
  const checks = await writeCheckStats(dataDir);
  if (options.flagTender) await writeTenderInterest(dataDir, options.flagTender);
  return { gaps, checks, visitQuestions: VISIT };
}
