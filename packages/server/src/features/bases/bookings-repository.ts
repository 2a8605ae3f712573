import type { BookingStatus } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

/** Whose bookings a caller may see or change: a seller its own, an operator those on its bases. */
export type BookingScope = { sellerOrgId: string } | { operatorOrgId: string };

/** Bookings that hold studio time; the exclusion constraint covers exactly these. */
export const LIVE_BOOKING_STATUSES = ['requested', 'approved'] as const satisfies readonly BookingStatus[];

function selectBookings(db: Database, scope: BookingScope) {
  const query = db
    .selectFrom('studioBookings')
    .innerJoin('bases', 'bases.id', 'studioBookings.baseId')
    .innerJoin('studios', 'studios.id', 'studioBookings.studioId')
    .innerJoin('organizations as sellers', 'sellers.id', 'studioBookings.sellerOrgId')
    .select([
      'studioBookings.id',
      'studioBookings.baseId',
      'bases.name as baseName',
      'studioBookings.studioId',
      'studios.name as studioName',
      'studioBookings.sellerOrgId',
      'sellers.name as sellerName',
      sql<Date>`lower(studio_bookings.during)`.as('startsAt'),
      sql<Date>`upper(studio_bookings.during)`.as('endsAt'),
      'studioBookings.status',
      'studioBookings.purpose',
      'studioBookings.createdAt',
      'studioBookings.decidedAt',
      'studioBookings.decisionNote',
    ]);
  return 'sellerOrgId' in scope
    ? query.where('studioBookings.sellerOrgId', '=', scope.sellerOrgId)
    : query.where('bases.operatorOrgId', '=', scope.operatorOrgId);
}

export async function findBooking(db: Database, scope: BookingScope, bookingId: string) {
  return selectBookings(db, scope).where('studioBookings.id', '=', bookingId).executeTakeFirst();
}

export async function listBookings(
  db: Database,
  scope: BookingScope,
  filter: { baseId?: string; when: 'upcoming' | 'past' | 'all'; status?: BookingStatus },
) {
  let query = selectBookings(db, scope).limit(500);
  if (filter.baseId) query = query.where('studioBookings.baseId', '=', filter.baseId);
  if (filter.status) query = query.where('studioBookings.status', '=', filter.status);
  if (filter.when === 'upcoming') {
    query = query
      .where(sql<boolean>`upper(studio_bookings.during) > now()`)
      .orderBy(sql`lower(studio_bookings.during)`, 'asc');
  } else if (filter.when === 'past') {
    query = query
      .where(sql<boolean>`upper(studio_bookings.during) <= now()`)
      .orderBy(sql`lower(studio_bookings.during)`, 'desc');
  } else {
    query = query.orderBy(sql`lower(studio_bookings.during)`, 'desc');
  }
  return query.execute();
}

/** Live bookings of a base (or one of its studios) overlapping [from, to), for the calendar. */
export async function listLiveBookingsBetween(
  db: Database,
  baseId: string,
  range: { from: Date; to: Date; studioId?: string },
) {
  let query = db
    .selectFrom('studioBookings')
    .innerJoin('organizations as sellers', 'sellers.id', 'studioBookings.sellerOrgId')
    .select([
      'studioBookings.id',
      'studioBookings.studioId',
      'studioBookings.sellerOrgId',
      'sellers.name as sellerName',
      sql<Date>`lower(studio_bookings.during)`.as('startsAt'),
      sql<Date>`upper(studio_bookings.during)`.as('endsAt'),
      'studioBookings.status',
      'studioBookings.purpose',
    ])
    .where('studioBookings.baseId', '=', baseId)
    .where('studioBookings.status', 'in', LIVE_BOOKING_STATUSES)
    .where(sql<boolean>`studio_bookings.during && tstzrange(${range.from}, ${range.to}, '[)')`)
    .orderBy(sql`lower(studio_bookings.during)`);
  if (range.studioId) query = query.where('studioBookings.studioId', '=', range.studioId);
  return query.execute();
}

