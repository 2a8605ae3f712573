import { OpenAPIHono } from '@hono/zod-openapi';
import { sessionStatisticsSchema } from '@jadelive/shared';
import { Access, MANAGERS, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { sessionStatistics } from './service';

const tags = ['statistics'];

/** Mounted at /api/statistics. */
export const statisticsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.members(['seller', 'cluster_operator', 'regulator', 'platform']), {
    method: 'get',
    path: '/live-sessions/{id}',
    tags,
    summary: 'What a live session sold and drew: orders, buyers, GMV, viewers, GPM, giveaways, flags',
    description:
      'For members of the seller, the operator of the base whose studio it was booked in, the ' +
      "regulator of the seller's district and platform owners and admins; 404 for anyone else and " +
      'for a session that never went live. Each figure carries a status: `live` while on air, ' +
      '`pending` after the end while an order of the session can still be paid, refunded or ' +
      'returned (until each is completed, refunded or cancelled), `final` after. Paid orders are ' +
      'those with a payment (late ones included), GMV is paid minus refunded, in fen. ' +
      "`comparison` holds the seller's medians over its last 30 sessions that ended before this one.",
    request: { params: uuidParam('id') },
    responses: { 200: jsonResponse(sessionStatisticsSchema) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const actor = memberActor(c);
    const statistics = await sessionStatistics(
      c.var.deps.db,
      {
        orgId: actor.organizationId,
        orgKind: actor.organizationKind,
        platformAdmin:
          actor.type === 'session' &&
          actor.organizationKind === 'platform' &&
          actor.role !== null &&
          MANAGERS.includes(actor.role),
      },
      id,
    );
    if (!statistics) throw notFound('live session');
    return c.json(statistics, 200);
  },
);
