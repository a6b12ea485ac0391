import { parisOffsetMinutes, parseSourceDateTime, toParisIso } from '../../src/tenders/dates';
import { departmentCode, departmentOfPostalCode } from '../../src/tenders/departments';

const INTL = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

function intlOffset(instant: number): number {
  const name = INTL.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')!.value; // "GMT+02:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

describe('Paris time', () => {
  it('computes the same offset as the time-zone database, hour by hour over 2026–2031 and around every change', () => {
    const mismatches: string[] = [];
    for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2031, 0, 1); instant += 3600_000 * 7 + 60_000 * 13) {
      if (parisOffsetMinutes(instant) !== intlOffset(instant)) mismatches.push(new Date(instant).toISOString());
    }
    for (const year of [2026, 2027, 2028, 2035]) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (const delta of [-60_000, -1, 0, 1, 60_000]) if (parisOffsetMinutes(change + delta) !== intlOffset(change + delta)) mismatches.push(new Date(change + delta).toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reads offset-less texts as Paris wall time, across both changes of 2027', () => {
    const iso = (text: string) => toParisIso(parseSourceDateTime(text)!.instant);
    expect(iso('2027-03-28T01:30:00')).toBe('2027-03-28T01:30:00+01:00');
    // 02:30 does not exist that night: it is read one hour later.
    expect(iso('2027-03-28T02:30:00')).toBe('2027-03-28T03:30:00+02:00');
    expect(iso('2027-03-28T03:30:00')).toBe('2027-03-28T03:30:00+02:00');
    // 02:30 happens twice on 31 October 2027: the earlier one is kept (a deadline is never read late).
    expect(iso('2027-10-31T02:30:00')).toBe('2027-10-31T02:30:00+02:00');
    expect(iso('2027-10-31T03:30:00')).toBe('2027-10-31T03:30:00+01:00');
    expect(parseSourceDateTime('2027-02-29T12:00:00')).toBeUndefined();
    expect(parseSourceDateTime('le 12 mars')).toBeUndefined();
    expect(parseSourceDateTime('2027-03-12')).toMatchObject({ hadTime: false, hadOffset: false });
  });
});

describe('department codes', () => {
  it.each([
    ['30', '30'],
    [30, '30'],
    ['7', '07'],
    ['2a', '2A'],
    ['974', '974'],
    ['030', '30'],
    ['20', undefined],
    ['96', undefined],
    ['Gard', undefined],
  ])('%p → %p', (raw, code) => expect(departmentCode(raw)).toBe(code));

  it.each([
    ['30100', '30'],
    ['20000', '2A'],
    ['20200', '2B'],
    ['97400', '974'],
    ['3010', undefined],
  ])('postal code %p → %p', (raw, code) => expect(departmentOfPostalCode(raw)).toBe(code));
});
