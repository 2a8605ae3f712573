import { DisconnectReason } from 'livekit-client';
import { useEffect } from 'react';
import { usePostChatMessage } from '../api/chat';
import { useLiveSession } from '../api/get-live-session';
import { useLiveFeed } from './use-live-feed';
import { isFinalDisconnect, useLiveRoom } from './use-live-room';
import { useRoomDataListeners } from './use-room-data-listeners';

/**
 * A viewer's room: signed-in people join with a viewer token (and may chat), everyone else with a
 * guest token. The session is over when the server says so, or closes the room under us.
 */
export function useViewerRoom(sessionId: string, signedIn: boolean | undefined) {
  const session = useLiveSession(sessionId);
  const status = session.data?.status;
  const open = status === 'scheduled' || status === 'live';
  const { feed, onData, addOwnMessage, catchUp } = useLiveFeed(sessionId, session.data);
  const listeners = useRoomDataListeners();
  const role = signedIn ? 'viewer' : 'guest';
  const room = useLiveRoom({
    sessionId,
    role,
    enabled: open && signedIn !== undefined && !feed.ending,
    onData: (message) => {
      onData(message);
      listeners.emit(message);
    },
    onConnected: catchUp,
  });
  useRefreshPinnedStock(feed.pinnedStockChanges, session.refetch);
  const chat = usePostChatMessage(sessionId);
  const ended =
    feed.ending ||
    status === 'ended' ||
    status === 'cancelled' ||
    (room.phase === 'disconnected' && isFinalDisconnect(room.disconnectReason));
  const removed = room.disconnectReason === DisconnectReason.PARTICIPANT_REMOVED;

  async function send(text: string) {
    const posted = await chat.mutateAsync(text);
    addOwnMessage(posted.message);
  }

  return {
    session,
    signedIn: Boolean(signedIn),
    feed,
    room,
    chat,
    ended,
    removed,
    send,
    subscribe: listeners.subscribe,
  };
}

/** Spreads the room's re-reads of the card over this long, so a sell-out is not a burst of requests. */
const STOCK_REREAD_SPREAD_MS = 2_000;

/**
 * Reads the session (and so the pinned card's stock) again after a sale or auction of the pinned
 * piece changed state: the card's 库存 follows what the sale took or gave back.
 */
function useRefreshPinnedStock(changes: number, refetch: () => unknown) {
  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(() => void refetch(), Math.random() * STOCK_REREAD_SPREAD_MS);
    return () => clearTimeout(timer);
  }, [changes, refetch]);
}
