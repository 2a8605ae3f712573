import type { AppDeps } from '../../deps';
import { ApiError, because } from '../../http/errors';
import { broadcast } from './broadcast';
import type { LiveKitGateway } from './livekit-gateway';
import { closePresenceExcept, finalizeStats, refreshViewerCounts } from './presence';
import { closePinEvents, transition } from './session-writes';
import { settleSessionCommerce } from './settle-commerce';

/** An empty room waits this long for its host; a room whose last participant left, this long. */
const EMPTY_TIMEOUT_SECONDS = 15 * 60;
const DEPARTURE_TIMEOUT_SECONDS = 2 * 60;

export function requireLivekit(deps: Pick<AppDeps, 'livekit'>): LiveKitGateway {
  if (!deps.livekit) {
    throw new ApiError(
      'SERVICE_UNAVAILABLE',
      'live video is unavailable right now',
      because('live_unavailable'),
    );
  }
  return deps.livekit;
}

/** Creates the session's LiveKit room (or finds it): rooms are never created by a token alone. */
export async function ensureRoom(
  livekit: LiveKitGateway,
  session: { id: string; roomName: string; sellerOrgId: string; title: string },
) {
  return livekit.createRoom({
    name: session.roomName,
    metadata: JSON.stringify({
      sessionId: session.id,
      sellerOrgId: session.sellerOrgId,
      title: session.title,
    }),
    emptyTimeoutSeconds: EMPTY_TIMEOUT_SECONDS,
    departureTimeoutSeconds: DEPARTURE_TIMEOUT_SECONDS,
  });
}

/**
 * Ends a live session: the status first (so it happens once, whoever gets here first: the host,
 * an operator's force-end, a `room_finished` webhook or reconciliation), then the figures, then
 * what still runs in it is settled (auctions, flash sales, giveaways), then the room.
 */
export async function endLiveSession(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  session: { id: string; roomName: string },
  options: { at?: Date; deleteRoom: boolean },
): Promise<boolean> {
  const at = options.at ?? new Date();
  const ended = await deps.db.transaction().execute(async (trx) => {
    if (!(await transition(trx, session.id, 'end', at))) return false;
    await closePresenceExcept(trx, session.id, [], at);
    await refreshViewerCounts(trx, session.id);
    await finalizeStats(trx, session.id);
    await closePinEvents(trx, session.id);
    return true;
  });
  // After the commit: each settlement step is its own once-only transaction, and a settlement cut
  // short is finished by reconciliation (`unsettledEndedSessions`).
  if (ended) {
    await settleSessionCommerce(deps, session.id, at).catch((error: unknown) => {
      // The session has ended either way; reconciliation settles what is left.
      deps.logger.error({ err: error, sessionId: session.id }, 'settling an ended session was cut short');
    });
  }
  if (ended && options.deleteRoom && deps.livekit) {
    await broadcast(deps, session.roomName, { type: 'session.ending', sessionId: session.id });
    try {
      await deps.livekit.deleteRoom(session.roomName);
    } catch (error) {
      // Reconciliation deletes rooms of ended sessions that are still open.
      deps.logger.warn(
        { err: error, roomName: session.roomName },
        'could not delete the room of an ended session',
      );
    }
  }
  return ended;
}
