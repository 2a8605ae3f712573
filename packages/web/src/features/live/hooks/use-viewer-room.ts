import { DisconnectReason } from 'livekit-client';
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
