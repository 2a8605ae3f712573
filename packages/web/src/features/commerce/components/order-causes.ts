import type { Order, OrderEventCause } from '@jadelive/shared';
import type { TFunction } from 'i18next';
import { formatFenExact } from '../../../lib/units';

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

/**
 * Why an order moved, in the reader's language, worded from exactly its facts: amounts in fen are
 * shown as money, anything else as given.
 */
export function describeEventCause(t: TFunction, cause: OrderEventCause): string {
  const { kind, ...facts } = cause;
  const worded = Object.fromEntries(
    Object.entries(facts).map(([name, value]) => [
      name,
      name.endsWith('Fen') && typeof value === 'number' ? formatFenExact(value) : value,
    ]),
  );
  return t(`commerce.orders.eventCauses.${kind}`, worded);
}
