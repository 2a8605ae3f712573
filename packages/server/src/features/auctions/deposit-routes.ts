import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  auctionDepositSchema,
  paymentNotificationResultSchema,
  sandboxCompleteBodySchema,
} from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { buyerUserId } from '../orders/buyer';
import { sandboxProvider } from '../payments/providers';
import { findDepositOfBuyer, receiveDepositNotification, startDeposit, toDeposit } from './deposits';
import { loadAuction } from './detail';

const tags = ['auctions'];

/** `/api/auctions/…`: deposits (保证金) for auctions that ask for one. */
export const auctionDepositRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/deposit',
      tags,
      summary: 'Open the deposit payment (保证金) needed before bidding',
      description:
        'Buyer accounts only. 201 with a pending deposit and its `payUrl`; 200 with the one already pending or held. 409 reason no_deposit when the auction asks for none, ended when it is over. Losers’ deposits are refunded at close; the winner’s once the hammer order is paid, and it is forfeited if that order is cancelled (payment timeout).',
      request: { params: uuidParam('id') },
      responses: {
        201: jsonResponse(auctionDepositSchema, 'Created'),
        200: jsonResponse(auctionDepositSchema, 'Already open'),
      },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { id } = c.req.valid('param');
      await loadAuction(c, id);
      const { deposit, created } = await startDeposit(c.var.deps, userId, id);
      return c.json(toDeposit(deposit), created ? 201 : 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/deposits/notify/sandbox',
      tags,
      summary: 'Deposit payment notifications of the sandbox provider (HMAC-SHA256 signed)',
      description:
        'Same signature and body as POST /api/payments/notify/sandbox, with `paymentId` the deposit id. Forged, unsigned or stale notifications answer 401; a notification id seen before answers `duplicate`. Money arriving after the auction closed is refunded at once.',
      responses: { 200: jsonResponse(paymentNotificationResultSchema) },
    }),
    async (c) => {
      // The signature covers the exact bytes, so the body is read raw, never re-serialised.
      const rawBody = await c.req.text();
      const outcome = await receiveDepositNotification(c.var.deps, 'sandbox', rawBody, c.req.header());
      return c.json({ ok: true as const, outcome }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/deposits/{id}/sandbox/complete',
      tags,
      summary: 'Sandbox gateway page: confirm or fail one of your deposit payments',
      description:
        'Buyer accounts only; another buyer’s deposit is 404, a settled one 409. The sandbox signs a notification and delivers it through the same verification path as POST /api/auctions/deposits/notify/sandbox.',
      request: { params: uuidParam('id'), body: jsonBody(sandboxCompleteBodySchema) },
      responses: { 200: jsonResponse(auctionDepositSchema) },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { deps } = c.var;
      const { id } = c.req.valid('param');
      const deposit = await findDepositOfBuyer(deps.db, id, userId);
      if (deposit?.provider !== 'sandbox') throw notFound('deposit');
      if (deposit.status !== 'pending') {
        throw conflict(
          `this deposit is already ${deposit.status}`,
          because('payment_already', { status: deposit.status }),
        );
      }
      const signed = sandboxProvider(deps).signNotification({
        notificationId: randomUUID(),
        paymentId: deposit.id,
        outcome: c.req.valid('json').outcome,
        amountFen: deposit.amountFen,
      });
      await receiveDepositNotification(deps, 'sandbox', signed.body, signed.headers);
      const after = await findDepositOfBuyer(deps.db, id, userId);
      if (!after) throw notFound('deposit');
      return c.json(toDeposit(after), 200);
    },
  );
