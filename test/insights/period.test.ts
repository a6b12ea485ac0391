import { isoWeekOfDay, monthsBetween, parisDay, weeksBetween } from '../../src/insights/calendar';
import { cutOf, monthWithin, parsePeriod, withinPeriod } from '../../src/insights/period';

describe('calendar buckets in Paris time', () => {
  it('puts a question asked just after midnight in Nîmes on that day, in winter and in summer', () => {
    expect(parisDay('2026-01-04T23:30:00.000Z')).toBe('2026-01-05');
    expect(parisDay('2026-07-05T22:30:00.000Z')).toBe('2026-07-06');
    expect(parisDay('2026-07-05T21:30:00.000Z')).toBe('2026-07-05');
    expect(parisDay('pas une date')).toBeUndefined();
  });

  it('numbers ISO weeks from the week of the first Thursday, across new year', () => {
    expect(isoWeekOfDay('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOfDay('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDay('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOfDay('2026-03-16')).toBe('2026-W12');
    expect(isoWeekOfDay('2026-03-15')).toBe('2026-W11');
  });

  it('lists every week and month of a span, empty ones included', () => {
    expect(weeksBetween('2026-12-24', '2027-01-06')).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('periods', () => {
  it('reads the dashboard query, refusing what is not a real day or is reversed', () => {
    expect(parsePeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ ok: true, period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(parsePeriod({ from: '', to: undefined })).toEqual({ ok: true, period: {} });
    expect(parsePeriod({ from: '2026-02-30' })).toEqual({ ok: false, problem: 'BAD_FROM' });
    expect(parsePeriod({ to: '03/04/2026' })).toEqual({ ok: false, problem: 'BAD_TO' });
    expect(parsePeriod({ from: ['2026-03-01'] })).toEqual({ ok: false, problem: 'BAD_FROM' });
    expect(parsePeriod({ from: '2026-04-01', to: '2026-03-01' })).toEqual({ ok: false, problem: 'REVERSED' });
  });

  it('calls a cut "month" only when it is made of whole calendar months', () => {
    expect(cutOf({})).toBe('month');
    expect(cutOf({ from: '2026-02-01', to: '2026-02-28' })).toBe('month');
    expect(cutOf({ from: '2026-01-01', to: '2026-06-30' })).toBe('month');
    expect(cutOf({ to: '2026-03-31' })).toBe('month');
    expect(cutOf({ from: '2026-03-02', to: '2026-04-30' })).toBe('finer');
    // 30 days, but not a month: two such counts a day apart would give one day's count.
    expect(cutOf({ from: '2026-03-05', to: '2026-04-03' })).toBe('finer');
    expect(cutOf({ from: '2026-03-01', to: '2026-03-30' })).toBe('finer');
  });

  it('clips a month to the period, and keeps the records of the period by their Paris day', () => {
    expect(monthWithin('2026-03', { from: '2026-03-10' })).toEqual({ from: '2026-03-10', to: '2026-03-31' });
    expect(monthWithin('2026-02', {})).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    const records = [{ at: '2026-02-28T23:30:00Z' }, { at: '2026-02-28T12:00:00Z' }, { at: 'garbage' }];
    expect(withinPeriod(records, { from: '2026-03-01' }).map((entry) => entry.day)).toEqual(['2026-03-01']);
  });
});
