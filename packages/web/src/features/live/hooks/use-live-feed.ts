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
      // A card that arrived through the room is newer than the one the page loaded with.
      return feed.pinned === undefined
        ? { ...feed, pinned: action.pinned, slowModeSeconds: action.slowModeSeconds }
        : feed;
    case 'own':
      return { ...feed, messages: addMessage(feed.messages, action.message) };
    case 'data':
      return applyData(feed, action.message, action.receivedAt);
  }
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
    case 'auction.updated':
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
