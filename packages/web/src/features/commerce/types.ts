import type { LiveDataMessage, LiveSessionStatus } from '@jadelive/shared';

/** Hands every data message the room receives to a listener until the returned function is called. */
export type RoomDataSubscribe = (listener: (message: LiveDataMessage) => void) => () => void;

/** What the pinned card says about the piece on sale (a subset of the live feature's card). */
export interface PinnedListingView {
  listingId: string;
  title: string;
  priceFen: number;
  stock: number;
  listingStatus: string;
}

/**
 * What a live room gives the commerce panel (flash sale, buying, and later auctions and giveaways):
 * the room is rendered by the live feature, which passes this in through the app layer.
 */
export interface RoomCommerceContext {
  sessionId: string;
  sessionStatus: LiveSessionStatus;
  pinned: PinnedListingView | null;
  signedIn: boolean;
  subscribe: RoomDataSubscribe;
}
