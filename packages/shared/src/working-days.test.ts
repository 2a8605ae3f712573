import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  beijingDate,
  beijingMidnight,
  calendarDaysLeft,
  isWorkingDay,
  PRC_HOLIDAY_CALENDAR,
  workingDaysLeft,
} from './working-days';

/** An instant at the given Beijing wall-clock time. */
const beijing = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('isWorkingDay (Beijing calendar)', () => {
  it('follows the 2026 notice: holidays rest, 调休 weekend days work', () => {
    expect(isWorkingDay(beijing('2026-10-01'))).toBe(false);
    expect(isWorkingDay(beijing('2026-10-07'))).toBe(false);
    expect(isWorkingDay(beijing('2026-10-08'))).toBe(true);
    expect(isWorkingDay(beijing('2026-10-10'))).toBe(true); // Saturday, worked
    expect(isWorkingDay(beijing('2026-09-20'))).toBe(true); // Sunday, worked
    expect(isWorkingDay(beijing('2026-09-19'))).toBe(false); // ordinary Saturday
    expect(isWorkingDay(beijing('2026-02-14'))).toBe(true); // Saturday before 春节, worked
    expect(isWorkingDay(beijing('2026-02-23'))).toBe(false); // Monday, last day of 春节
    expect(isWorkingDay(beijing('2026-01-04'))).toBe(true); // Sunday after 元旦, worked
    expect(isWorkingDay(beijing('2026-06-19'))).toBe(false); // 端午 Friday
    expect(isWorkingDay(beijing('2026-12-07'))).toBe(true); // an ordinary Monday
  });

  it('reads the day in Beijing, not UTC', () => {
    // 16:00 UTC on 30 September is midnight of 1 October (a holiday) in Beijing.
    expect(isWorkingDay(new Date('2026-09-30T15:59:59Z'))).toBe(true);
    expect(isWorkingDay(new Date('2026-09-30T16:00:00Z'))).toBe(false);
    expect(beijingDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  it('2027 (notice not out) rests on the statutory days only, with no 调休', () => {
    expect(PRC_HOLIDAY_CALENDAR[2027]?.published).toBe(false);
    expect(isWorkingDay(beijing('2027-02-05'))).toBe(false); // 除夕, a Friday
    expect(isWorkingDay(beijing('2027-02-08'))).toBe(false); // 初三, a Monday
    expect(isWorkingDay(beijing('2027-02-09'))).toBe(true);
    expect(isWorkingDay(beijing('2027-10-04'))).toBe(true); // Monday; no bridge without a notice
    expect(isWorkingDay(beijing('2027-10-09'))).toBe(false); // Saturday, no 调休 known
  });

  it('an unlisted year counts weekends and the fixed-date holidays', () => {
    expect(isWorkingDay(beijing('2028-10-02'))).toBe(false);
    expect(isWorkingDay(beijing('2028-01-03'))).toBe(true);
    expect(isWorkingDay(beijing('2028-01-01'))).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('7 working days across 国庆 2026 count the 调休 Saturday and skip the holiday week', () => {
    // Received Monday 28 September: 29, 30 Sep, 8, 9, 10 (Sat, worked), 12, 13 Oct.
    const deadline = addWorkingDays(beijing('2026-09-28', '15:20'), 7);
    expect(deadline.toISOString()).toBe('2026-10-13T15:59:59.999Z');
    expect(beijingDate(deadline)).toBe('2026-10-13');
  });

  it('7 working days across 春节 2026 end on the worked Saturday 28 February', () => {
    // Received Thursday 12 February: 13, 14 (Sat, worked), 24, 25, 26, 27, 28 (Sat, worked).
    expect(beijingDate(addWorkingDays(beijing('2026-02-12'), 7))).toBe('2026-02-28');
  });

  it('the start day is the Beijing day, so a late-evening UTC instant already counts from the next day', () => {
    // 2026-02-12T16:30Z is 00:30 on Friday 13 February in Beijing.
    expect(beijingDate(addWorkingDays(new Date('2026-02-12T16:30:00Z'), 7))).toBe('2026-03-02');
  });

  it('a start on a holiday does not count the holiday', () => {
    expect(beijingDate(addWorkingDays(beijing('2026-10-03'), 1))).toBe('2026-10-08');
    expect(beijingDate(addWorkingDays(beijing('2026-10-03'), 0))).toBe('2026-10-03');
  });

  it('20 working days for publication over the year end (元旦 2027)', () => {
    // From Monday 7 Dec 2026: 8–11, 14–18, 21–25, 28–31 Dec (18), 4, 5 Jan 2027 (1 Jan rests).
    expect(beijingDate(addWorkingDays(beijing('2026-12-07'), 20))).toBe('2027-01-05');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(beijing('2026-12-07'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(beijing('2026-12-07'), 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysLeft', () => {
  const deadline = addWorkingDays(beijing('2026-09-28'), 7);

  it('counts the working days after today up to the deadline day', () => {
    expect(workingDaysLeft(beijing('2026-09-28'), deadline)).toBe(7);
    expect(workingDaysLeft(beijing('2026-09-30'), deadline)).toBe(5);
    expect(workingDaysLeft(beijing('2026-10-04'), deadline)).toBe(5); // inside the holiday week
    expect(workingDaysLeft(beijing('2026-10-12'), deadline)).toBe(1);
    expect(workingDaysLeft(beijing('2026-10-13', '23:59'), deadline)).toBe(0);
  });

  it('is negative once the deadline has passed, at least −1', () => {
    expect(workingDaysLeft(beijing('2026-10-14', '00:00'), deadline)).toBe(-1);
    expect(workingDaysLeft(beijing('2026-10-17'), deadline)).toBe(-3); // Saturday after Wed–Fri
    const fridayDeadline = addWorkingDays(beijing('2026-12-10'), 1);
    expect(workingDaysLeft(beijing('2026-12-12'), fridayDeadline)).toBe(-1); // passed, only a weekend since
  });
});

describe('addCalendarDays', () => {
  it('90 days to decide end on the 90th Beijing day after the start', () => {
    expect(beijingDate(addCalendarDays(beijing('2026-07-01', '09:00'), 90))).toBe('2026-09-29');
    expect(addCalendarDays(beijing('2026-07-01'), 90).toISOString()).toBe('2026-09-29T15:59:59.999Z');
  });

  it('a last day on a holiday moves past it only when asked', () => {
    expect(beijingDate(addCalendarDays(beijing('2026-09-01'), 30))).toBe('2026-10-01');
    expect(beijingDate(addCalendarDays(beijing('2026-09-01'), 30, { extendPastRestDay: true }))).toBe(
      '2026-10-08',
    );
  });

  it('calendarDaysLeft counts days to the deadline day, negative once passed', () => {
    const deadline = addCalendarDays(beijing('2026-12-01'), 7);
    expect(calendarDaysLeft(beijing('2026-12-01'), deadline)).toBe(7);
    expect(calendarDaysLeft(beijing('2026-12-08', '23:00'), deadline)).toBe(0);
    expect(calendarDaysLeft(beijing('2026-12-09', '00:00'), deadline)).toBe(-1);
    expect(calendarDaysLeft(beijing('2026-12-11'), deadline)).toBe(-3);
  });
});

describe('beijingMidnight', () => {
  it('is 16:00 UTC the day before', () => {
    expect(beijingMidnight('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });
});
