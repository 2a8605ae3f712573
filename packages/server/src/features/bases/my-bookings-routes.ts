import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bookingChangeBodySchema, bookingListQuerySchema, bookingSchema } from '@jadelive/shared';
import { Access, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { listBookings } from './bookings-repository';
import { changeBooking } from './bookings-service';
import { sellerMembers } from './policies';
import { toBooking } from './serialize';

const tags = ['studio bookings'];

// Booking-centred routes, mounted at /api/bookings.
export const myBookingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerMembers, {
      method: 'get',
      path: '/mine',
      tags,
      summary: "The caller's seller organisation's studio bookings on every base",
      description:
        '`upcoming` (default): not ended yet, soonest first; `past` and `all`: latest first. At most 500.',
      request: { query: bookingListQuerySchema },
      responses: { 200: jsonResponse(z.object({ bookings: z.array(bookingSchema) })) },
    }),
    async (c) => {
      const sellerOrgId = memberActor(c).organizationId;
      const rows = await listBookings(c.var.deps.db, { sellerOrgId }, c.req.valid('query'));
      return c.json({ bookings: rows.map(toBooking) }, 200);
    },
  )
  .openapi(
    defineRoute(Access.members(['cluster_operator', 'seller']), {
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Approve, reject or cancel a booking',
      description:
        "The base's operator: requested → approved | rejected, requested | approved → cancelled. " +
        'A seller (any role): cancel its own bookings only (403 for approve/reject). Bookings of ' +
        'other sellers or on other operators’ bases answer 404; a finished booking cannot change (422); ' +
        'other changes answer 409. An optional `note` (the reason) is kept with the decision and sent to the seller as a notification.',
      request: { params: uuidParam('id'), body: jsonBody(bookingChangeBodySchema) },
      responses: { 200: jsonResponse(bookingSchema) },
    }),
    async (c) => {
      const actor = memberActor(c);
      const booking = await changeBooking(c, c.var.deps.db, {
        scope:
          actor.organizationKind === 'seller'
            ? { sellerOrgId: actor.organizationId }
            : { operatorOrgId: actor.organizationId },
        actorOrgId: actor.organizationId,
        userId: sessionActor(c).userId,
        bookingId: c.req.valid('param').id,
        to: c.req.valid('json').status,
        note: c.req.valid('json').note,
      });
      return c.json(toBooking(booking), 200);
    },
  );
