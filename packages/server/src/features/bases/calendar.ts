import type { Calendar, CalendarSlot, StudioStatus } from '@jadelive/shared';

const DAY_MS = 24 * 60 * 60 * 1000;
// China has kept UTC+8 all year since 1991 (no daylight saving), so Asia/Shanghai midnight is
// a fixed offset and week boundaries need no time-zone database.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface CalendarWeek {
  /** The Monday of the week, YYYY-MM-DD in Asia/Shanghai. */
  weekStart: string;
  /** Monday 00:00 Asia/Shanghai. */
  from: Date;
  /** The next Monday 00:00 Asia/Shanghai (exclusive). */
  to: Date;
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) at an instant. */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Monday-based Asia/Shanghai week containing `day` (YYYY-MM-DD), or containing `now` when no
 * day is given.
 */
export function shanghaiWeek(day: string | undefined, now: Date = new Date()): CalendarWeek {
  const shanghaiDay = day ?? shanghaiDate(now);
  const midnightUtc = Date.parse(`${shanghaiDay}T00:00:00Z`);
  const daysSinceMonday = (new Date(midnightUtc).getUTCDay() + 6) % 7;
  const mondayUtc = midnightUtc - daysSinceMonday * DAY_MS;
  const from = new Date(mondayUtc - SHANGHAI_OFFSET_MS);
  return {
    weekStart: new Date(mondayUtc).toISOString().slice(0, 10),
    from,
    to: new Date(from.getTime() + 7 * DAY_MS),
  };
}

/** Who looks at a calendar: the base's operator sees everything, an admitted seller its own. */
export type CalendarViewer = { kind: 'operator' } | { kind: 'member'; sellerOrgId: string };

interface CalendarStudio {
  id: string;
  name: string;
  status: string;
}

interface CalendarBooking {
  id: string;
  studioId: string;
  sellerOrgId: string;
  sellerName: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  purpose: string | null;
}

/**
 * Studios with their occupied slots. A member sees other sellers' bookings only as `busy`:
 * when the studio is taken, not by whom, for what, or whether the operator approved it yet.
 * Retired studios are left out unless they still hold a booking in the week.
 */
export function calendarStudios(
  studios: readonly CalendarStudio[],
  bookings: readonly CalendarBooking[],
  viewer: CalendarViewer,
): Calendar['studios'] {
  return studios
    .map((studio) => ({
      id: studio.id,
      name: studio.name,
      status: studio.status as StudioStatus,
      slots: bookings
        .filter((booking) => booking.studioId === studio.id)
        .map((booking): CalendarSlot => {
          const mine = viewer.kind === 'member' && booking.sellerOrgId === viewer.sellerOrgId;
          const startsAt = booking.startsAt.toISOString();
          const endsAt = booking.endsAt.toISOString();
          if (viewer.kind === 'member' && !mine) {
            return { bookingId: null, startsAt, endsAt, status: 'busy', seller: null, purpose: null, mine };
          }
          return {
            bookingId: booking.id,
            startsAt,
            endsAt,
            status: booking.status as 'requested' | 'approved',
            seller: { id: booking.sellerOrgId, name: booking.sellerName },
            purpose: booking.purpose,
            mine,
          };
        }),
    }))
    .filter((studio) => studio.status !== 'retired' || studio.slots.length > 0);
}
