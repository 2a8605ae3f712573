import { shanghaiDayStart } from '../../../lib/shanghai-time';

/** Calendar days are Asia/Shanghai dates (YYYY-MM-DD); arithmetic is done on the date alone. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const weekDays = (weekStart: string) =>
  Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));

const dayStart = (day: string) => Date.parse(shanghaiDayStart(day));

/** Whether [startsAt, endsAt) touches the given Shanghai day. */
export function overlapsDay(slot: { startsAt: string; endsAt: string }, day: string): boolean {
  return Date.parse(slot.startsAt) < dayStart(addDays(day, 1)) && Date.parse(slot.endsAt) > dayStart(day);
}
