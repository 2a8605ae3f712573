import {
  type ArbitrationDecisionBody,
  type OrderStatus,
  RETURN_ESCALATION_DAYS,
  RETURN_RESPONSE_HOURS,
  RETURN_WINDOW_DAYS,
  type ReturnRequestBody,
  type ReturnStatementBody,
} from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, conflict, unprocessable } from '../../http/errors';
import { requireImagesOf } from '../images/repository';
import { undoSoldCount } from '../orders/deal';
import type { Tx } from '../orders/holds';
import { refundCauseColumns } from '../orders/refund-cause';
import { refundOrderPayment } from '../orders/seller-actions';
import { returnWindowEndsAt } from '../orders/serialize';
import { type OrderActor, transitionOrder } from '../orders/transitions';
import { findReturn, insertReturn, updateReturn } from './repository';

type Deps = Pick<AppDeps, 'db' | 'config'>;
const HOUR_MS = 3_600_000;
const buyer = (userId: string): OrderActor => ({ actor: 'buyer', userId });
const seller = (userId: string | null): OrderActor => ({ actor: 'seller', userId });
const system: OrderActor = { actor: 'system', userId: null };

/**
 * 七日无理由退货: a delivered order, within the window, not custom-made. The buyer's words become
 * the order's refund reason, as a refund request's did; the seller has 48 hours to answer.
 */
export async function requestReturn(
  deps: Deps,
  buyerUserId: string,
  orderId: string,
  body: ReturnRequestBody,
) {
  await deps.db.transaction().execute(async (trx) => {
    await requireImagesOf(trx, { userId: buyerUserId }, body.photoIds, 'photoIds');
    await transitionOrder(trx, { buyerUserId }, orderId, 'return_requested', buyer(buyerUserId), {
      note: body.reason,
      set: {
        refundReason: body.reason,
        ...refundCauseColumns({ kind: 'buyer' }),
        refundFromStatus: 'delivered',
        refundRequestedAt: new Date(),
      },
      check: (order) => {
        if (order.customMade) {
          throw unprocessable(
            'custom-made goods cannot be returned without a reason',
            because('custom_made'),
          );
        }
        const windowEnd = returnWindowEndsAt(order);
        if (!windowEnd || windowEnd.getTime() < Date.now()) {
          throw unprocessable(
            `the ${RETURN_WINDOW_DAYS}-day return window has closed`,
            because('return_window_closed', { days: RETURN_WINDOW_DAYS }),
          );
        }
      },
    });
    const requestedAt = new Date();
    await insertReturn(trx, {
      orderId,
      reason: body.reason,
      photoIds: body.photoIds,
      requestedAt,
      respondBy: new Date(requestedAt.getTime() + RETURN_RESPONSE_HOURS * HOUR_MS),
    });
  });
}

/** The seller (or, after 48 hours of silence, the system) agrees: the buyer may ship it back. */
export async function approveReturn(deps: Deps, sellerOrgId: string, userId: string | null, orderId: string) {
  await deps.db.transaction().execute(async (trx) => {
    // Arbitration may also approve; a seller only answers a request.
    await transitionOrder(trx, { sellerOrgId }, orderId, 'return_approved', seller(userId), {
      check: (order) => requireStatus(order.status, 'return_requested', 'return_approved'),
    });
    await updateReturn(trx, orderId, { approvedAt: new Date() });
  });
}

export async function refuseReturn(
  deps: Deps,
  sellerOrgId: string,
  userId: string | null,
  orderId: string,
  reason: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    await transitionOrder(trx, { sellerOrgId }, orderId, 'return_refused', seller(userId), {
      note: reason,
      check: async () => {
        const row = await findReturn(trx, orderId);
        if (row && row.respondBy.getTime() < Date.now()) {
          throw conflict(
            'the 48 hours to answer have passed: the return counts as agreed',
            because('return_answer_overdue', { respondBy: row.respondBy.toISOString() }),
          );
        }
      },
    });
    const now = new Date();
    await updateReturn(trx, orderId, {
      refusalReason: reason,
      refusedAt: now,
      escalateBy: new Date(now.getTime() + RETURN_ESCALATION_DAYS * 24 * HOUR_MS),
    });
  });
}

/** A refused buyer takes the return to the platform, with their side of it. */
export async function escalateReturn(
  deps: Deps,
  buyerUserId: string,
  orderId: string,
  body: ReturnStatementBody,
) {
  await deps.db.transaction().execute(async (trx) => {
    await requireImagesOf(trx, { userId: buyerUserId }, body.photoIds, 'photoIds');
    await transitionOrder(trx, { buyerUserId }, orderId, 'return_arbitration', buyer(buyerUserId), {
      note: body.statement,
      check: async (order) => {
        if (order.status !== 'return_refused') {
          throw conflict(
            `an order that is ${order.status} cannot go to arbitration by its buyer`,
            because('return_step_not_open', { status: order.status }),
          );
        }
        // Past the deadline the refusal has lapsed, whether or not the sweep has run yet.
        const escalateBy = (await findReturn(trx, orderId))?.escalateBy;
        if (escalateBy && escalateBy.getTime() < Date.now()) {
          throw conflict(
            `the ${RETURN_ESCALATION_DAYS} days to take the refusal to arbitration have passed`,
            because('return_step_not_open', { status: order.status }),
          );
        }
      },
    });
    await updateReturn(trx, orderId, {
      buyerStatement: body.statement,
      buyerStatementPhotoIds: body.photoIds,
      escalatedAt: new Date(),
    });
  });
}

