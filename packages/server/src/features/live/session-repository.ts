import { HOST_AWAY_GRACE_SECONDS, type LiveSessionStatus } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { LiveCaller } from './caller';
import { managedBy, relationColumns, visibleTo } from './visibility';

const hostIds = sql<string[]>`coalesce(
  (select array_agg(h.user_id order by h.user_id) from live_session_hosts h where h.session_id = live_sessions.id),
  '{}')`;

/**
 * While live: since when no host or co-host has been in the room (their last departure, or the
 * start when none joined yet); null while one is there. Presence comes from LiveKit's webhooks and
 * reconciliation, which close a departed participant's interval.
 */
const hostAwaySince = sql<Date | null>`case when live_sessions.status = 'live' and not exists (
    select 1 from live_presence p
    where p.session_id = live_sessions.id and p.role in ('host', 'cohost') and p.left_at is null)
  then greatest(live_sessions.started_at, (
    select max(p.left_at) from live_presence p
    where p.session_id = live_sessions.id and p.role in ('host', 'cohost')))
  end`;

function sessionQuery(db: Database, caller: LiveCaller) {
  const relation = relationColumns(caller);
  return db
    .selectFrom('liveSessions')
    .innerJoin('organizations as seller', 'seller.id', 'liveSessions.sellerOrgId')
    .leftJoin('liveSessionStats as stats', 'stats.sessionId', 'liveSessions.id')
    .select([
      'liveSessions.id',
      'liveSessions.sellerOrgId',
      'seller.name as sellerName',
      'liveSessions.title',
      'liveSessions.coverImageId',
      'liveSessions.status',
      'liveSessions.roomName',
      'liveSessions.plannedStartAt',
      'liveSessions.startedAt',
      'liveSessions.endedAt',
      'liveSessions.studioBookingId',
      'liveSessions.slowModeSeconds',
      'liveSessions.pinnedListingId',
      sql<number>`coalesce(stats.current_viewers, 0)`.as('currentViewers'),
      sql<number>`coalesce(stats.peak_viewers, 0)`.as('peakViewers'),
      hostIds.as('hostUserIds'),
      hostAwaySince.as('hostAwaySince'),
      relation.isSeller.as('isSeller'),
      relation.isHost.as('isHost'),
      relation.isOperator.as('isOperator'),
      relation.isRegulator.as('isRegulator'),
    ]);
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** The session if the caller may see it at all (else undefined → 404), with how it relates. */
export async function findSession(db: Database, caller: LiveCaller, sessionId: string) {
  return sessionQuery(db, caller)
    .where('liveSessions.id', '=', sessionId)
    .where(visibleTo(caller))
    .executeTakeFirst();
}

export async function listSessions(
  db: Database,
  caller: LiveCaller,
  query: { view: 'public' | 'mine'; status?: LiveSessionStatus; limit: number },
) {
  let select = sessionQuery(db, caller);
  if (query.view === 'public') {
    // A live session whose hosts have been gone past the grace is not shown as live to the public.
    select = select
      .where('liveSessions.status', 'in', ['scheduled', 'live'])
      .where(
        sql<boolean>`coalesce(${hostAwaySince} > now() - make_interval(secs => ${HOST_AWAY_GRACE_SECONDS}), true)`,
      );
  } else {
    select = select.where(managedBy(caller));
  }
  if (query.status) select = select.where('liveSessions.status', '=', query.status);
  return select
    .orderBy(sql`live_sessions.status = 'live'`, 'desc')
    .orderBy('liveSessions.plannedStartAt', 'asc')
    .limit(query.limit)
    .execute();
}

/** Sessions by room name, for webhooks and reconciliation (no caller: LiveKit is the caller). */
export async function findSessionByRoom(db: Database, roomName: string) {
  return db
    .selectFrom('liveSessions')
    .select(['id', 'status', 'sellerOrgId', 'roomName', 'startedAt', 'endedAt'])
    .where('roomName', '=', roomName)
    .executeTakeFirst();
}

/** Whether the session is still open to the public (scheduled or live): one primary-key read. */
export async function isSessionOpen(db: Database, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('liveSessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('status', 'in', ['scheduled', 'live'])
    .executeTakeFirst();
  return row !== undefined;
}
