import type { ChatMessage, LiveDataMessage, PinnedCard } from '@jadelive/shared';
import { useCallback, useEffect, useReducer } from 'react';
import { useChatHistory } from '../api/chat';

const MAX_MESSAGES = 200;

export interface LiveFeed {
  messages: ChatMessage[];
  /** undefined until the session is loaded; null when nothing is pinned. */
  pinned: PinnedCard | null | undefined;
  /** When the last card change arrived, by this page's clock (`performance.now()`), for measurements. */
  pinnedAt: number | null;
  slowModeSeconds: number;
  ending: boolean;
  /** The last state seen of each flash sale and auction of the room, by id. */
  saleStates: Record<string, string>;
  /**
   * Counts the times a sale or auction of the pinned piece changed state (started, sold out,
   * ended, hammered): each one moved the piece's stock, so the card's stock is read again.
   */
  pinnedStockChanges: number;
}

type FeedAction =
  | { type: 'history'; messages: ChatMessage[] }
  | { type: 'initial'; pinned: PinnedCard | null; slowModeSeconds: number }
  | { type: 'own'; message: ChatMessage }
  | { type: 'data'; message: LiveDataMessage; receivedAt: number };

function addMessage(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.id === message.id)) return messages;
  return [...messages, message].slice(-MAX_MESSAGES);
}

/** History merged in: a catch-up can bring messages older than ones the room already delivered. */
export function mergeHistory(messages: ChatMessage[], history: ChatMessage[]): ChatMessage[] {
  const merged = history.reduce(addMessage, messages);
  if (merged === messages) return messages;
  return [...merged].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)).slice(-MAX_MESSAGES);
}

function reduce(feed: LiveFeed, action: FeedAction): LiveFeed {
  switch (action.type) {
    case 'history':
      return { ...feed, messages: mergeHistory(feed.messages, action.messages) };
    case 'initial':
      // A card that arrived through the room is newer than the one the page loaded with; a later
      // read of the same card only brings its figures up to date.
      return feed.pinned === undefined
        ? { ...feed, pinned: action.pinned, slowModeSeconds: action.slowModeSeconds }
        : withPinnedFigures(feed, action.pinned);
    case 'own':
      return { ...feed, messages: addMessage(feed.messages, action.message) };
    case 'data':
      return applyData(feed, action.message, action.receivedAt);
  }
}

/** A fresher read of the pinned card (price, stock, status), if it is still the card shown. */
export function withPinnedFigures(feed: LiveFeed, card: PinnedCard | null): LiveFeed {
  if (!card || !feed.pinned || feed.pinned.listingId !== card.listingId) return feed;
  const { priceFen, comparisonPriceFen, stock, listingStatus } = card;
  const pinned = feed.pinned;
  if (
    pinned.priceFen === priceFen &&
    pinned.comparisonPriceFen === comparisonPriceFen &&
    pinned.stock === stock &&
    pinned.listingStatus === listingStatus
  ) {
    return feed;
  }
  return { ...feed, pinned: { ...pinned, priceFen, comparisonPriceFen, stock, listingStatus } };
}

/** Notes a sale's or auction's state; a change on the pinned piece asks for its stock again. */
export function withSaleState(feed: LiveFeed, id: string, listingId: string, state: string): LiveFeed {
  if (feed.saleStates[id] === state) return feed;
  const saleStates = { ...feed.saleStates, [id]: state };
  const onPinned = feed.pinned?.listingId === listingId;
  return { ...feed, saleStates, pinnedStockChanges: feed.pinnedStockChanges + (onPinned ? 1 : 0) };
}

function applyData(feed: LiveFeed, message: LiveDataMessage, receivedAt: number): LiveFeed {
  switch (message.type) {
    case 'chat.message':
      return { ...feed, messages: addMessage(feed.messages, message.message) };
    case 'chat.deleted':
      return { ...feed, messages: feed.messages.filter((m) => m.id !== message.messageId) };
    case 'pin.changed':
      return { ...feed, pinned: message.card, pinnedAt: receivedAt };
    case 'listing.updated':
      if (!feed.pinned || feed.pinned.listingId !== message.listingId) return feed;
      return {
        ...feed,
        pinned: {
          ...feed.pinned,
          priceFen: message.priceFen,
          comparisonPriceFen: message.comparisonPriceFen,
          stock: message.stock,
          listingStatus: message.listingStatus,
        },
      };
    case 'slow_mode.changed':
      return { ...feed, slowModeSeconds: message.seconds };
    case 'session.ending':
      return { ...feed, ending: true };
    case 'flash_sale.updated':
      return withSaleState(feed, message.flashSaleId, message.listingId, message.state);
    case 'auction.updated':
      return withSaleState(feed, message.auctionId, message.listingId, message.state);
    case 'giveaway.updated':
      return feed;
  }
}

/**
 * What a room shows besides video: chat, the pinned card, slow mode and the end notice. Starts
 * from what the API has (history, current pin) and follows the room's data messages.
 */
export function useLiveFeed(
  sessionId: string,
  session: { pinned?: PinnedCard | null; slowModeSeconds: number } | undefined,
) {
  const [feed, dispatch] = useReducer(reduce, {
    messages: [],
    pinned: undefined,
    pinnedAt: null,
    slowModeSeconds: 0,
    ending: false,
    saleStates: {},
    pinnedStockChanges: 0,
  });
  const history = useChatHistory(sessionId);

  useEffect(() => {
    if (history.data) dispatch({ type: 'history', messages: history.data });
  }, [history.data]);

  const loaded = session !== undefined;
  const initialPinned = session?.pinned ?? null;
  const initialSlowMode = session?.slowModeSeconds ?? 0;
  useEffect(() => {
    if (loaded) dispatch({ type: 'initial', pinned: initialPinned, slowModeSeconds: initialSlowMode });
  }, [loaded, initialPinned, initialSlowMode]);

  const onData = useCallback(
    (message: LiveDataMessage) => dispatch({ type: 'data', message, receivedAt: performance.now() }),
    [],
  );
  const addOwnMessage = useCallback((message: ChatMessage) => dispatch({ type: 'own', message }), []);
  const { refetch } = history;
  const catchUp = useCallback(() => void refetch(), [refetch]);

  return { feed, onData, addOwnMessage, catchUp };
}
