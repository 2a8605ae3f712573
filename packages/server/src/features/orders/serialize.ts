import {
  type Order,
  type OrderStatus,
  orderEventSchema,
  type Payment,
  RETURN_WINDOW_DAYS,
} from '@jadelive/shared';
import type { z } from 'zod';
import { iso, isoOrNull } from '../../lib/serialize';
import { type OrderViewer, shippingAddressFor } from '../addresses/order-view';
import { refundCauseFromColumns } from './refund-cause';
import type { OrderRow } from './repository';

const DAY_MS = 86_400_000;

export function returnWindowEndsAt(order: { deliveredAt: Date | null; customMade: boolean }): Date | null {
  if (!order.deliveredAt || order.customMade) return null;
  return new Date(order.deliveredAt.getTime() + RETURN_WINDOW_DAYS * DAY_MS);
}

/** The order as `viewer` may see it (the shipping address differs between buyer, shop and host). */
export function toOrder(row: OrderRow, viewer: OrderViewer): Order {
  return {
    id: row.id,
    buyerUserId: row.buyerUserId,
    sellerOrgId: row.sellerOrgId,
    listingId: row.listingId,
    listingTitle: row.listingTitle,
    liveSessionId: row.liveSessionId,
    flashSaleId: row.flashSaleId,
    auctionId: row.auctionId,
    quantity: row.quantity,
    unitPriceFen: row.unitPriceFen,
    totalFen: row.totalFen,
    customMade: row.customMade,
    status: row.status as OrderStatus,
    paymentDueAt: iso(row.paymentDueAt),
    trackingNumber: row.trackingNumber,
    carrier: row.carrier,
    shippingAddress: shippingAddressFor(row, viewer),
    refundReason: row.refundReason,
    refundCause: refundCauseFromColumns(row.refundCauseKind, row.refundCauseDetails),
    createdAt: iso(row.createdAt),
    paidAt: isoOrNull(row.paidAt),
    shippedAt: isoOrNull(row.shippedAt),
    deliveredAt: isoOrNull(row.deliveredAt),
    completedAt: isoOrNull(row.completedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    refundRequestedAt: isoOrNull(row.refundRequestedAt),
    refundedAt: isoOrNull(row.refundedAt),
    returnWindowEndsAt: isoOrNull(returnWindowEndsAt(row)),
  };
}

export function toOrderEvent(row: {
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorUserId: string | null;
  cause: string | null;
  causeDetails: unknown;
  note: string | null;
  occurredAt: Date;
}): z.infer<typeof orderEventSchema> {
  const { cause, causeDetails, ...rest } = row;
  // The check constraints keep a kind and its facts together.
  const facts = causeDetails as Record<string, unknown> | null;
  return orderEventSchema.parse({
    ...rest,
    cause: cause === null ? null : { ...facts, kind: cause },
    occurredAt: iso(row.occurredAt),
  });
}

export function toPayment(row: {
  id: string;
  orderId: string;
  provider: string;
  status: string;
  amountFen: number;
  payUrl: string | null;
  createdAt: Date;
  completedAt: Date | null;
  refundedAt: Date | null;
}): Payment {
  return {
    id: row.id,
    orderId: row.orderId,
    provider: row.provider,
    status: row.status as Payment['status'],
    amountFen: row.amountFen,
    payUrl: row.payUrl,
    createdAt: iso(row.createdAt),
    completedAt: isoOrNull(row.completedAt),
    refundedAt: isoOrNull(row.refundedAt),
  };
}
