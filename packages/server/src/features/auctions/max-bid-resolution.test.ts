import { type BidStep, DEFAULT_BID_LADDER, minimumNextBidFen } from '@jadelive/shared';
import { describe, expect, it } from 'vitest';
import { highestBidAnswerableBy, type MaxBidEntry, planAutomaticBids } from './max-bid-resolution';

const at = (second: number) => new Date(Date.UTC(2026, 10, 30, 8, 0, second));
const max = (bidderUserId: string, maxFen: number, second: number): MaxBidEntry => ({
  bidderUserId,
  maxFen,
  setAt: at(second),
});
const state = (
  currentPriceFen: number | null,
  leaderUserId: string | null,
  ladder: readonly BidStep[] = DEFAULT_BID_LADDER,
) => ({
  currentPriceFen,
  leaderUserId,
  startPriceFen: 100_00,
  ladder,
});

describe('highestBidAnswerableBy', () => {
  it('finds the last amount a price is still a full step above, across rungs', () => {
    expect(highestBidAnswerableBy(850_00, DEFAULT_BID_LADDER)).toBe(800_00);
    expect(highestBidAnswerableBy(1_000_00, DEFAULT_BID_LADDER)).toBe(950_00);
    // 1,000 + 200 = 1,200: the rung from ¥1,000 on gives ¥1,000 itself.
    expect(highestBidAnswerableBy(1_200_00, DEFAULT_BID_LADDER)).toBe(1_000_00);
    expect(highestBidAnswerableBy(1_100_00, DEFAULT_BID_LADDER)).toBe(999_99);
    expect(highestBidAnswerableBy(50_00, DEFAULT_BID_LADDER)).toBeNull();
  });
});

describe('planAutomaticBids', () => {
  it('nothing to do without a max that can still bid', () => {
    expect(planAutomaticBids(state(500_00, 'l'), [])).toEqual([]);
    expect(planAutomaticBids(state(500_00, 'l'), [max('a', 540_00, 1)])).toEqual([]);
    expect(planAutomaticBids(state(500_00, 'l'), [max('l', 2_000_00, 1)])).toEqual([]);
  });

  it('a max over a manual leader answers with one step', () => {
    expect(planAutomaticBids(state(500_00, 'l'), [max('w', 1_000_00, 1)])).toEqual([
      { bidderUserId: 'w', amountFen: 550_00 },
    ]);
  });

  it('the only max on an auction without bids opens at the start price', () => {
    expect(planAutomaticBids(state(null, null), [max('a', 900_00, 1)])).toEqual([
      { bidderUserId: 'a', amountFen: 100_00 },
    ]);
  });

  it('two maxes: the runner-up’s max, then runner-up + step', () => {
    expect(planAutomaticBids(state(100_00, 'a'), [max('a', 1_000_00, 1), max('b', 800_00, 2)])).toEqual([
      { bidderUserId: 'b', amountFen: 800_00 },
      { bidderUserId: 'a', amountFen: 850_00 },
    ]);
    expect(planAutomaticBids(state(null, null), [max('a', 300_00, 1), max('b', 200_00, 2)])).toEqual([
      { bidderUserId: 'b', amountFen: 200_00 },
      { bidderUserId: 'a', amountFen: 250_00 },
    ]);
    // Across a rung: ¥1,000 is answered with ¥1,000 + ¥200.
    expect(planAutomaticBids(state(100_00, 'a'), [max('a', 5_000_00, 1), max('b', 1_000_00, 2)])).toEqual([
      { bidderUserId: 'b', amountFen: 1_000_00 },
      { bidderUserId: 'a', amountFen: 1_200_00 },
    ]);
  });

  it('capped by the winner’s max; the runner-up’s step is the last one the cap still answers', () => {
    expect(planAutomaticBids(state(100_00, 'a'), [max('a', 1_000_00, 1), max('b', 980_00, 2)])).toEqual([
      { bidderUserId: 'b', amountFen: 950_00 },
      { bidderUserId: 'a', amountFen: 1_000_00 },
    ]);
  });

  it('equal maxes: the earlier one wins, whoever leads', () => {
    expect(planAutomaticBids(state(100_00, 'a'), [max('a', 1_000_00, 1), max('b', 1_000_00, 2)])).toEqual([
      { bidderUserId: 'b', amountFen: 950_00 },
      { bidderUserId: 'a', amountFen: 1_000_00 },
    ]);
    expect(planAutomaticBids(state(100_00, 'a'), [max('a', 1_000_00, 3), max('b', 1_000_00, 2)])).toEqual([
      { bidderUserId: 'a', amountFen: 950_00 },
      { bidderUserId: 'b', amountFen: 1_000_00 },
    ]);
  });

  it('a gap narrower than a step: only the winner’s capped bid', () => {
    expect(planAutomaticBids(state(900_00, 'l'), [max('l', 990_00, 1), max('r', 960_00, 2)])).toEqual([
      { bidderUserId: 'l', amountFen: 990_00 },
    ]);
  });

  it('random states: the ledger stays on the ladder, the highest max leads, one pass settles it', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const ladder: BidStep[] = [
      { fromFen: 0, stepFen: 10_00 },
      { fromFen: 300_00, stepFen: 7_00 },
      { fromFen: 600_00, stepFen: 40_00 },
    ];
    for (let round = 0; round < 2_000; round++) {
      const bidders = ['a', 'b', 'c', 'd'].slice(0, 1 + Math.floor(random() * 4));
      const leader = random() < 0.3 ? null : (bidders[0] as string);
      const price = leader === null ? null : 100_00 + Math.floor(random() * 600_00);
      const maxes = bidders
        .filter(() => random() < 0.8)
        .map((id, i) => max(id, 100_00 + Math.floor(random() * 1_000_00), Math.floor(random() * 3) + i));
      const current = { ...state(price, leader, ladder) };
      const plan = planAutomaticBids(current, maxes);
      for (const step of plan) {
        expect(step.amountFen).toBeGreaterThanOrEqual(
          minimumNextBidFen(current.currentPriceFen, 100_00, ladder),
        );
        const own = maxes.find((m) => m.bidderUserId === step.bidderUserId);
        expect(step.amountFen).toBeLessThanOrEqual(own?.maxFen ?? 0);
        current.currentPriceFen = step.amountFen;
        current.leaderUserId = step.bidderUserId;
      }
      expect(plan.length).toBeLessThanOrEqual(2);
      expect(planAutomaticBids(current, maxes)).toEqual([]);
      if (plan.length > 0) {
        const top = Math.max(...maxes.map((m) => m.maxFen), price ?? 0);
        const winner = maxes.find((m) => m.bidderUserId === current.leaderUserId);
        expect(Math.max(winner?.maxFen ?? 0, current.currentPriceFen ?? 0)).toBe(top);
      }
    }
  });
});
