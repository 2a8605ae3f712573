import { describe, expect, it } from 'vitest';
import { paymentEvents, reserveLine, showsWithPinned } from './panel-truths';

describe('the auction reserve line', () => {
  it('says 无保留价 without a reserve, with or without bids', () => {
    expect(reserveLine({ hasReserve: false, reserveMet: false })).toBe('none');
    expect(reserveLine({ hasReserve: false, reserveMet: true })).toBe('none');
  });

  it('says met only when a bid stands at or above the reserve', () => {
    expect(reserveLine({ hasReserve: true, reserveMet: false })).toBe('notMet');
    expect(reserveLine({ hasReserve: true, reserveMet: true })).toBe('met');
  });
});

describe("the studio's sale figures follow the pinned piece", () => {
  const piece = '00000000-0000-4000-8000-000000000001';
  const next = '00000000-0000-4000-8000-000000000002';
  it("hides a closed sale's figures once another piece is pinned (or none)", () => {
    expect(showsWithPinned({ listingId: piece, open: false }, next)).toBe(false);
    expect(showsWithPinned({ listingId: piece, open: false }, null)).toBe(false);
  });

  it('keeps a closed sale above its own piece, and a running one whatever is pinned', () => {
    expect(showsWithPinned({ listingId: piece, open: false }, piece)).toBe(true);
    expect(showsWithPinned({ listingId: piece, open: true }, next)).toBe(true);
  });
});

describe('each payment event at its own time', () => {
  const createdAt = '2026-12-01T02:00:00.000Z';
  const completedAt = '2026-12-01T02:01:00.000Z';
  const refundedAt = '2026-12-03T08:30:00.000Z';

  it('a refunded payment shows when it was paid and, separately, when it was refunded', () => {
    expect(paymentEvents({ status: 'refunded', createdAt, completedAt, refundedAt })).toEqual([
      { status: 'succeeded', at: completedAt },
      { status: 'refunded', at: refundedAt },
    ]);
  });

  it('paid, failed and pending payments show one event each', () => {
    expect(paymentEvents({ status: 'succeeded', createdAt, completedAt, refundedAt: null })).toEqual([
      { status: 'succeeded', at: completedAt },
    ]);
    expect(paymentEvents({ status: 'failed', createdAt, completedAt, refundedAt: null })).toEqual([
      { status: 'failed', at: completedAt },
    ]);
    expect(paymentEvents({ status: 'pending', createdAt, completedAt: null, refundedAt: null })).toEqual([
      { status: 'pending', at: createdAt },
    ]);
  });
});
