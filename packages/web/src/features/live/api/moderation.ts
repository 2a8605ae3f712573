import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export function deleteChatMessage(sessionId: string, messageId: string) {
  return unwrap(api.live.sessions[':id'].chat[':messageId'].$delete({ param: { id: sessionId, messageId } }));
}

export function muteUser(sessionId: string, userId: string, minutes?: number) {
  return unwrap(
    api.live.sessions[':id'].mutes.$post({ param: { id: sessionId }, json: { userId, minutes } }),
  );
}

export function removeParticipant(sessionId: string, identity: string) {
  return unwrap(api.live.sessions[':id'].removals.$post({ param: { id: sessionId }, json: { identity } }));
}

export function setSlowMode(sessionId: string, seconds: number) {
  return unwrap(api.live.sessions[':id']['slow-mode'].$put({ param: { id: sessionId }, json: { seconds } }));
}

export type ModerationAction =
  | { kind: 'delete'; messageId: string }
  | { kind: 'mute'; userId: string; minutes?: number }
  | { kind: 'remove'; identity: string }
  | { kind: 'slowMode'; seconds: number };

/** One mutation for every moderation tool of the studio and the monitor wall. */
export function useModerate(sessionId: string) {
  return useMutation({
    mutationFn: (action: ModerationAction) => {
      switch (action.kind) {
        case 'delete':
          return deleteChatMessage(sessionId, action.messageId);
        case 'mute':
          return muteUser(sessionId, action.userId, action.minutes);
        case 'remove':
          return removeParticipant(sessionId, action.identity);
        case 'slowMode':
          return setSlowMode(sessionId, action.seconds);
      }
    },
  });
}
