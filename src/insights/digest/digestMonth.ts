const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-11" as the route's `?month=` and the command's `--month` take it: a real calendar month, nothing else. */
export function isDigestMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value) && Number(value.slice(0, 4)) >= 2000;
}
