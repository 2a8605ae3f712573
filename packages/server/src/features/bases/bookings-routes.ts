import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  BOOKING_TIME_ZONE,
  bookingListQuerySchema,
  bookingSchema,
  type Calendar,
  calendarQuerySchema,
  calendarSchema,
  createBookingBodySchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import { Access, type MemberActor, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, forbidden, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route';
import * as bookings from './bookings-repository';
import { bookStudio } from './bookings-service';
import { type CalendarViewer, calendarStudios, shanghaiWeek } from './calendar';
import { findMembership } from './memberships-repository';
import { baseParams, operators, sellerMembers, studioParams } from './policies';
import { findBase, findOperatedBase, listStudiosOfBases } from './repository';
import { toBooking } from './serialize';

const tags = ['studio bookings'];
const calendarReaders = Access.members(['cluster_operator', 'seller']);

const CALENDAR_DESCRIPTION =
  `Bookings that hold studio time (requested or approved) in one week, Monday 00:00 to the next ` +
  `Monday 00:00 in ${BOOKING_TIME_ZONE} (UTC+8, no daylight saving). \`weekStart\` may be any day of ` +
  `the wanted week; the answer names its Monday. The base's operator sees every booking with seller ` +
  `and status; an admitted seller sees its own bookings in full and other sellers' only as \`busy\`. ` +
  `Other operators get 404; sellers not admitted to the base get 403.`;

/** Who may read a base's calendar, and how much they see. */
async function calendarViewer(
  c: Context<AppEnv>,
  actor: MemberActor,
  baseId: string,
): Promise<CalendarViewer> {
  const { db } = c.var.deps;
  if (actor.organizationKind === 'cluster_operator') {
    if (!(await findOperatedBase(db, actor.organizationId, baseId))) throw notFound('base');
    return { kind: 'operator' };
  }
  if (!(await findBase(db, baseId))) throw notFound('base');
  const membership = await findMembership(db, baseId, actor.organizationId);
  if (membership?.status !== 'admitted')
    throw forbidden(
      'only sellers admitted to this base see its calendar',
      because('base_membership_required'),
    );
  return { kind: 'member', sellerOrgId: actor.organizationId };
}

async function weekCalendar(
  c: Context<AppEnv>,
  baseId: string,
  weekStart: string | undefined,
  studioId?: string,
): Promise<Calendar> {
  const { db } = c.var.deps;
  const viewer = await calendarViewer(c, memberActor(c), baseId);
  const base = (await findBase(db, baseId))!;
  const studios = (await listStudiosOfBases(db, [baseId], { includeRetired: true })).filter(
    (studio) => studioId === undefined || studio.id === studioId,
  );
  if (studioId !== undefined && studios.length === 0) throw notFound('studio');
  const week = shanghaiWeek(weekStart);
  const slots = await bookings.listLiveBookingsBetween(db, baseId, { ...week, studioId });
  return {
    base: { id: base.id, name: base.name },
    weekStart: week.weekStart,
    timeZone: BOOKING_TIME_ZONE,
    from: week.from.toISOString(),
    to: week.to.toISOString(),
    viewer: viewer.kind,
    studios: calendarStudios(studios, slots, viewer),
  };
}

export const bookingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerMembers, {
      method: 'post',
      path: '/{id}/studios/{studioId}/bookings',
      tags,
      summary: 'Book studio time (sellers admitted to the base; any role, hosts included)',
      description:
        'Times are ISO 8601 with an offset; the range is [startsAt, endsAt), 15 minutes to 12 hours, ' +
        'not in the past, at most 180 days ahead (422 otherwise), in a studio that is available (422). ' +
        'The booking starts as `requested` and holds the time until the operator rejects it or ' +
        'someone cancels it. Overlapping a live booking of the same studio answers 409. Sellers not ' +
        'admitted to the base get 403.',
      request: { params: studioParams, body: jsonBody(createBookingBodySchema) },
      responses: { 201: jsonResponse(bookingSchema) },
    }),
    async (c) => {
      const { id, studioId } = c.req.valid('param');
      const booking = await bookStudio(c, c.var.deps.db, {
        baseId: id,
        studioId,
        sellerOrgId: memberActor(c).organizationId,
        userId: sessionActor(c).userId,
        body: c.req.valid('json'),
      });
      return c.json(toBooking(booking), 201);
    },
  )
  .openapi(
    defineRoute(operators, {
      method: 'get',
      path: '/{id}/bookings',
      tags,
      summary: 'Bookings on a base, e.g. requests waiting for approval (its operator only)',
      description:
        '`upcoming` (default): not ended yet, soonest first; `past` and `all`: latest first. At most 500.',
      request: { params: baseParams, query: bookingListQuerySchema },
      responses: { 200: jsonResponse(z.object({ bookings: z.array(bookingSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const operatorOrgId = memberActor(c).organizationId;
      const { id } = c.req.valid('param');
      if (!(await findOperatedBase(db, operatorOrgId, id))) throw notFound('base');
      const rows = await bookings.listBookings(
        db,
        { operatorOrgId },
        { baseId: id, ...c.req.valid('query') },
      );
      return c.json({ bookings: rows.map(toBooking) }, 200);
    },
  )
  .openapi(
    defineRoute(calendarReaders, {
      method: 'get',
      path: '/{id}/calendar',
      tags,
      summary: 'Week calendar of every studio of a base',
      description: CALENDAR_DESCRIPTION,
      request: { params: baseParams, query: calendarQuerySchema },
      responses: { 200: jsonResponse(calendarSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await weekCalendar(c, id, c.req.valid('query').weekStart), 200);
    },
  )
  .openapi(
    defineRoute(calendarReaders, {
      method: 'get',
      path: '/{id}/studios/{studioId}/calendar',
      tags,
      summary: 'Week calendar of one studio',
      description: CALENDAR_DESCRIPTION,
      request: { params: studioParams, query: calendarQuerySchema },
      responses: { 200: jsonResponse(calendarSchema) },
    }),
    async (c) => {
      const { id, studioId } = c.req.valid('param');
      return c.json(await weekCalendar(c, id, c.req.valid('query').weekStart, studioId), 200);
    },
  );
