import type { AppDeps } from '../../deps';
import { runPeriodically, withAdvisoryLock } from '../../lib/periodic';
import { isCountedViewer, isStageRole, roleOfIdentity } from './grants';
import { endLiveSession } from './lifecycle';
import type { LiveParticipant } from './livekit-gateway';
import {
  closePresenceExcept,
  lastPresenceAt,
  openPresenceSids,
  recordJoin,
  refreshViewerCounts,
} from './presence';
import { transition } from './session-writes';
import { settleSessionCommerce, unsettledEndedSessions } from './settle-commerce';
import { sweepWebhookEvents } from './webhook-events';

/** One key for the whole cluster: only one API instance reconciles at a time. */
const RECONCILE_LOCK_KEY = 0x6a6c_6c76; // 'jllv'

export interface ReconcileReport {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  checked: number;
  ended: number;
  started: number;
  roomsClosed: number;
  /** Live sessions whose room is gone but whose people were there within ROOM_LOST_GRACE_SECONDS. */
  waiting: number;
}

const PRESENT: LiveParticipant['state'][] = ['joined', 'active'];

/**
 * A live session whose room is gone is ended only once nobody has been in it for this long. A room
 * LiveKit closed by itself was empty for its departure timeout (2 min) first, so that session ends
 * at the first look; a room lost with people in it (livekit-server crashed or restarted) is
 * recreated by the first client that rejoins (the token route creates it), and they get this long.
 */
export const ROOM_LOST_GRACE_SECONDS = 60;

/**
 * LiveKit does not guarantee webhook delivery: compare what the database believes with what
 * LiveKit says (rooms and participants) and repair the difference.
 */
export async function reconcileLiveSessions(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    ran: false,
    checked: 0,
    ended: 0,
    started: 0,
    roomsClosed: 0,
    waiting: 0,
  };
  const livekit = deps.livekit;
  if (!livekit) return report;
  const ran = await withAdvisoryLock(deps.db, RECONCILE_LOCK_KEY, async (conn) => {
    const rooms = new Map((await livekit.listRooms()).map((room) => [room.name, room]));
    const sessions = await conn
      .selectFrom('liveSessions')
      .select(['id', 'roomName', 'status', 'startedAt'])
      .where((eb) =>
        eb.or([
          eb('status', '=', 'live'),
          eb.and([eb('status', '=', 'scheduled'), eb('roomName', 'in', [...rooms.keys(), ''])]),
          eb.and([eb('status', 'in', ['ended', 'cancelled']), eb('roomName', 'in', [...rooms.keys(), ''])]),
        ]),
      )
      .execute();
    for (const session of sessions) {
      report.checked++;
      const room = rooms.get(session.roomName);
      if (session.status === 'ended' || session.status === 'cancelled') {
        if (room) {
          await livekit.deleteRoom(session.roomName);
          report.roomsClosed++;
        }
        continue;
      }
      if (!room) {
        // The room closed and its room_finished never arrived, or LiveKit lost it under the people
        // in it (their intervals close now: they are not in LiveKit any more).
        if (session.status !== 'live') continue;
        const now = new Date();
        await closePresenceExcept(conn, session.id, [], now);
        await refreshViewerCounts(conn, session.id);
        const lastSeen = (await lastPresenceAt(conn, session.id)) ?? session.startedAt ?? now;
        if (now.getTime() - lastSeen.getTime() < ROOM_LOST_GRACE_SECONDS * 1000) {
          report.waiting++;
          continue;
        }
        if (await endLiveSession({ ...deps, db: conn }, session, { deleteRoom: false })) report.ended++;
        continue;
      }
      const participants = (await livekit.listParticipants(session.roomName)).filter((p) =>
        PRESENT.includes(p.state),
      );
      await syncPresence(conn, session.id, participants);
      const stagePublishing = participants.some(
        (p) => isStageRole(roleOfIdentity(p.identity)) && p.publishedTracks > 0,
      );
      if (
        session.status === 'scheduled' &&
        stagePublishing &&
        (await transition(conn, session.id, 'start'))
      ) {
        report.started++;
      }
    }
    // A session that ended while its settlement was cut short (a crash between the two).
    for (const sessionId of await unsettledEndedSessions(conn)) {
      await settleSessionCommerce({ ...deps, db: conn }, sessionId);
    }
    if (Math.random() < 0.05) await sweepWebhookEvents(conn);
    return true;
  });
  return { ...report, ran: ran === true };
}

async function syncPresence(db: AppDeps['db'], sessionId: string, participants: LiveParticipant[]) {
  const now = new Date();
  const known = new Set(await openPresenceSids(db, sessionId));
  await closePresenceExcept(
    db,
    sessionId,
    participants.map((p) => p.sid),
    now,
  );
  for (const participant of participants) {
    if (known.has(participant.sid)) continue;
    const role = roleOfIdentity(participant.identity);
    await recordJoin(db, sessionId, {
      participantSid: participant.sid,
      identity: participant.identity,
      role: role ?? 'unknown',
      counted: isCountedViewer(role, participant.hidden),
      joinedAt: participant.joinedAt.getTime() > 0 ? participant.joinedAt : now,
    });
  }
  await refreshViewerCounts(db, sessionId);
}

/** Runs `reconcileLiveSessions` every `intervalMs` until stopped; failures are logged, not thrown. */
export function startReconciler(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  intervalMs: number,
) {
  return runPeriodically(deps.logger, intervalMs, 'live session reconciliation failed', () =>
    reconcileLiveSessions(deps),
  );
}