/** Holds the studio against a concurrent retirement while a booking is written. */
export async function lockStudioForBooking(db: Database, baseId: string, studioId: string) {
  return db
    .selectFrom('studios')
    .select(['id', 'status'])
    .where('id', '=', studioId)
    .where('baseId', '=', baseId)
    .forShare()
    .executeTakeFirst();
}

export async function insertBooking(
  db: Database,
  booking: {
    baseId: string;
    studioId: string;
    sellerOrgId: string;
    startsAt: string;
    endsAt: string;
    purpose: string | null;
    createdBy: string;
  },
) {
  const { id } = await db
    .insertInto('studioBookings')
    .values({
      baseId: booking.baseId,
      studioId: booking.studioId,
      sellerOrgId: booking.sellerOrgId,
      during: sql<string>`tstzrange(${booking.startsAt}::timestamptz, ${booking.endsAt}::timestamptz, '[)')`,
      status: 'requested',
      purpose: booking.purpose,
      createdBy: booking.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Live bookings of a studio overlapping [startsAt, endsAt), what a refused booking collided with;
 * the seller is named only on its own.
 */
export async function listOverlappingRanges(
  db: Database,
  studioId: string,
  range: { startsAt: string; endsAt: string; viewerOrgId: string },
) {
  const { startsAt, endsAt, viewerOrgId } = range;
  return db
    .selectFrom('studioBookings')
    .innerJoin('organizations as sellers', 'sellers.id', 'studioBookings.sellerOrgId')
    .select([
      sql<Date>`lower(during)`.as('startsAt'),
      sql<Date>`upper(during)`.as('endsAt'),
      sql<string | null>`case when sellers.id = ${viewerOrgId} then sellers.name end`.as('bookedBy'),
    ])
    .where('studioId', '=', studioId)
    .where('status', 'in', LIVE_BOOKING_STATUSES)
    .where(sql<boolean>`during && tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)')`)
    .orderBy(sql`lower(studio_bookings.during)`)
    .execute();
}

export async function lockBooking(db: Database, scope: BookingScope, bookingId: string) {
  let query = db
    .selectFrom('studioBookings')
    .innerJoin('bases', 'bases.id', 'studioBookings.baseId')
    .innerJoin('studios', 'studios.id', 'studioBookings.studioId')
    .select([
      'studioBookings.status',
      'studioBookings.baseId',
      'studios.status as studioStatus',
      sql<boolean>`upper(studio_bookings.during) <= now()`.as('isOver'),
    ])
    .where('studioBookings.id', '=', bookingId)
    .forUpdate('studioBookings');
  query =
    'sellerOrgId' in scope
      ? query.where('studioBookings.sellerOrgId', '=', scope.sellerOrgId)
      : query.where('bases.operatorOrgId', '=', scope.operatorOrgId);
  return query.executeTakeFirst();
}

export async function setBookingStatus(
  db: Database,
  bookingId: string,
  status: BookingStatus,
  decidedBy: string,
  decisionNote: string | null,
) {
  await db
    .updateTable('studioBookings')
    .set({ status, decidedBy, decidedAt: sql`now()`, decisionNote })
    .where('id', '=', bookingId)
    .execute();
}

/** Cancels a seller's bookings on a base that have not ended yet; returns how many. */
export async function cancelUnfinishedBookingsOfSeller(
  db: Database,
  baseId: string,
  sellerOrgId: string,
  decidedBy: string,
) {
  const rows = await db
    .updateTable('studioBookings')
    .set({ status: 'cancelled', decidedBy, decidedAt: sql`now()` })
    .where('baseId', '=', baseId)
    .where('sellerOrgId', '=', sellerOrgId)
    .where('status', 'in', LIVE_BOOKING_STATUSES)
    .where(sql<boolean>`upper(during) > now()`)
    .returning('id')
    .execute();
  return rows.length;
}
