import { serverNow } from '../hooks/use-server-clock';
import { useSessionAuction } from '../hooks/use-session-auction';
import { useSessionGiveaway } from '../hooks/use-session-giveaway';
import type { RoomCommerceContext } from '../types';
import { AuctionCard } from './auction-card';
import { GiveawayCard } from './giveaway-card';

/** Fallback polls for missed room messages. */
const AUCTION_POLL_MS = 5_000;
const GIVEAWAY_POLL_MS = 10_000;
/** A closed auction stays on screen this long so viewers see the outcome (and the winner the pay link). */
const SHOW_CLOSED_AUCTION_MS = 5 * 60_000;

/** The room's latest auction, while it runs and a while after it closed. */
export function ViewerAuction({ context, loginPath }: { context: RoomCommerceContext; loginPath: string }) {
  const { auction, bids, viewer } = useSessionAuction(context.sessionId, context.subscribe, AUCTION_POLL_MS);
  if (!auction) return null;
  if (auction.state === 'closed' && !viewer?.wonOrderId) {
    const closedAt = Date.parse(auction.closedAt ?? auction.endsAt);
    if (serverNow(auction.serverTime, auction.receivedAt) - closedAt > SHOW_CLOSED_AUCTION_MS) return null;
  }
  return (
    <AuctionCard
      sessionId={context.sessionId}
      auction={auction}
      bids={bids}
      viewer={viewer}
      signedIn={context.signedIn}
      loginPath={loginPath}
    />
  );
}

/** The room's latest giveaway: its rules before the start, the winners and audit after the draw. */
export function ViewerGiveaway({ context, loginPath }: { context: RoomCommerceContext; loginPath: string }) {
  const { giveaway } = useSessionGiveaway(context.sessionId, context.subscribe, GIVEAWAY_POLL_MS);
  if (!giveaway) return null;
  return (
    <GiveawayCard
      sessionId={context.sessionId}
      giveaway={giveaway}
      signedIn={context.signedIn}
      loginPath={loginPath}
    />
  );
}
