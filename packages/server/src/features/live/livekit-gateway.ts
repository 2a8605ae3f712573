/**
 * Everything the API asks of LiveKit, in our own terms. The real adapter is
 * `livekit-sdk-gateway.ts`; `AppDeps.livekit` is null when no LiveKit is configured or running,
 * and every route then says plainly that live video is unavailable.
 */
export interface LiveKitGateway {
  /** WebSocket URL browsers connect to with a token. */
  readonly url: string;
  /** Idempotent: an existing room of that name is returned as it is. */
  createRoom(options: CreateRoomOptions): Promise<LiveRoom>;
  /** Disconnects everyone; a room that is already gone is not an error. */
  deleteRoom(name: string): Promise<void>;
  listRooms(names?: string[]): Promise<LiveRoom[]>;
  listParticipants(room: string): Promise<LiveParticipant[]>;
  /** False when the participant was not in the room. */
  removeParticipant(room: string, identity: string): Promise<boolean>;
  /** Changes what a participant already in the room may publish (none: subscribe only). */
  setPublishSources(room: string, identity: string, sources: TrackSourceName[]): Promise<boolean>;
  /** A reliable data message from the server to everyone in the room (or only `to`). */
  sendData(room: string, payload: unknown, options: { topic: string; to?: string[] }): Promise<void>;
  mintToken(request: TokenRequest): Promise<string>;
  /** Verifies the signature (JWT with the body's SHA-256) and parses the event; throws if forged. */
  receiveWebhook(body: string, authorization: string | undefined): Promise<LiveWebhookEvent>;
}

export interface CreateRoomOptions {
  name: string;
  metadata: string;
  /** Seconds an empty room waits for its first participant before LiveKit closes it. */
  emptyTimeoutSeconds: number;
  /** Seconds a room stays open after its last participant left. */
  departureTimeoutSeconds: number;
}

export interface LiveRoom {
  name: string;
  sid: string;
  numParticipants: number;
  createdAt: Date;
  metadata: string;
}

export interface LiveParticipant {
  sid: string;
  identity: string;
  state: 'joining' | 'joined' | 'active' | 'disconnected';
  joinedAt: Date;
  hidden: boolean;
  canPublish: boolean;
  canPublishData: boolean;
  canSubscribe: boolean;
  publishedTracks: number;
}

export type TrackSourceName = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

export interface TokenGrants {
  canPublish: boolean;
  canPublishSources: TrackSourceName[];
  canSubscribe: boolean;
  canPublishData: boolean;
  hidden: boolean;
}

export interface TokenRequest {
  room: string;
  identity: string;
  name: string;
  ttlSeconds: number;
  grants: TokenGrants;
  attributes: Record<string, string>;
}

export type LiveWebhookEventName =
  | 'room_started'
  | 'room_finished'
  | 'participant_joined'
  | 'participant_left'
  | 'participant_connection_aborted'
  | 'track_published'
  | 'track_unpublished'
  | 'other';

export interface LiveWebhookEvent {
  id: string;
  event: LiveWebhookEventName;
  /** When LiveKit created the event. */
  createdAt: Date;
  room: { name: string; sid: string } | null;
  participant: { sid: string; identity: string; hidden: boolean; joinedAt: Date | null } | null;
  track: { sid: string; source: string } | null;
}

/** Thrown by `receiveWebhook` for anything not signed by our LiveKit: answered with 401. */
export class WebhookAuthError extends Error {}
