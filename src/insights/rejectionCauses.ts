import type { Severity } from '../bidcheck';
import type { Messages } from '../knowledge/Messages';
import type { CheckStatRecord } from '../store/database';
import { monthOfDay, monthsBetween } from './calendar';
import { type Cut, cutOf, type Period, monthWithin, withinPeriod } from './period';
import { rejectionSentence } from './shareSentence';
import { exactOrNull, type ShownCount, showCount } from './smallNumbers';

const SEVERITY_RANK: Record<string, number> = { ELIMINATORY: 0, REGULARISABLE: 1, ADVICE: 2 };

export interface RejectionCause {
  rule: string;
  /** The rule's title in the knowledge (the id when the rule has since been removed). */
  title: string;
  severity: Severity;
  /** Checks in which the rule fired at this severity (once per check, whatever the number of files). */
  checks: ShownCount;
  /** `checks` over the checks of the span (0–1), when both can be shown. */
  share: number | null;
  /** « 1 dossier sur 4 a ce problème : attestation de vigilance trop ancienne », null when the checks of the span are too few to show. */
  sentence: string | null;
}

export interface RejectionSpan {
  /** "YYYY-MM" for a month, "*" for the whole period. */
  month: string;
  /** The days this span covers (a month clipped by the period, or the period). */
  span: Period;
  cut: Cut;
  /** Bid checks run in the span. */
  checks: ShownCount;
  /** The most frequent first (then the most severe), at most `top`. */
  causes: RejectionCause[];
}

export interface RejectionReport {
  period: Period;
  months: RejectionSpan[];
  overall: RejectionSpan;
}

export interface RejectionOptions {
  messages: Messages;
  /** Rule id → title, from the bid check's knowledge (`ruleTitles`). */
  ruleTitles: ReadonlyMap<string, string>;
  top?: number;
  /** Only these severities (default: all three). */
  severities?: readonly Severity[];
}

/** Rule titles from the bid check's knowledge. */
export function ruleTitles(rules: readonly { id: string; title: string }[]): ReadonlyMap<string, string> {
  return new Map(rules.map((rule) => [rule.id, rule.title]));
}

function spanOf(month: string, span: Period, stats: readonly CheckStatRecord[], options: RejectionOptions): RejectionSpan {
  const cut = cutOf(span);
  const wanted = new Set<string>(options.severities ?? Object.keys(SEVERITY_RANK));
  const counts = new Map<string, { rule: string; severity: Severity; count: number }>();
  for (const stat of stats) {
    const seen = new Set<string>();
    for (const finding of stat.findings) {
      const key = `${finding.rule}\u0000${finding.severity}`;
      if (!wanted.has(finding.severity) || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { rule: finding.rule, severity: finding.severity as Severity, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const total = stats.length;
  const checks = showCount(total, cut);
  const causes = [...counts.values()]
    .sort((a, b) => b.count - a.count || (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.rule.localeCompare(b.rule))
    .slice(0, options.top ?? 10)
    .map((entry): RejectionCause => {
      const shown = showCount(entry.count, cut);
      const title = options.ruleTitles.get(entry.rule) ?? entry.rule;
      const exact = exactOrNull(shown);
      const totalShown = exactOrNull(checks);
      return {
        rule: entry.rule,
        title,
        severity: entry.severity,
        checks: shown,
        share: exact !== null && totalShown ? exact / totalShown : null,
        sentence: totalShown ? rejectionSentence(options.messages, shown, totalShown, title, cut) : null,
      };
    });
  return { month, span, cut, checks, causes };
}

/**
 * The findings of the bid checks of a period, per month and for the whole period: for each rule and
 * severity, in how many checks it appears and what share of the checks that is. A month the period
 * only partly covers is cut finer than a month, so its small counts are protected.
 */
export function rejectionCauses(stats: readonly CheckStatRecord[], period: Period, options: RejectionOptions): RejectionReport {
  const inPeriod = withinPeriod(stats, period);
  const days = inPeriod.map((entry) => entry.day).sort();
  const first = period.from ?? days[0];
  const last = period.to ?? days[days.length - 1];
  const byMonth = new Map<string, CheckStatRecord[]>();
  for (const { record, day } of inPeriod) {
    const month = monthOfDay(day);
    byMonth.set(month, [...(byMonth.get(month) ?? []), record]);
  }
  const months = first && last ? monthsBetween(first, last) : [];
  return {
    period: { from: first, to: last },
    months: months.map((month) => spanOf(month, monthWithin(month, period), byMonth.get(month) ?? [], options)),
    overall: spanOf('*', period, inPeriod.map((entry) => entry.record), options),
  };
}
