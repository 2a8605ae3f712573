import {
  AccessToken,
  DataPacket_Kind,
  type ParticipantInfo,
  ParticipantInfo_State,
  type Room,
  RoomServiceClient,
  ServerError,
  TrackSource,
  WebhookReceiver,
} from 'livekit-server-sdk';
import {
  type LiveKitGateway,
  type LiveParticipant,
  type LiveRoom,
  type LiveWebhookEvent,
  type LiveWebhookEventName,
  type TrackSourceName,
  WebhookAuthError,
} from './livekit-gateway';

export interface LiveKitCredentials {
  /** `ws(s)://` URL of the server or LiveKit Cloud project. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

const SOURCES: Record<TrackSourceName, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

const STATES: Record<ParticipantInfo_State, LiveParticipant['state']> = {
  [ParticipantInfo_State.JOINING]: 'joining',
  [ParticipantInfo_State.JOINED]: 'joined',
  [ParticipantInfo_State.ACTIVE]: 'active',
  [ParticipantInfo_State.DISCONNECTED]: 'disconnected',
};

const KNOWN_EVENTS = new Set<string>([
  'room_started',
  'room_finished',
  'participant_joined',
  'participant_left',
  'participant_connection_aborted',
  'track_published',
  'track_unpublished',
]);

const isNotFound = (error: unknown) => error instanceof ServerError && error.status === 404;
const fromSeconds = (value: bigint) => new Date(Number(value) * 1000);

/** The `livekit-server-sdk` adapter: one instance per LiveKit deployment. */
export function createLiveKitGateway(credentials: LiveKitCredentials): LiveKitGateway {
  const httpUrl = credentials.url.replace(/^ws(s?):\/\//, 'http$1://');
  const rooms = new RoomServiceClient(httpUrl, credentials.apiKey, credentials.apiSecret);
  const receiver = new WebhookReceiver(credentials.apiKey, credentials.apiSecret);
  const encoder = new TextEncoder();

  return {
    url: credentials.url,
    async createRoom(options) {
      const room = await rooms.createRoom({
        name: options.name,
        metadata: options.metadata,
        emptyTimeout: options.emptyTimeoutSeconds,
        departureTimeout: options.departureTimeoutSeconds,
      });
      return toRoom(room);
    },
    async deleteRoom(name) {
      try {
        await rooms.deleteRoom(name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    async listRooms(names) {
      return (await rooms.listRooms(names)).map(toRoom);
    },
    async listParticipants(room) {
      try {
        return (await rooms.listParticipants(room)).map(toParticipant);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
    async removeParticipant(room, identity) {
      try {
        await rooms.removeParticipant(room, identity);
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async setPublishSources(room, identity, sources) {
      try {
        // LiveKit replaces the whole permission, so every field is stated.
        await rooms.updateParticipant(room, identity, {
          permission: {
            canPublish: sources.length > 0,
            canPublishSources: sources.map((source) => SOURCES[source]),
            canSubscribe: true,
            canPublishData: false,
            hidden: false,
          },
        });
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async sendData(room, payload, options) {
      const data = encoder.encode(JSON.stringify(payload));
      await rooms.sendData(room, data, DataPacket_Kind.RELIABLE, {
        topic: options.topic,
        destinationIdentities: options.to,
      });
    },
    async mintToken(request) {
      const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
        identity: request.identity,
        name: request.name,
        ttl: request.ttlSeconds,
        attributes: request.attributes,
      });
      token.addGrant({
        roomJoin: true,
        room: request.room,
        canPublish: request.grants.canPublish,
        canPublishSources: request.grants.canPublishSources.map((source) => SOURCES[source]),
        canSubscribe: request.grants.canSubscribe,
        canPublishData: request.grants.canPublishData,
        canUpdateOwnMetadata: false,
        hidden: request.grants.hidden,
      });
      return token.toJwt();
    },
    async receiveWebhook(body, authorization) {
      if (!authorization) throw new WebhookAuthError('missing Authorization header');
      try {
        // LiveKit sends the bare JWT; tolerate a `Bearer ` prefix from proxies and tools.
        const event = await receiver.receive(body, authorization.replace(/^Bearer\s+/i, ''));
        return toEvent(event);
      } catch (error) {
        throw new WebhookAuthError(error instanceof Error ? error.message : 'invalid webhook');
      }
    },
  };
}

function toRoom(room: Room): LiveRoom {
  return {
    name: room.name,
    sid: room.sid,
    numParticipants: room.numParticipants,
    createdAt: fromSeconds(room.creationTime),
    metadata: room.metadata,
  };
}

function toParticipant(participant: ParticipantInfo): LiveParticipant {
  return {
    sid: participant.sid,
    identity: participant.identity,
    state: STATES[participant.state] ?? 'joining',
    joinedAt: fromSeconds(participant.joinedAt),
    hidden: participant.permission?.hidden ?? false,
    canPublish: participant.permission?.canPublish ?? false,
    canPublishData: participant.permission?.canPublishData ?? false,
    canSubscribe: participant.permission?.canSubscribe ?? false,
    publishedTracks: participant.tracks.length,
  };
}

function toEvent(event: Awaited<ReturnType<WebhookReceiver['receive']>>): LiveWebhookEvent {
  const participant = event.participant;
  return {
    id: event.id,
    event: (KNOWN_EVENTS.has(event.event) ? event.event : 'other') as LiveWebhookEventName,
    createdAt: event.createdAt > 0n ? fromSeconds(event.createdAt) : new Date(),
    room: event.room ? { name: event.room.name, sid: event.room.sid } : null,
    participant: participant
      ? {
          sid: participant.sid,
          identity: participant.identity,
          hidden: participant.permission?.hidden ?? false,
          joinedAt: participant.joinedAt > 0n ? fromSeconds(participant.joinedAt) : null,
        }
      : null,
    track: event.track
      ? { sid: event.track.sid, source: TrackSource[event.track.source] ?? 'unknown' }
      : null,
  };
}
