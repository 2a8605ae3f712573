import { randomUUID } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  orderSchema,
  paymentNotificationResultSchema,
  paymentSchema,
  sandboxCompleteBodySchema,
} from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { BUYER_VIEW } from '../addresses/order-view';
import { buyerUserId } from '../orders/buyer';
import { findOrder } from '../orders/repository';
import { toOrder, toPayment } from '../orders/serialize';
import { receiveNotification } from './notifications';
import { sandboxProvider } from './providers';
import { findBuyerPayment } from './repository';

const tags = ['payments'];

export const paymentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/notify/sandbox',
      tags,
      summary: 'Payment notifications of the sandbox provider (HMAC-SHA256 signed)',
      description:
        'Header `X-Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody" with PAYMENT_SANDBOX_SECRET>`; body `{notificationId, paymentId, outcome, amountFen}`. Forged, unsigned or stale (±300 s) notifications answer 401. A notification id seen before answers 200 `duplicate` and changes nothing.',
      responses: { 200: jsonResponse(paymentNotificationResultSchema) },
    }),
    async (c) => {
      // The signature covers the exact bytes, so the body is read raw, never re-serialised.
      const rawBody = await c.req.text();
      const outcome = await receiveNotification(c.var.deps, 'sandbox', rawBody, c.req.header());
      return c.json({ ok: true as const, outcome }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/sandbox/{id}/complete',
      tags,
      summary: 'Sandbox gateway page: confirm or fail one of your payments',
      description:
        'Buyer accounts only; another buyer’s payment is 404. Stands in for the gateway’s hosted payment page: the sandbox signs a notification and delivers it through the same verification path as POST /api/payments/notify/sandbox.',
      request: { params: uuidParam('id'), body: jsonBody(sandboxCompleteBodySchema) },
      responses: { 200: jsonResponse(z.object({ payment: paymentSchema, order: orderSchema })) },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { deps } = c.var;
      const { id } = c.req.valid('param');
      const payment = await findBuyerPayment(deps.db, userId, id);
      if (payment?.provider !== 'sandbox') throw notFound('payment');
      if (payment.status !== 'pending') {
        throw conflict(
          `this payment is already ${payment.status}`,
          because('payment_already', { status: payment.status }),
        );
      }
      const signed = sandboxProvider(deps).signNotification({
        notificationId: randomUUID(),
        paymentId: payment.id,
        outcome: c.req.valid('json').outcome === 'success' ? 'success' : 'fail',
        amountFen: payment.amountFen,
      });
      await receiveNotification(deps, 'sandbox', signed.body, signed.headers);
      const [after, order] = await Promise.all([
        findBuyerPayment(deps.db, userId, id),
        findOrder(deps.db, { buyerUserId: userId }, payment.orderId),
      ]);
      if (!after || !order) throw notFound('payment');
      return c.json({ payment: toPayment(after), order: toOrder(order, BUYER_VIEW) }, 200);
    },
  );
