import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { type AuditAction, recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { recordDeal } from '../orders/deal';
import { lockOrder } from '../orders/repository';
import { transitionOrder } from '../orders/transitions';
import { NotificationMalformed, NotificationRefused, type PaymentNotification } from './provider';
import { paymentProvider } from './providers';
import { lockPayment } from './repository';

export type NotificationOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * The callback path of every provider: verify (forged or stale → 401), then apply once.
 * Used by `POST /api/payments/notify/{provider}` and by the sandbox's own delivery.
 */
export async function receiveNotification(
  deps: Pick<AppDeps, 'db' | 'config' | 'logger'>,
  providerName: string,
  rawBody: string,
  headers: Record<string, string | undefined>,
): Promise<NotificationOutcome> {
  const notification = await verifiedNotification(deps, providerName, rawBody, headers);
  return applyNotification(deps, providerName, notification);
}

/** A provider's notification, verified: forged or stale → 401, unreadable → 400. */
export async function verifiedNotification(
  deps: Pick<AppDeps, 'config'>,
  providerName: string,
  rawBody: string,
  headers: Record<string, string | undefined>,
): Promise<PaymentNotification> {
  try {
    return await paymentProvider(deps, providerName).verifyNotification(rawBody, headers);
  } catch (error) {
    if (error instanceof NotificationRefused) {
      throw new ApiError('UNAUTHENTICATED', `payment notification refused: ${error.message}`);
    }
    if (error instanceof NotificationMalformed) throw new ApiError('BAD_REQUEST', error.message);
    throw error;
  }
}

/**
 * One transaction per notification. Its id is stored first: a second delivery of the same id
 * finds it and changes nothing. A success moves the order to paid and records the deal; a
 * success for an order that was cancelled meanwhile (payment timeout) is refunded at once.
 */
export async function applyNotification(
  deps: Pick<AppDeps, 'db' | 'config' | 'logger'>,
  providerName: string,
  notification: PaymentNotification,
): Promise<NotificationOutcome> {
  const provider = paymentProvider(deps, providerName);
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await claimNotification(trx, providerName, notification);
    if (!claimed) {
      nothingToAudit('a payment notification delivered before changes nothing');
      return 'duplicate' as const;
    }
    const payment = await lockPayment(trx, notification.paymentId, providerName);
    // Every notification's result is the provider's doing, recorded as the system's.
    const settle = async (result: string, paymentId: string | null) => {
      await claimed(result, paymentId);
      const action: AuditAction =
        result === 'paid'
          ? 'payment.succeeded'
          : result === 'failed'
            ? 'payment.failed'
            : result.startsWith('refunded_')
              ? 'payment.refunded'
              : 'payment.notification_ignored';
      await recordAudit(trx, {
        action,
        actorUserId: null,
        actorTokenId: null,
        organizationId: payment?.sellerOrgId ?? null,
        targetType: payment ? 'order' : null,
        targetId: payment?.orderId ?? null,
        details: {
          provider: providerName,
          notificationId: notification.notificationId,
          paymentId: notification.paymentId,
          amountFen: notification.amountFen,
          result,
        },
      });
    };
    if (!payment) {
      await settle('unknown_payment', null);
      return 'ignored' as const;
    }
    if (payment.status !== 'pending') {
      await settle(`payment_already_${payment.status}`, payment.id);
      return 'ignored' as const;
    }
    if (payment.amountFen !== notification.amountFen) {
      deps.logger.warn({ paymentId: payment.id }, 'payment notification amount does not match');
      await settle('amount_mismatch', payment.id);
      return 'ignored' as const;
    }
    if (notification.outcome === 'fail') {
      await trx
        .updateTable('payments')
        .set({ status: 'failed', completedAt: sql`now()` })
        .where('id', '=', payment.id)
        .execute();
      await settle('failed', payment.id);
      return 'applied' as const;
    }

    const order = await lockOrder(trx, { system: true }, payment.orderId);
    if (order?.status === 'pending_payment') {
      await trx
        .updateTable('payments')
        .set({ status: 'succeeded', completedAt: sql`now()` })
        .where('id', '=', payment.id)
        .execute();
      await transitionOrder(
        trx,
        { system: true },
        order.id,
        'paid',
        { actor: 'payment', userId: null },
        // Which payment, by which provider, is in the order's payments.
        { cause: { kind: 'payment_received' } },
      );
      await recordDeal(trx, order);
      await settle('paid', payment.id);
      return 'applied' as const;
    }
    // The money arrived for an order that is no longer waiting for it: give it back.
    const refund = await provider.refund({
      paymentId: payment.id,
      providerRef: payment.providerRef,
      amountFen: payment.amountFen,
    });
    await trx
      .updateTable('payments')
      .set({
        status: 'refunded',
        completedAt: sql`now()`,
        refundedAt: sql`now()`,
        refundRef: refund.refundRef,
      })
      .where('id', '=', payment.id)
      .execute();
    await settle(`refunded_order_${order?.status ?? 'missing'}`, payment.id);
    return 'applied' as const;
  });
}

/**
 * Records a notification by the provider's own id, inside the caller's transaction. A repeated
 * delivery answers null (nothing to do); a fresh one answers how to record its result.
 */
export async function claimNotification(
  trx: Database,
  providerName: string,
  notification: PaymentNotification,
) {
  const fresh = await trx
    .insertInto('paymentNotifications')
    .values({
      provider: providerName,
      notificationId: notification.notificationId,
      outcome: notification.outcome,
    })
    .onConflict((oc) => oc.columns(['provider', 'notificationId']).doNothing())
    .returning('notificationId')
    .executeTakeFirst();
  if (!fresh) return null;
  return async (result: string, paymentId: string | null) => {
    await trx
      .updateTable('paymentNotifications')
      .set({ result, paymentId })
      .where('provider', '=', providerName)
      .where('notificationId', '=', notification.notificationId)
      .execute();
  };
}
