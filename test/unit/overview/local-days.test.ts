/** Local days where clocks change: Paris leaves summer time on Sunday 25 October 2026 (a 25-hour day). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastLocalDays, localDayOf, monthBounds } from '../../../src-main/overview/local-days';

let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('local days', () => {
  it('lists every calendar day once across the change of clock, each starting at local midnight', () => {
    const days = lastLocalDays(new Date('2026-10-27T10:00:00+01:00'), 5);
    expect(days.dates).toEqual(['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(days.starts.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-10-22T22:00:00.000Z',
      '2026-10-23T22:00:00.000Z',
      '2026-10-24T22:00:00.000Z',
      // The 25th lasted 25 hours.
      '2026-10-25T23:00:00.000Z',
      '2026-10-26T23:00:00.000Z',
    ]);
    expect(new Date(days.end).toISOString()).toBe('2026-10-27T23:00:00.000Z');
  });

  it('reads a bare date as the clinic’s day and a time with a zone as an instant on the laptop’s calendar', () => {
    expect(localDayOf('2026-10-25')).toBe('2026-10-25');
    expect(localDayOf('2026-10-25T23:30:00Z')).toBe('2026-10-26');
    expect(localDayOf('2026-10-26T00:30:00+03:00')).toBe('2026-10-25');
    expect(localDayOf('2026-10-26T00:30:00')).toBe('2026-10-26');
    expect(localDayOf('26/10/2026')).toBeNull();
    expect(localDayOf(undefined)).toBeNull();
  });

  it('knows the last day of each month, February of a leap year included', () => {
    expect(monthBounds('2028-02')).toMatchObject({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-02').last).toBe('2026-02-28');
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
  });
});
