import { type BidStep, bidStepFen, minimumNextBidFen } from '@jadelive/shared';

/** A bidder's max bid (代理出价) as the resolution needs it. */
export interface MaxBidEntry {
  bidderUserId: string;
  maxFen: number;
  /** Since when they have been willing to pay `maxFen`: the earlier of two equal maxes wins. */
  setAt: Date;
}

export interface AuctionPriceState {
  currentPriceFen: number | null;
  leaderUserId: string | null;
  startPriceFen: number;
  ladder: readonly BidStep[];
}

export interface AutomaticBidPlan {
  bidderUserId: string;
  amountFen: number;
}

/**
 * The highest amount from which the ladder still allows a next bid of `priceFen`, i.e. the
 * largest r with r + step(r) ≤ priceFen; null when there is none. Computed per rung, so it holds
 * for any ladder, rising steps or not.
 */
export function highestBidAnswerableBy(priceFen: number, ladder: readonly BidStep[]): number | null {
  let best: number | null = null;
  ladder.forEach((rung, i) => {
    const next = ladder[i + 1];
    const upper = next ? next.fromFen - 1 : Number.POSITIVE_INFINITY;
    const candidate = Math.min(priceFen - rung.stepFen, upper);
    if (candidate >= rung.fromFen && candidate > 0 && (best === null || candidate > best)) best = candidate;
  });
  return best;
}

interface Contestant {
  bidderUserId: string;
  /** The most they are committed to: their max, or for the leader at least the current price. */
  commitFen: number;
  since: number;
  leads: boolean;
}

/**
 * Resolves competing max bids into the few automatic bids that settle them, jumping straight to
 * the resolved price instead of walking the ladder one step at a time:
 *
 * - The leader is whoever is committed to the most (a max, or the current leader's standing bid);
 *   between equal maxes the earlier one wins. Only bidders whose max reaches the minimum next bid
 *   can take part: a max the ladder no longer allows to bid is spent.
 * - The price becomes the lowest amount the ladder lets beat the runner-up's commitment
 *   (runner-up + step), capped by the winner's max.
 * - Recorded: the runner-up's last step — the highest amount within their max from which the
 *   winner's price is still a full ladder step up — when that is above the current price, then
 *   the winner's answer at the resolved price. When the gap between the two maxes is narrower
 *   than a step, only the winner's bid is recorded (it can follow the winner's own standing bid).
 *
 * Every planned amount is at least the minimum next bid after the one before it, so the ledger
 * stays strictly increasing and on the ladder. Afterwards no other max can bid, so one pass
 * settles it. Returns [] when no max can bid.
 */
export function planAutomaticBids(
  state: AuctionPriceState,
  maxBids: readonly MaxBidEntry[],
): AutomaticBidPlan[] {
  const { currentPriceFen: price, leaderUserId: leader, startPriceFen, ladder } = state;
  const floor = minimumNextBidFen(price, startPriceFen, ladder);
  const contestants: Contestant[] = maxBids
    .filter((entry) => entry.bidderUserId !== leader && entry.maxFen >= floor)
    .map((entry) => ({
      bidderUserId: entry.bidderUserId,
      commitFen: entry.maxFen,
      since: entry.setAt.getTime(),
      leads: false,
    }));
  if (contestants.length === 0) return [];
  if (leader !== null && price !== null) {
    const own = maxBids.find((entry) => entry.bidderUserId === leader);
    const usesMax = own !== undefined && own.maxFen > price;
    contestants.push({
      bidderUserId: leader,
      commitFen: usesMax ? own.maxFen : price,
      since: usesMax ? own.setAt.getTime() : Number.NEGATIVE_INFINITY,
      leads: true,
    });
  }
  contestants.sort(
    (a, b) =>
      b.commitFen - a.commitFen ||
      a.since - b.since ||
      Number(b.leads) - Number(a.leads) ||
      a.bidderUserId.localeCompare(b.bidderUserId),
  );
  const [winner, runnerUp] = contestants as [Contestant, Contestant | undefined];
  if (!runnerUp) return [{ bidderUserId: winner.bidderUserId, amountFen: floor }];

  const resolvedFen = Math.min(runnerUp.commitFen + bidStepFen(runnerUp.commitFen, ladder), winner.commitFen);
  const plan: AutomaticBidPlan[] = [];
  if (price === null || runnerUp.commitFen > price) {
    const answerable = highestBidAnswerableBy(resolvedFen, ladder);
    const lastStep = answerable === null ? null : Math.min(answerable, runnerUp.commitFen);
    if (lastStep !== null && lastStep >= floor) {
      plan.push({ bidderUserId: runnerUp.bidderUserId, amountFen: lastStep });
    }
  }
  plan.push({ bidderUserId: winner.bidderUserId, amountFen: resolvedFen });
  return plan;
}
