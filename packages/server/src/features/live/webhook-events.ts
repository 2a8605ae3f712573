import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { isCountedViewer, isStageRole, roleOfIdentity, userIdOfIdentity } from './grants';
import { endLiveSession } from './lifecycle';
import type { LiveWebhookEvent } from './livekit-gateway';
import { isActiveCohost, isRemoved } from './moderation-repository';
import { recordJoin, recordLeave, refreshViewerCounts } from './presence';
import { findSessionByRoom } from './session-repository';
import { transition } from './session-writes';

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

/** How long LiveKit may take to deliver an event before we call it stale (its JWT lives 5 min). */
export const STALE_EVENT_MS = 10 * 60_000;

/**
 * Applies one verified webhook exactly once: its id is stored in the same transaction as its
 * effects, so a redelivery finds the id and changes nothing, and a failure stores neither.
 */
export async function applyWebhook(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  event: LiveWebhookEvent,
) {
  let endSession: { id: string; roomName: string } | null = null;
  let evict: string | null = null;
  const outcome = await deps.db.transaction().execute(async (trx): Promise<WebhookOutcome> => {
    const fresh = await trx
      .insertInto('livekitWebhookEvents')
      .values({ eventId: event.id, event: event.event, roomName: event.room?.name ?? null })
      .onConflict((oc) => oc.column('eventId').doNothing())
      .returning('eventId')
      .executeTakeFirst();
    if (!fresh) return 'duplicate';
    const session = event.room ? await findSessionByRoom(trx, event.room.name) : undefined;
    if (!session) return 'ignored';
    switch (event.event) {
      case 'room_started':
        await trx
          .updateTable('liveSessions')
          .set({ roomSid: event.room?.sid ?? null })
          .where('id', '=', session.id)
          .execute();
        return 'applied';
      case 'room_finished':
        await trx.updateTable('liveSessions').set({ roomSid: null }).where('id', '=', session.id).execute();
        if (session.status === 'live') endSession = session;
        return 'applied';
      case 'participant_joined': {
        const participant = event.participant;
        if (!participant) return 'ignored';
        const role = roleOfIdentity(participant.identity);
        await recordJoin(trx, session.id, {
          participantSid: participant.sid,
          identity: participant.identity,
          role: role ?? 'unknown',
          counted: isCountedViewer(role, participant.hidden),
          joinedAt: participant.joinedAt ?? event.createdAt,
        });
        await refreshViewerCounts(trx, session.id);
        if (await mustLeave(trx, session, participant.identity)) evict = participant.identity;
        return 'applied';
      }
      case 'participant_left':
      case 'participant_connection_aborted':
        if (!event.participant) return 'ignored';
        await recordLeave(trx, session.id, event.participant.sid, event.createdAt);
        await refreshViewerCounts(trx, session.id);
        return 'applied';
      case 'track_published': {
        // The host (or a co-host) publishing is going live, even without pressing start.
        const role = event.participant ? roleOfIdentity(event.participant.identity) : null;
        if (isStageRole(role) && session.status === 'scheduled') {
          await transition(trx, session.id, 'start', event.createdAt);
        }
        return 'applied';
      }
      default:
        return 'ignored';
    }
  });
  if (endSession) await endLiveSession(deps, endSession, { at: event.createdAt, deleteRoom: false });
  if (evict && deps.livekit && event.room) await deps.livekit.removeParticipant(event.room.name, evict);
  return outcome;
}

/**
 * Someone who reconnected with a token minted before they were removed, or a co-host taken off
 * stage: tokens cannot be recalled, so they are shown out as soon as they show up.
 */
async function mustLeave(
  db: Database,
  { id: sessionId, status }: { id: string; status: string },
  identity: string,
): Promise<boolean> {
  // Nobody stays in the room of a session that is over: LiveKit's WHIP endpoint (v1.13.5) opens a
  // room again for a token that outlived its session, without checking `auto_create`.
  if (status === 'ended' || status === 'cancelled') return true;
  const role = roleOfIdentity(identity);
  if (role === 'viewer' || role === 'guest') return isRemoved(db, sessionId, identity);
  if (role === 'cohost') {
    const userId = userIdOfIdentity(identity);
    return userId === null || !(await isActiveCohost(db, sessionId, userId));
  }
  return false;
}

/** Processed ids are only needed while LiveKit might still redeliver (minutes); a week is ample. */
export async function sweepWebhookEvents(db: Database) {
  await db
    .deleteFrom('livekitWebhookEvents')
    .where('receivedAt', '<', sql<Date>`now() - interval '7 days'`)
    .execute();
}
