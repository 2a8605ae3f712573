import { describe, expect, it } from 'vitest';
import { addDays, overlapsDay, weekDays } from './week-days';

describe('calendar week days', () => {
  it('counts days on the date alone, across months and years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(weekDays('2026-11-30')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('places a booking on the Beijing days it touches, ends exclusive', () => {
    // 22:00–01:00 Beijing time, written in UTC: it shows on both Beijing days.
    const overnight = { startsAt: '2026-11-30T14:00:00Z', endsAt: '2026-11-30T17:00:00Z' };
    expect(overlapsDay(overnight, '2026-11-30')).toBe(true);
    expect(overlapsDay(overnight, '2026-12-01')).toBe(true);
    expect(overlapsDay(overnight, '2026-11-29')).toBe(false);
    // 06:00–08:00 Beijing is the previous day in UTC but belongs to 1 December here.
    const early = { startsAt: '2026-12-01T06:00:00+08:00', endsAt: '2026-12-01T08:00:00+08:00' };
    expect(overlapsDay(early, '2026-11-30')).toBe(false);
    expect(overlapsDay(early, '2026-12-01')).toBe(true);
    // Ending exactly at Beijing midnight does not spill into the next day.
    const untilMidnight = { startsAt: '2026-11-30T22:00:00+08:00', endsAt: '2026-12-01T00:00:00+08:00' };
    expect(overlapsDay(untilMidnight, '2026-12-01')).toBe(false);
  });
});
