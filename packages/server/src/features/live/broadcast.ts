import { LIVE_TOPICS, type LiveDataMessage } from '@jadelive/shared';
import type { AppDeps } from '../../deps';

/**
 * Sends a message to everyone in the room through LiveKit (reliable data, server-sent). Best
 * effort: a room with nobody in it, or LiveKit being away, must not fail the request that caused
 * it; the answer says whether it went out.
 */
export async function broadcast(
  deps: Pick<AppDeps, 'livekit' | 'logger'>,
  roomName: string,
  message: LiveDataMessage,
): Promise<boolean> {
  if (!deps.livekit) return false;
  const topic = message.type.startsWith('chat.') ? LIVE_TOPICS.chat : LIVE_TOPICS.room;
  try {
    await deps.livekit.sendData(roomName, message, { topic });
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, roomName, type: message.type }, 'live data message not delivered');
    return false;
  }
}
