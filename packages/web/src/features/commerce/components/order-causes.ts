import type { Order, OrderEventCause } from '@jadelive/shared';
import type { TFunction } from 'i18next';

/**
 * Why a refund was asked for, in the reader's language: the buyer's own words as typed, a system's
 * cause worded from its facts (the facts themselves go in as given). Null when none was asked for.
 */
export function describeRefundReason(
  t: TFunction,
  order: Pick<Order, 'refundReason' | 'refundCause'>,
): string | null {
  const cause = order.refundCause;
  if (cause === null || cause.kind === 'buyer') return order.refundReason;
  return t(`commerce.orders.refundCauses.${cause.kind}`, cause);
}

/** Why the system moved an order, in the reader's language. */
export function describeEventCause(t: TFunction, cause: OrderEventCause): string {
  return t(`commerce.orders.eventCauses.${cause}`);
}
