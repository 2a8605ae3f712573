import { LIVE_TOPICS, type LiveDataMessage, liveDataMessageSchema } from '@jadelive/shared';
import { DefaultReconnectPolicy, DisconnectReason, type LocalTrack, Room, RoomEvent } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-error';
import { getLiveToken, type JoinRole } from '../api/get-live-token';

/**
 * `rejoining`: the connection was lost for good (livekit-server restarted and the room went with
 * it, or the network was away longer than livekit-client retries) and the hook is joining again
 * with a fresh token.
 */
export type RoomPhase =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'rejoining'
  | 'disconnected'
  | 'failed';

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

/**
 * livekit-client's own resume and reconnect with the same token: about 9 s. A room LiveKit lost
 * (a restart: rooms are only created through our API) cannot be rejoined that way, so after this
 * the hook rejoins with a fresh token instead (`REJOIN_DELAYS_MS`).
 */
const RECONNECT_DELAYS_MS = [0, 300, 1_200, 2_700, 4_800];
/** Waits before each rejoin with a fresh token (the token route recreates a lost room); then `failed`. */
export const REJOIN_DELAYS_MS = [500, 2_000, 5_000, 10_000, 20_000];

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
 * Whether to join again after losing the room: not when the server meant it (session over,
 * removed), nor when this identity joined from another tab (the two would push each other out).
 */
export function shouldRejoin(reason: DisconnectReason | null): boolean {
  return !isFinalDisconnect(reason) && reason !== DisconnectReason.DUPLICATE_IDENTITY;
}

/**
 * Whether a failed rejoin is worth another try: our API's refusals (the session ended, the caller
 * was removed or is not a host any more) are final; a network error, a 5xx (live video away for a
 * moment), a rate limit or LiveKit not answering yet are not.
 */
export function isRetryableJoinError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.status === null) return true;
  return error.status >= 500 || error.status === 429;
}

/**
 * One LiveKit connection for one role: asks our API for a token, connects, publishes what it is
 * given, and reports data messages and how the connection ends. A new Room per connection, so a
 * remount (React's strict mode does one) never reuses a closed one. A connection lost for any
 * reason but the server's (`shouldRejoin`) is joined again by itself with a fresh token, up to
 * `REJOIN_DELAYS_MS.length` times in a row (phase `rejoining` meanwhile, `failed` after).
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
    let current: Room | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Rejoins since the last good connection. */
    let rejoins = 0;

    const rejoinLater = (cause: unknown) => {
      const delay = REJOIN_DELAYS_MS[rejoins];
      if (delay === undefined) {
        setError(cause);
        setPhase('failed');
        return;
      }
      rejoins++;
      setPhase('rejoining');
      timer = setTimeout(connect, delay);
    };

    function connect() {
      if (cancelled) return;
      const next = new Room({
        adaptiveStream: true,
        dynacast: true,
        // The host's tracks belong to the preview: a lost connection must not stop the camera.
        stopLocalTrackOnUnpublish: false,
        reconnectPolicy: new DefaultReconnectPolicy(RECONNECT_DELAYS_MS),
      });
      current = next;
      const isCurrent = () => !cancelled && current === next;
      next.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
        const message = parseData(payload, topic);
        if (message) onDataRef.current?.(message);
      });
      next.on(RoomEvent.Reconnecting, () => {
        if (isCurrent()) setPhase('reconnecting');
      });
      next.on(RoomEvent.Reconnected, () => {
        if (!isCurrent()) return;
        setPhase('connected');
        onConnectedRef.current?.();
      });
      next.on(RoomEvent.Disconnected, (reason) => {
        if (!isCurrent()) return;
        const why = reason ?? DisconnectReason.UNKNOWN_REASON;
        current = null;
        setRoom(null);
        if (shouldRejoin(why)) {
          rejoinLater(new Error(`disconnected (${DisconnectReason[why] ?? why})`));
          return;
        }
        setDisconnectReason(why);
        setPhase('disconnected');
      });
      setRoom(next);
      setPhase(rejoins === 0 ? 'connecting' : 'rejoining');
      setError(null);
      setDisconnectReason(null);

      void (async () => {
        try {
          const token = await getLiveToken(sessionId, role);
          if (!isCurrent()) return;
          await next.connect(token.url, token.token);
          if (!isCurrent()) {
            await next.disconnect(false);
            return;
          }
          setIdentity(token.identity);
          for (const track of publishRef.current ?? []) {
            await next.localParticipant.publishTrack(track);
          }
          if (isCurrent()) {
            rejoins = 0;
            setPhase('connected');
            onConnectedRef.current?.();
          }
        } catch (cause) {
          if (!isCurrent()) return;
          current = null;
          await next.disconnect(false);
          // A first join that fails is reported at once; a rejoin tries again while it may help.
          if (rejoins > 0 && isRetryableJoinError(cause)) {
            setRoom(null);
            rejoinLater(cause);
            return;
          }
          setError(cause);
          setPhase('failed');
        }
      })();
    }

    connect();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      // The host's tracks belong to the preview, which outlives the connection.
      void current?.disconnect(false);
      current = null;
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
