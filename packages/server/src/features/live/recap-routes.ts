import { OpenAPIHono } from '@hono/zod-openapi';
import { liveRecapSchema } from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { liveCaller } from './caller';
import { findEndedSession, sessionRecap } from './recap-repository';

export const recapRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.public, {
    method: 'get',
    path: '/sessions/{id}/recap',
    tags: ['live'],
    summary: 'The public summary of an ended session: host, shop, when it ran, what was sold and won',
    description:
      'For everyone once a session that went live has ended (404 for a session that is still open, ' +
      'was cancelled or does not exist). Auction winners are masked as in the room; `myOrders` ' +
      "holds only the signed-in caller's own orders from the session (a winner's order to pay).",
    request: { params: uuidParam('id') },
    responses: { 200: jsonResponse(liveRecapSchema) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const session = await findEndedSession(db, id);
    if (!session) throw notFound('ended live session');
    return c.json(await sessionRecap(db, session, liveCaller(c).userId), 200);
  },
);
