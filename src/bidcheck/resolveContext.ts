import type { ResolvedContext } from './rules/types';
import type { BidContext } from './types';

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today, or the calendar day of an instant, in Europe/Paris (YYYY-MM-DD). */
export function parisDate(instant: Date = new Date()): string {
  return parisDay.format(instant);
}

/**
 * Applies the defaults of cli-contract.md: stage DEPOT, reference date today in Paris. Validity is
 * judged on the deadline's day at deposit (documents must be valid when the pli arrives).
 */
export function resolveContext(context: BidContext, referenceDate?: string): ResolvedContext {
  const reference = referenceDate ?? context.referenceDate ?? parisDate();
  const stage = context.stage ?? 'DEPOT';
  const deadlineDay = context.deadline ? parisDate(new Date(context.deadline)) : undefined;
  const validityDate = stage === 'DEPOT' && deadlineDay && deadlineDay > reference ? deadlineDay : reference;
  return { ...context, stage, referenceDate: reference, validityDate };
}
