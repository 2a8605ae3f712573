import { BOOKING_TIME_ZONE } from '@jadelive/shared';

/** Calendar days are Asia/Shanghai dates (YYYY-MM-DD); arithmetic is done on the date alone. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const weekDays = (weekStart: string) =>
  Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));

const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** Whether [startsAt, endsAt) touches the given Shanghai day. */
export function overlapsDay(slot: { startsAt: string; endsAt: string }, day: string): boolean {
  return Date.parse(slot.startsAt) < dayStart(addDays(day, 1)) && Date.parse(slot.endsAt) > dayStart(day);
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: BOOKING_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const shanghaiTime = (iso: string) => timeFormat.format(new Date(iso));

/** Today's date in Shanghai. */
export const shanghaiToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: BOOKING_TIME_ZONE }).format(new Date());