/** The refused buyer lets it be: the sale stands. */
export async function acceptRefusal(deps: Deps, buyerUserId: string, orderId: string) {
  // Only a refusal: a case in arbitration is the platform's to close.
  await deps.db.transaction().execute((trx) =>
    transitionOrder(trx, { buyerUserId }, orderId, 'completed', buyer(buyerUserId), {
      check: (order) => requireStatus(order.status, 'return_refused', 'completed'),
    }),
  );
}

export async function shipReturn(
  deps: Deps,
  buyerUserId: string,
  orderId: string,
  shipment: { trackingNumber: string; carrier: string },
) {
  await deps.db.transaction().execute(async (trx) => {
    await transitionOrder(trx, { buyerUserId }, orderId, 'return_shipped', buyer(buyerUserId));
    await updateReturn(trx, orderId, {
      returnCarrier: shipment.carrier,
      returnTrackingNumber: shipment.trackingNumber,
      returnShippedAt: new Date(),
    });
  });
}

/** The piece came back as sent: the money goes back through the provider that took it. */
export async function receiveReturn(deps: Deps, sellerOrgId: string, userId: string | null, orderId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const { before } = await transitionOrder(trx, { sellerOrgId }, orderId, 'refunded', seller(userId), {
      cause: { kind: 'return_received' },
      check: (order) => requireStatus(order.status, 'return_shipped', 'refunded'),
    });
    await refundReturnedOrder(deps, trx, before);
  });
}

/** The piece came back damaged: the platform decides, from both sides' words and photos. */
export async function reportDamage(
  deps: Deps,
  sellerOrgId: string,
  userId: string | null,
  orderId: string,
  body: ReturnStatementBody,
) {
  await deps.db.transaction().execute(async (trx) => {
    await requireImagesOf(trx, { orgId: sellerOrgId }, body.photoIds, 'photoIds');
    await transitionOrder(trx, { sellerOrgId }, orderId, 'return_arbitration', seller(userId), {
      note: body.statement,
      check: (order) => requireStatus(order.status, 'return_shipped', 'return_arbitration'),
    });
    await updateReturn(trx, orderId, {
      damageReport: body.statement,
      damagePhotoIds: body.photoIds,
      damageReportedAt: new Date(),
    });
  });
}

/**
 * The platform's decision. For the buyer: a refused return goes ahead (the buyer ships it back),
 * a disputed returned piece is refunded. For the seller: the sale stands.
 */
export async function decideArbitration(
  deps: Deps,
  adminUserId: string,
  orderId: string,
  body: ArbitrationDecisionBody,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findReturn(trx, orderId);
    const goodsCameBack = row?.returnShippedAt != null;
    const to: OrderStatus =
      body.decideFor === 'seller' ? 'completed' : goodsCameBack ? 'refunded' : 'return_approved';
    const { before } = await transitionOrder(
      trx,
      { system: true },
      orderId,
      to,
      { actor: 'platform', userId: adminUserId },
      {
        cause: { kind: body.decideFor === 'buyer' ? 'arbitration_for_buyer' : 'arbitration_for_seller' },
        note: body.reason,
        check: (order) => requireStatus(order.status, 'return_arbitration', to),
      },
    );
    await updateReturn(trx, orderId, {
      arbitrationDecidedFor: body.decideFor,
      arbitrationReason: body.reason,
      arbitratedBy: adminUserId,
      arbitratedAt: new Date(),
      ...(to === 'return_approved' ? { approvedAt: new Date() } : {}),
    });
    if (to === 'refunded') await refundReturnedOrder(deps, trx, before);
    return to;
  });
}

/** The system's side of the deadlines: a seller's silence agrees; a refused buyer's silence lets the sale stand. */
export async function settleOverdueReturn(
  deps: Pick<AppDeps, 'db'>,
  orderId: string,
  kind: 'unanswered' | 'lapsed',
  now: Date,
) {
  await deps.db.transaction().execute(async (trx) => {
    if (kind === 'unanswered') {
      await transitionOrder(trx, { system: true }, orderId, 'return_approved', system, {
        cause: { kind: 'return_auto_approved' },
        check: async (order) => {
          requireStatus(order.status, 'return_requested', 'return_approved');
          requireDue((await findReturn(trx, orderId))?.respondBy, now);
        },
      });
      await updateReturn(trx, orderId, { approvedAt: now });
    } else {
      // Only a refusal still standing lapses: a buyer who went to arbitration meanwhile keeps the case.
      await transitionOrder(trx, { system: true }, orderId, 'completed', system, {
        cause: { kind: 'return_refusal_lapsed' },
        check: async (order) => {
          requireStatus(order.status, 'return_refused', 'completed');
          requireDue((await findReturn(trx, orderId))?.escalateBy, now);
        },
      });
    }
  });
}

function requireDue(deadline: Date | null | undefined, now: Date) {
  if (!deadline || deadline > now) throw conflict('not due yet');
}

/** A status the generic machine allows from several places, narrowed to the one this step starts from. */
function requireStatus(status: string, from: string, to: string) {
  if (status !== from) {
    throw conflict(
      `an order that is ${status} cannot become ${to} this way`,
      because('return_step_not_open', { status }),
    );
  }
}

async function refundReturnedOrder(
  deps: Deps,
  trx: Tx,
  order: { id: string; listingId: string; quantity: number },
) {
  await refundOrderPayment(deps, trx, order.id);
  // Returned goods do not go back on sale by themselves: the seller inspects the piece first.
  await undoSoldCount(trx, order);
}
