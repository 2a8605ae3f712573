import type { LiveTokenRole } from '@jadelive/shared';
import type { TokenGrants } from './livekit-gateway';

export type ParticipantRole = LiveTokenRole | 'guest';

/**
 * The least each role needs. Nobody may publish data: chat and room events reach the room only
 * through the API (moderation, the compliance hook), which sends them with `sendData`.
 */
export const GRANTS: Record<ParticipantRole, TokenGrants> = {
  host: {
    canPublish: true,
    canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    canSubscribe: true,
    canPublishData: false,
    hidden: false,
  },
  // On stage beside the host: camera and microphone, no screen share.
  cohost: {
    canPublish: true,
    canPublishSources: ['camera', 'microphone'],
    canSubscribe: true,
    canPublishData: false,
    hidden: false,
  },
  viewer: {
    canPublish: false,
    canPublishSources: [],
    canSubscribe: true,
    canPublishData: false,
    hidden: false,
  },
  guest: {
    canPublish: false,
    canPublishSources: [],
    canSubscribe: true,
    canPublishData: false,
    hidden: false,
  },
  // Base operators' monitor wall and regulators watch without appearing in the room.
  monitor: {
    canPublish: false,
    canPublishSources: [],
    canSubscribe: true,
    canPublishData: false,
    hidden: true,
  },
  observer: {
    canPublish: false,
    canPublishSources: [],
    canSubscribe: true,
    canPublishData: false,
    hidden: true,
  },
};

/** Long enough to connect; LiveKit itself refreshes the token of a connected participant. */
export const TOKEN_TTL_SECONDS = 10 * 60;

/** `viewer:<userId>`: the role is part of the identity, so one person can hold two roles at once. */
export const identityFor = (role: ParticipantRole, id: string) => `${role}:${id}`;

export function roleOfIdentity(identity: string): ParticipantRole | null {
  const role = identity.split(':', 1)[0];
  return role && role in GRANTS ? (role as ParticipantRole) : null;
}

export function userIdOfIdentity(identity: string): string | null {
  const [role, id] = identity.split(':', 2);
  return role !== 'guest' && id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/** Viewers are people watching: not the stage, and not hidden monitors or observers. */
export const isCountedViewer = (role: ParticipantRole | null, hidden: boolean) =>
  !hidden && (role === 'viewer' || role === 'guest');

export const isStageRole = (role: ParticipantRole | null) => role === 'host' || role === 'cohost';
