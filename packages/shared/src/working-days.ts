/**
 * Working days and statutory clocks in Beijing time (Asia/Shanghai, UTC+8 all year since 1991).
 *
 * Regulators' deadlines are counted in working days (投诉举报处理暂行办法 第14条: accept or reject a
 * complaint within 7 working days; 行政处罚信息公示规定 第9条: publish within 20 working days) or in
 * calendar days (行政处罚法 第60条: decide within 90 days). A period starts the day after the event
 * (期间开始的当日不计入) and ends at the end of its last day in Beijing time.
 *
 * Which days are working days is data, not code: the State Council publishes each year's public
 * holidays and adjusted working days (调休, weekend days that are worked) in a notice every
 * November. Add the next year to {@link PRC_HOLIDAY_CALENDAR} when its notice appears.
 */

/** Beijing is UTC+8 with no daylight saving, so a civil day there is a fixed 24-hour UTC window. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One year of the official calendar: public holidays (rest days) and the weekend days worked instead. */
export interface HolidayYear {
  /** Where the dates come from. */
  readonly source: string;
  /** False while the year's notice is not out: only the statutory days are known, no 调休. */
  readonly published: boolean;
  /** Rest days, as inclusive ranges of Beijing dates (YYYY-MM-DD). */
  readonly holidays: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  /** Weekend days that are working days (调休上班), Beijing dates. */
  readonly adjustedWorkdays: readonly string[];
}

/**
 * The PRC public-holiday calendar, by year.
 *
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电, 2025-11-04).
 *
 * 2027: the State Council's notice was not found when this was written (December 2026). Until it is,
 * 2027 counts weekends as rest days plus the statutory holidays themselves as the 全国年节及纪念日放假办法
 * (2024 revision) fixes them — 元旦 1 day, 春节 除夕 to 初三, 清明, 劳动节 2 days, 端午, 中秋, 国庆 3 days —
 * with no bridging days and no 调休 Saturdays. Replace it with the notice's dates and set
 * `published: true` when the notice appears.
 *
 * Years not listed count weekends and the fixed-date holidays (元旦, 劳动节, 国庆) only.
 */
export const PRC_HOLIDAY_CALENDAR: Readonly<Record<number, HolidayYear>> = {
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    published: true,
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    adjustedWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  2027: {
    source: '全国年节及纪念日放假办法 (statutory days only; the 2027 notice is to be added)',
    published: false,
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    adjustedWorkdays: [],
  },
};

/** Fixed-date statutory holidays (MM-DD), used for a year the calendar does not list. */
const FIXED_DATE_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

/** Day number (days since 1970-01-01) of the Beijing civil date the instant falls on. */
function beijingDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The instant a Beijing civil day (by day number) starts. */
function startOfBeijingDay(dayNumber: number): Date {
  return new Date(dayNumber * DAY_MS - BEIJING_OFFSET_MS);
}

/** The last millisecond of a Beijing civil day: a deadline is met by anything up to it. */
function endOfBeijingDay(dayNumber: number): Date {
  return new Date((dayNumber + 1) * DAY_MS - BEIJING_OFFSET_MS - 1);
}

function dayKey(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function dayNumberOfKey(key: string): number {
  return Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

interface YearDays {
  rest: Set<string>;
  worked: Set<string>;
}

const yearDaysCache = new Map<number, YearDays>();

function yearDays(year: number): YearDays {
  const cached = yearDaysCache.get(year);
  if (cached) return cached;
  const listed = PRC_HOLIDAY_CALENDAR[year];
  const rest = new Set<string>();
  if (listed) {
    for (const holiday of listed.holidays) {
      for (let day = dayNumberOfKey(holiday.from); day <= dayNumberOfKey(holiday.to); day++) {
        rest.add(dayKey(day));
      }
    }
  } else {
    for (const monthDay of FIXED_DATE_HOLIDAYS) rest.add(`${year}-${monthDay}`);
  }
  const days = { rest, worked: new Set(listed?.adjustedWorkdays ?? []) };
  yearDaysCache.set(year, days);
  return days;
}

function isWorkingDayNumber(dayNumber: number): boolean {
  const key = dayKey(dayNumber);
  const { rest, worked } = yearDays(Number(key.slice(0, 4)));
  if (worked.has(key)) return true;
  if (rest.has(key)) return false;
  // 1970-01-01 was a Thursday: day 0 → weekday 4 (Sunday = 0).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The Beijing civil date (YYYY-MM-DD) an instant falls on. */
export function beijingDate(instant: Date): string {
  return dayKey(beijingDayNumber(instant));
}

/**
 * Whether the Beijing day the instant falls on is a working day: Monday to Friday unless a public
 * holiday, plus the weekend days the State Council's notice makes working days (调休).
 */
export function isWorkingDay(instant: Date): boolean {
  return isWorkingDayNumber(beijingDayNumber(instant));
}

/**
 * The deadline of a period of `n` working days starting at `start`: the end (last millisecond) of the
 * n-th working day after the Beijing day of `start` — that day itself does not count, whether or not
 * it is a working day. `n = 0` gives the end of the start's own day.
 */
export function addWorkingDays(start: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = beijingDayNumber(start);
  let counted = 0;
  while (counted < n) {
    day++;
    if (isWorkingDayNumber(day)) counted++;
  }
  return endOfBeijingDay(day);
}

/**
 * The deadline of a period of `n` calendar days starting at `start`: the end of the n-th Beijing day
 * after the start's day. With `extendPastRestDay`, a last day that is not a working day moves to the
 * next working day (期间的最后一日是法定休假日的，以休假日结束的次日为最后一日).
 */
export function addCalendarDays(start: Date, n: number, options: { extendPastRestDay?: boolean } = {}): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`calendar days must be a whole number ≥ 0, got ${n}`);
  let day = beijingDayNumber(start) + n;
  if (options.extendPastRestDay) {
    while (!isWorkingDayNumber(day)) day++;
  }
  return endOfBeijingDay(day);
}

/**
 * Working days left before a deadline, as a person counts them on a calendar: the working days after
 * today up to and including the deadline's day. 0 means the deadline is today (not yet passed). Once the
 * deadline has passed the result is negative: minus the working days since, and at least −1.
 */
export function workingDaysLeft(now: Date, deadline: Date): number {
  const today = beijingDayNumber(now);
  const lastDay = beijingDayNumber(deadline);
  if (now.getTime() > deadline.getTime()) {
    let elapsed = 0;
    for (let day = lastDay + 1; day <= today; day++) if (isWorkingDayNumber(day)) elapsed++;
    return -Math.max(1, elapsed);
  }
  let left = 0;
  for (let day = today + 1; day <= lastDay; day++) if (isWorkingDayNumber(day)) left++;
  return left;
}

/** Calendar days left before a deadline (0 on its last day, negative once passed, at least −1). */
export function calendarDaysLeft(now: Date, deadline: Date): number {
  const difference = beijingDayNumber(deadline) - beijingDayNumber(now);
  if (now.getTime() > deadline.getTime()) return Math.min(-1, difference);
  return difference;
}

/** The instant a Beijing civil date (YYYY-MM-DD) begins; handy for tests and date pickers. */
export function beijingMidnight(date: string): Date {
  return startOfBeijingDay(dayNumberOfKey(date));
}
