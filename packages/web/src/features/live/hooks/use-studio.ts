import { useState } from 'react';
import { usePostChatMessage } from '../api/chat';
import { useLiveSession } from '../api/get-live-session';
import { useModerate } from '../api/moderation';
import { usePinListing } from '../api/pin-listing';
import { useChangeSessionStatus } from '../api/session-lifecycle';
import { useComplianceAlerts } from './use-compliance-alerts';
import { useLiveFeed } from './use-live-feed';
import { useLiveRoom } from './use-live-room';
import { useLocalMedia } from './use-local-media';
import { useRoomDataListeners } from './use-room-data-listeners';

const POLL_MS = 5_000;

/**
 * Everything the host's studio does: preview, go live (start + publish), end, pins, chat with
 * moderation, viewer figures (from the server, which counts through LiveKit webhooks) and the
 * compliance alerts of this session.
 */
export function useStudio(sessionId: string) {
  const session = useLiveSession(sessionId, { refetchInterval: POLL_MS });
  const status = session.data?.status;
  const open = status === 'scheduled' || status === 'live';
  const [onAir, setOnAir] = useState(false);
  const media = useLocalMedia(open);
  const { feed, onData, addOwnMessage, catchUp } = useLiveFeed(sessionId, session.data);
  const listeners = useRoomDataListeners();
  const tracksReady = media.camera !== null && media.microphone !== null;
  const room = useLiveRoom({
    sessionId,
    role: 'host',
    enabled: open && onAir && tracksReady,
    onData: (message) => {
      onData(message);
      listeners.emit(message);
    },
    onConnected: catchUp,
    publish: media.camera && media.microphone ? [media.camera, media.microphone] : [],
  });
  const lifecycle = useChangeSessionStatus(sessionId);
  const pin = usePinListing(sessionId);
  const moderate = useModerate(sessionId);
  const chat = usePostChatMessage(sessionId);
  const alerts = useComplianceAlerts(sessionId, open);

  async function goLive() {
    if (status === 'scheduled') await lifecycle.mutateAsync('start');
    setOnAir(true);
  }

  async function end() {
    await lifecycle.mutateAsync('end');
    setOnAir(false);
  }

  async function send(text: string) {
    const posted = await chat.mutateAsync(text);
    addOwnMessage(posted.message);
  }

  return {
    session,
    status,
    onAir,
    media,
    feed,
    room,
    lifecycle,
    pin,
    moderate,
    chat,
    alerts,
    goLive,
    end,
    send,
    subscribe: listeners.subscribe,
  };
}
