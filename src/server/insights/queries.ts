import type { Request } from 'restify';
import { monthOfDay, parisDay, type Period, parsePeriod } from '../../insights';
import { isDigestMonth } from '../../insights/digest';
import { refuse } from './refusals';

function query(req: Request): Record<string, unknown> {
  const given = req.query as unknown;
  return given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (each optional), or a 400 saying which bound is wrong. */
export function periodOf(req: Request): Period {
  const { from, to } = query(req);
  const result = parsePeriod({ from, to });
  if (!result.ok) throw refuse.period(result.problem);
  return result.period;
}

/**
 * `?month=YYYY-MM` for the digest: 400 when absent or malformed, 422 for a month that has not begun
 * in Paris (its digest would be empty and look like « nothing happened »).
 */
export function monthOf(req: Request, now: Date): string {
  const { month } = query(req);
  if (month === undefined || month === '') throw refuse.monthMissing();
  if (!isDigestMonth(month)) throw refuse.monthInvalid();
  const current = monthOfDay(parisDay(now)!);
  if (month > current) throw refuse.monthAhead(month);
  return month;
}
