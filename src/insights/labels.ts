import type { GapKind } from '../faq/types';
import type { Messages } from '../knowledge/Messages';
import type { InterestSignal } from './tenderInterest';
import { isExact, type ShownCount, type ShownGroup } from './smallNumbers';

/** The words of the insights as people read them (dashboard, CSV, digest): all from knowledge/messages.json. */

const FRENCH_NUMBER = new Intl.NumberFormat('fr-FR');
const FRENCH_MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « 12 », « 1 234 », « moins de 3 ». */
export function countText(messages: Messages, count: ShownCount): string {
  return isExact(count) ? FRENCH_NUMBER.format(count) : messages.text('insights.lessThan', { limit: count.lessThan });
}

/** "2026-03" → « mars 2026 ». */
export function monthLabel(month: string): string {
  return FRENCH_MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/** "2026-W05" → « semaine 5 de 2026 ». */
export function weekLabel(messages: Messages, week: string): string {
  return messages.text('insights.week', { week: Number(week.slice(6)), year: week.slice(0, 4) });
}

/** A merged group of weeks: « semaine 5 de 2026 – semaine 7 de 2026 ». */
export function weeksLabel(messages: Messages, weeks: readonly string[]): string {
  const first = weekLabel(messages, weeks[0]!);
  return weeks.length === 1 ? first : messages.text('insights.range', { from: first, to: weekLabel(messages, weeks[weeks.length - 1]!) });
}

const KIND_IDS = { UNANSWERED: 'insights.kind.unanswered', LOW_CONFIDENCE: 'insights.kind.lowConfidence', NOT_HELPFUL: 'insights.kind.notHelpful' } as const satisfies Record<GapKind, string>;

const SIGNAL_IDS = {
  NO_LOCAL_INTEREST: 'insights.signal.noLocalInterest',
  WEAK_LOCAL_INTEREST: 'insights.signal.weakLocalInterest',
  INTEREST: 'insights.signal.interest',
  FEW_VIEWS: 'insights.signal.fewViews',
  TOO_EARLY: 'insights.signal.tooEarly',
  CLOSED: 'insights.signal.closed',
} as const satisfies Record<InterestSignal, string>;

export function kindLabel(messages: Messages, kind: GapKind): string {
  return messages.text(KIND_IDS[kind]);
}

export function signalLabel(messages: Messages, signal: InterestSignal): string {
  return messages.text(SIGNAL_IDS[signal]);
}

/** Labels of merged categories: « Réponse incertaine + Réponse jugée inutile ». */
export function joinedLabels<K>(label: (key: K) => string): (keys: readonly K[]) => string {
  return (keys) => keys.map(label).join(' + ');
}

/** Groups in one line, zeros left out: « Sans réponse : 5 ; Réponse incertaine + Réponse jugée inutile : 4 ». */
export function groupsText<K>(messages: Messages, groups: readonly ShownGroup<K>[], labelOf: (keys: readonly K[]) => string): string {
  return groups
    .filter((group) => !isExact(group.count) || group.count > 0)
    .map((group) => messages.text('insights.part', { label: labelOf(group.keys), count: countText(messages, group.count) }))
    .join(' ; ');
}
