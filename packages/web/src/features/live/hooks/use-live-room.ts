import { LIVE_TOPICS, type LiveDataMessage, liveDataMessageSchema } from '@jadelive/shared';
import { DisconnectReason, type LocalTrack, Room, RoomEvent } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { getLiveToken, type JoinRole } from '../api/get-live-token';

export type RoomPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'failed';

export interface LiveRoomOptions {
  sessionId: string;
  role: JoinRole;
  /** Connect only when true; turning it off leaves the room. */
  enabled: boolean;
  /** Every valid message the server sends into the room (topics `jl.chat`, `jl.room`). */
  onData?: (message: LiveDataMessage) => void;
  /** Tracks to publish once connected (the host's camera and microphone). */
  publish?: readonly LocalTrack[];
  /**
   * Each time the connection is (re)established: room data sent while this client was not
   * connected is not replayed, so whoever follows the room catches up from the API here.
   */
  onConnected?: () => void;
}

export interface LiveRoom {
  room: Room | null;
  phase: RoomPhase;
  error: unknown;
  /** Why the server let us go: the room was closed (session over) or we were removed. */
  disconnectReason: DisconnectReason | null;
  identity: string | null;
}

const TOPICS: readonly string[] = Object.values(LIVE_TOPICS);
const decoder = new TextDecoder();

function parseData(payload: Uint8Array, topic: string | undefined): LiveDataMessage | null {
  if (topic !== undefined && !TOPICS.includes(topic)) return null;
  try {
    const parsed = liveDataMessageSchema.safeParse(JSON.parse(decoder.decode(payload)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * One LiveKit connection for one role: asks our API for a token, connects, publishes what it is
 * given, and reports data messages and how the connection ends. A new Room per connection, so a
 * remount (React's strict mode does one) never reuses a closed one.
 */
export function useLiveRoom({
  sessionId,
  role,
  enabled,
  onData,
  publish,
  onConnected,
}: LiveRoomOptions): LiveRoom {
  const [room, setRoom] = useState<Room | null>(null);
  const [phase, setPhase] = useState<RoomPhase>('idle');
  const [error, setError] = useState<unknown>(null);
  const [disconnectReason, setDisconnectReason] = useState<DisconnectReason | null>(null);
  const [identity, setIdentity] = useState<string | null>(null);
  const onDataRef = useRef(onData);
  onDataRef.current = onData;
  const publishRef = useRef(publish);
  publishRef.current = publish;
  const onConnectedRef = useRef(onConnected);
  onConnectedRef.current = onConnected;

  useEffect(() => {
    if (!enabled) {
      setPhase('idle');
      return;
    }
    let cancelled = false;
    const next = new Room({ adaptiveStream: true, dynacast: true });
    next.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
      const message = parseData(payload, topic);
      if (message) onDataRef.current?.(message);
    });
    next.on(RoomEvent.Reconnecting, () => setPhase('reconnecting'));
    next.on(RoomEvent.Reconnected, () => {
      setPhase('connected');
      onConnectedRef.current?.();
    });
    next.on(RoomEvent.Disconnected, (reason) => {
      if (cancelled) return;
      setDisconnectReason(reason ?? DisconnectReason.UNKNOWN_REASON);
      setPhase('disconnected');
    });
    setRoom(next);
    setPhase('connecting');
    setError(null);
    setDisconnectReason(null);

    void (async () => {
      try {
        const token = await getLiveToken(sessionId, role);
        if (cancelled) return;
        await next.connect(token.url, token.token);
        if (cancelled) {
          await next.disconnect();
          return;
        }
        setIdentity(token.identity);
        for (const track of publishRef.current ?? []) {
          await next.localParticipant.publishTrack(track);
        }
        if (!cancelled) {
          setPhase('connected');
          onConnectedRef.current?.();
        }
      } catch (cause) {
        if (cancelled) return;
        setError(cause);
        setPhase('failed');
        await next.disconnect();
      }
    })();

    return () => {
      cancelled = true;
      // The host's tracks belong to the preview, which outlives the connection.
      void next.disconnect(false);
      setRoom(null);
    };
  }, [sessionId, role, enabled]);

  return { room, phase, error, disconnectReason, identity };
}

/** The server closed the room (the session ended) or put us out; a reconnect will not help. */
export function isFinalDisconnect(reason: DisconnectReason | null): boolean {
  return (
    reason === DisconnectReason.ROOM_DELETED ||
    reason === DisconnectReason.PARTICIPANT_REMOVED ||
    reason === DisconnectReason.ROOM_CLOSED
  );
}
