import { describe, expect, it } from 'vitest';
import {
  bidLadderSchema,
  bidStepFen,
  createAuctionBodySchema,
  DEFAULT_BID_LADDER,
  minimumNextBidFen,
} from './auctions';

describe('minimumNextBidFen', () => {
  it('is the start price until somebody bids', () => {
    expect(minimumNextBidFen(null, 888_00, DEFAULT_BID_LADDER)).toBe(888_00);
  });

  it('adds the step of the rung the current price stands on, switching exactly at each rung', () => {
    expect(minimumNextBidFen(500_00, 100_00, DEFAULT_BID_LADDER)).toBe(550_00);
    expect(minimumNextBidFen(999_99, 100_00, DEFAULT_BID_LADDER)).toBe(1_049_99);
    expect(minimumNextBidFen(1_000_00, 100_00, DEFAULT_BID_LADDER)).toBe(1_200_00);
    expect(minimumNextBidFen(10_000_00, 100_00, DEFAULT_BID_LADDER)).toBe(11_000_00);
    expect(minimumNextBidFen(250_000_00, 100_00, DEFAULT_BID_LADDER)).toBe(255_000_00);
  });

  it('follows a custom ladder', () => {
    const ladder = [
      { fromFen: 0, stepFen: 10_00 },
      { fromFen: 300_00, stepFen: 30_00 },
    ];
    expect(bidStepFen(299_99, ladder)).toBe(10_00);
    expect(minimumNextBidFen(300_00, 1_00, ladder)).toBe(330_00);
  });
});

describe('auction bodies', () => {
  it('refuses ladders that are unsorted or do not start at 0', () => {
    expect(bidLadderSchema.safeParse([{ fromFen: 100, stepFen: 10 }]).success).toBe(false);
    expect(
      bidLadderSchema.safeParse([
        { fromFen: 0, stepFen: 10 },
        { fromFen: 500, stepFen: 20 },
        { fromFen: 500, stepFen: 30 },
      ]).success,
    ).toBe(false);
    expect(bidLadderSchema.safeParse([...DEFAULT_BID_LADDER]).success).toBe(true);
  });

  it('defaults the anti-sniping window and refuses a reserve below the start price', () => {
    const parsed = createAuctionBodySchema.parse({ startPriceFen: 100_00, durationSeconds: 60 });
    expect(parsed).toMatchObject({ antiSnipeSeconds: 30, antiSnipeExtensionSeconds: 30 });
    expect(
      createAuctionBodySchema.safeParse({
        startPriceFen: 100_00,
        reservePriceFen: 99_00,
        durationSeconds: 60,
      }).success,
    ).toBe(false);
    expect(createAuctionBodySchema.safeParse({ startPriceFen: 100_00, durationSeconds: 10 }).success).toBe(
      false,
    );
  });
});
