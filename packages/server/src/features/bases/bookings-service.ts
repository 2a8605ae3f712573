import {
  BOOKING_MAX_DAYS_AHEAD,
  BOOKING_TRANSITIONS,
  type BookingChange,
  type BookingStatus,
  bookingSourcesFor,
  type CreateBookingBody,
} from '@jadelive/shared';
import type { Context } from 'hono';
import type { Database } from '../../db/database';
import type { AppEnv } from '../../http/app-env';
import {
  because,
  conflict,
  forbidden,
  isExclusionViolation,
  notFound,
  unprocessable,
} from '../../http/errors';
import { iso } from '../../lib/serialize';
import { insertNotifications } from '../notifications/repository';
import * as bookings from './bookings-repository';
import { lockMembershipForBooking } from './memberships-repository';
import { auditAs } from './policies';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Books studio time for an admitted seller. The exclusion constraint is the only judge of
 * overlaps, so concurrent requests for the same time cannot both win; the loser's transaction
 * rolls back whole and it gets 409 with the times it collided with.
 */
export async function bookStudio(
  c: Context<AppEnv>,
  db: Database,
  request: { baseId: string; studioId: string; sellerOrgId: string; userId: string; body: CreateBookingBody },
) {
  const { baseId, studioId, sellerOrgId, body } = request;
  try {
    return await db.transaction().execute(async (trx) => {
      const studio = await bookings.lockStudioForBooking(trx, baseId, studioId);
      if (!studio) throw notFound('studio');
      const membership = await lockMembershipForBooking(trx, baseId, sellerOrgId);
      if (membership?.status !== 'admitted') {
        throw forbidden(
          'only sellers admitted to this base may book its studios; apply to join it first',
          because('base_membership_required'),
        );
      }
      const starts = Date.parse(body.startsAt);
      if (starts < Date.now()) {
        throw unprocessable('a booking cannot start in the past', because('booking_in_past'));
      }
      if (starts > Date.now() + BOOKING_MAX_DAYS_AHEAD * DAY_MS) {
        throw unprocessable(
          `studios can be booked at most ${BOOKING_MAX_DAYS_AHEAD} days ahead`,
          because('booking_too_far_ahead', { maxDays: BOOKING_MAX_DAYS_AHEAD }),
        );
      }
      if (studio.status !== 'available') {
        throw unprocessable(
          `the studio is ${studio.status}`,
          because('studio_unavailable', { status: studio.status }),
        );
      }
      const id = await bookings.insertBooking(trx, {
        baseId,
        studioId,
        sellerOrgId,
        startsAt: body.startsAt,
        endsAt: body.endsAt,
        purpose: body.purpose || null,
        createdBy: request.userId,
      });
      await auditAs(c, trx, {
        action: 'studio_booking.requested',
        organizationId: sellerOrgId,
        targetType: 'studio_booking',
        targetId: id,
        details: { baseId, studioId, startsAt: body.startsAt, endsAt: body.endsAt },
      });
      return (await bookings.findBooking(trx, { sellerOrgId }, id))!;
    });
  } catch (error) {
    if (!isExclusionViolation(error, 'studio_bookings_no_overlap')) throw error;
    const taken = await bookings.listOverlappingRanges(db, studioId, {
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      viewerOrgId: sellerOrgId,
    });
    throw conflict(
      'the studio is already booked for part of that time',
      because('booking_overlap', {
        overlapping: taken.map((range) => ({
          startsAt: iso(range.startsAt),
          endsAt: iso(range.endsAt),
          bookedBy: range.bookedBy,
        })),
      }),
    );
  }
}

/**
 * Moves a booking along: the base's operator approves, rejects or cancels; a seller may only
 * cancel its own. Bookings of others are not found.
 */
export async function changeBooking(
  c: Context<AppEnv>,
  db: Database,
  request: {
    scope: bookings.BookingScope;
    actorOrgId: string;
    userId: string;
    bookingId: string;
    to: BookingChange;
    note?: string;
  },
) {
  const { scope, bookingId, to } = request;
  const note = request.note || null;
  return db.transaction().execute(async (trx) => {
    const current = await bookings.lockBooking(trx, scope, bookingId);
    if (!current) throw notFound('booking');
    if ('sellerOrgId' in scope && to !== 'cancelled') {
      throw forbidden("only the base's operator approves or rejects bookings", because('base_operator_only'));
    }
    const from = current.status as BookingStatus;
    if (!bookingSourcesFor(to).includes(from)) {
      throw conflict(`a booking that is ${from} cannot become ${to}`, {
        ...because('invalid_transition', { from, to }),
        allowed: BOOKING_TRANSITIONS[from],
      });
    }
    if (current.isOver) throw unprocessable('the booking has already ended', because('booking_ended'));
    if (to === 'approved' && current.studioStatus !== 'available') {
      throw unprocessable(
        `the studio is ${current.studioStatus}`,
        because('studio_unavailable', { status: current.studioStatus }),
      );
    }
    await bookings.setBookingStatus(trx, bookingId, to, request.userId, note);
    await auditAs(c, trx, {
      action: `studio_booking.${to}`,
      organizationId: request.actorOrgId,
      targetType: 'studio_booking',
      targetId: bookingId,
      details: { baseId: current.baseId, from, to, note },
    });
    const booking = (await bookings.findBooking(trx, scope, bookingId))!;
    // The seller hears of its operator's decisions; its own cancellations need no telling.
    if (booking.sellerOrgId !== request.actorOrgId) {
      await insertNotifications(trx, [
        {
          orgId: booking.sellerOrgId,
          kind: 'studio_booking_decided',
          message: `${booking.baseName} · ${booking.studioName}: booking ${to}${note ? ` (${note})` : ''}`,
          subjectType: 'studio_booking',
          subjectId: booking.id,
          details: {
            baseName: booking.baseName,
            studioName: booking.studioName,
            startsAt: iso(booking.startsAt),
            status: to,
            note,
          },
        },
      ]);
    }
    return booking;
  });
}
