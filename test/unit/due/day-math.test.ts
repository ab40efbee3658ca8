import { describe, expect, it } from 'vitest';
import { addDays, addSpan, dayNumber } from '../../../src-main/immunization/iso-date';
import { dayOf, plusDays, plusSpan, plusSpanRemembered } from '../../../src-main/immunization/day-math';
import type { Span } from '../../../src-main/immunization/schedule-model';

const SPANS: Span[] = [
  { value: 0, unit: 'd' },
  { value: 14, unit: 'd' },
  { value: 6, unit: 'wk' },
  { value: 1, unit: 'mo' },
  { value: 9, unit: 'mo' },
  { value: 15, unit: 'mo' },
  { value: -60, unit: 'mo' },
  { value: 1, unit: 'a' },
  { value: 5, unit: 'a' },
];

/** Every day from 1999 to 2031, which covers leap days, month ends and the year 2000. */
function* days(): Generator<string> {
  for (let d = addDays('1999-01-01', 0); d < '2031-01-01'; d = addDays(d, 1)) yield d;
}

describe('integer date arithmetic for the due list', () => {
  it('gives the same dates as iso-date.ts on every day of 32 years', () => {
    let checked = 0;
    for (const day of days()) {
      expect(dayOf(day)).toBe(dayNumber(day));
      expect(plusDays(day, 28)).toBe(addDays(day, 28));
      expect(plusDays(day, -400)).toBe(addDays(day, -400));
      for (const span of SPANS) {
        const expected = addSpan(day, span);
        if (plusSpan(day, span) !== expected || plusSpanRemembered(day, span) !== expected) {
          throw new Error(`${day} + ${span.value}${span.unit}: ${plusSpan(day, span)} instead of ${expected}`);
        }
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(11_000);
  });

  it('clamps to the end of a shorter month as the calendar does', () => {
    expect(plusSpan('2024-01-31', { value: 1, unit: 'mo' })).toBe('2024-02-29');
    expect(plusSpan('2024-02-29', { value: 1, unit: 'a' })).toBe('2025-02-28');
    expect(plusSpan('2026-03-31', { value: -1, unit: 'mo' })).toBe('2026-02-28');
  });
});
