import { OpenAPIHono, z } from '@hono/zod-openapi';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';
import { WebhookAuthError } from './livekit-gateway';
import { applyWebhook, STALE_EVENT_MS } from './webhook-events';

export const webhookRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.public, {
    method: 'post',
    path: '/webhooks',
    auditExempt:
      'LiveKit’s events are mostly presence (joins, leaves); a session they start or end is recorded as the system’s',
    tags: ['live'],
    summary: 'LiveKit webhooks (signed: JWT in Authorization with the SHA-256 of the body)',
    description:
      'Forged, unsigned or stale events answer 401. An event id seen before answers 200 and changes nothing.',
    responses: {
      200: jsonResponse(
        z.object({ ok: z.literal(true), outcome: z.enum(['applied', 'duplicate', 'ignored']) }),
      ),
    },
  }),
  async (c) => {
    const { deps } = c.var;
    // The signature covers the exact bytes, so the body is read raw, never re-serialised.
    const body = await c.req.text();
    if (!deps.livekit)
      throw new ApiError('UNAUTHENTICATED', 'webhooks cannot be verified: live video is not configured');
    let event: Awaited<ReturnType<typeof deps.livekit.receiveWebhook>>;
    try {
      event = await deps.livekit.receiveWebhook(body, c.req.header('authorization'));
    } catch (error) {
      if (error instanceof WebhookAuthError)
        throw new ApiError('UNAUTHENTICATED', `webhook refused: ${error.message}`);
      throw new ApiError('BAD_REQUEST', 'webhook body is not a LiveKit event');
    }
    if (!event.id || Date.now() - event.createdAt.getTime() > STALE_EVENT_MS) {
      throw new ApiError('UNAUTHENTICATED', 'webhook refused: stale event');
    }
    const outcome = await applyWebhook(deps, event);
    return c.json({ ok: true as const, outcome }, 200);
  },
);
