import type { Payment } from '@jadelive/shared';

// What the selling panels say, kept to what is true (issue 11, item 10): each is a pure function so
// a unit test can hold it to that.

/**
 * The auction's reserve line: 无保留价 without a reserve, 已达保留价 only once a bid stands at or
 * above it (the server's `reserveMet`), 未达保留价 otherwise, 0 bids included.
 */
export function reserveLine(auction: {
  hasReserve: boolean;
  reserveMet: boolean;
}): 'none' | 'met' | 'notMet' {
  if (!auction.hasReserve) return 'none';
  return auction.reserveMet ? 'met' : 'notMet';
}

/**
 * Whether the studio shows a sale's (or an auction's) figures above the pinned piece: while it runs
 * or waits to start, whatever is pinned (the host still has to end it); once closed, only while its
 * own piece stays pinned, so a newly pinned piece never shows the previous sale's figures.
 */
export function showsWithPinned(
  sale: { listingId: string; open: boolean },
  pinnedListingId: string | null,
): boolean {
  return sale.open || sale.listingId === pinnedListingId;
}

export interface PaymentEvent {
  status: Payment['status'];
  at: string;
}

/**
 * A payment's events, each at its own time: started (pending), paid or failed (`completedAt`),
 * refunded (`refundedAt`). A refunded payment was first paid, so it shows both.
 */
export function paymentEvents(
  payment: Pick<Payment, 'status' | 'createdAt' | 'completedAt' | 'refundedAt'>,
): PaymentEvent[] {
  const events: PaymentEvent[] = [];
  if (payment.status === 'pending') events.push({ status: 'pending', at: payment.createdAt });
  if (payment.completedAt) {
    events.push({ status: payment.status === 'failed' ? 'failed' : 'succeeded', at: payment.completedAt });
  }
  if (payment.status === 'refunded' && payment.refundedAt) {
    events.push({ status: 'refunded', at: payment.refundedAt });
  }
  // A record without its times (never the case for a settled payment) still shows its status once.
  if (events.length === 0) events.push({ status: payment.status, at: payment.createdAt });
  return events;
}
