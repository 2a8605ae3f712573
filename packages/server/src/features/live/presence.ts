import { sql } from 'kysely';
import type { Database } from '../../db/database';

// Viewer counts come from participant intervals (join → leave), one row per LiveKit participant
// sid, so a duplicate or late event can never count someone twice.

export interface PresenceJoin {
  participantSid: string;
  identity: string;
  role: string;
  counted: boolean;
  joinedAt: Date;
}

export async function recordJoin(db: Database, sessionId: string, join: PresenceJoin): Promise<void> {
  await db
    .insertInto('livePresence')
    .values({ sessionId, ...join })
    .onConflict((oc) => oc.columns(['sessionId', 'participantSid']).doNothing())
    .execute();
}

export async function recordLeave(db: Database, sessionId: string, participantSid: string, at: Date) {
  await db
    .updateTable('livePresence')
    .set({ leftAt: sql<Date>`greatest(joined_at, ${at})` })
    .where('sessionId', '=', sessionId)
    .where('participantSid', '=', participantSid)
    .where('leftAt', 'is', null)
    .execute();
}

/** Closes the intervals of everyone not in `presentSids` (all of them when empty). */
export async function closePresenceExcept(db: Database, sessionId: string, presentSids: string[], at: Date) {
  let update = db
    .updateTable('livePresence')
    .set({ leftAt: sql<Date>`greatest(joined_at, ${at})` })
    .where('sessionId', '=', sessionId)
    .where('leftAt', 'is', null);
  if (presentSids.length > 0) update = update.where('participantSid', 'not in', presentSids);
  await update.execute();
}

export async function openPresenceSids(db: Database, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('livePresence')
    .select('participantSid')
    .where('sessionId', '=', sessionId)
    .where('leftAt', 'is', null)
    .execute();
  return rows.map((row) => row.participantSid);
}

/**
 * When somebody was last in the session's room by our records: now while an interval is open,
 * else the latest departure; null when nobody ever joined.
 */
export async function lastPresenceAt(db: Database, sessionId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('livePresence')
    .select(sql<Date | null>`max(coalesce(left_at, now()))`.as('at'))
    .where('sessionId', '=', sessionId)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Current viewers = open counted intervals; the peak only ever grows. */
export async function refreshViewerCounts(db: Database, sessionId: string): Promise<void> {
  await sql`
    insert into live_session_stats (session_id, current_viewers, peak_viewers)
    select ${sessionId}, n, n from (
      select count(*)::int as n from live_presence
      where session_id = ${sessionId} and counted and left_at is null) c
    on conflict (session_id) do update set
      current_viewers = excluded.current_viewers,
      peak_viewers = greatest(live_session_stats.peak_viewers, excluded.current_viewers),
      updated_at = now()`.execute(db);
}

export interface ViewerAggregates {
  liveSeconds: number;
  averageViewers: number;
  uniqueViewers: number;
}

/** Time-weighted viewers over the live period (start → end, or now while live). */
export async function viewerAggregates(db: Database, sessionId: string): Promise<ViewerAggregates> {
  const result = await sql<{ viewerSeconds: number; uniqueViewers: number; liveSeconds: number | null }>`
    with s as (
      select started_at, coalesce(ended_at, now()) as until from live_sessions where id = ${sessionId})
    select
      coalesce(sum(greatest(0, extract(epoch from
        least(coalesce(p.left_at, s.until), s.until) - greatest(p.joined_at, s.started_at)))), 0)::float8
        as "viewerSeconds",
      count(distinct p.identity)::int as "uniqueViewers",
      extract(epoch from s.until - s.started_at)::float8 as "liveSeconds"
    from s left join live_presence p on p.session_id = ${sessionId} and p.counted
    group by s.started_at, s.until`.execute(db);
  const row = result.rows[0];
  const liveSeconds = Math.max(0, row?.liveSeconds ?? 0);
  return {
    liveSeconds,
    averageViewers: liveSeconds > 0 ? (row?.viewerSeconds ?? 0) / liveSeconds : 0,
    uniqueViewers: row?.uniqueViewers ?? 0,
  };
}

/** Freezes the figures of an ended session, so its summary no longer depends on `now()`. */
export async function finalizeStats(db: Database, sessionId: string): Promise<void> {
  const aggregates = await viewerAggregates(db, sessionId);
  await db
    .updateTable('liveSessionStats')
    .set({
      currentViewers: 0,
      averageViewers: aggregates.averageViewers,
      uniqueViewers: aggregates.uniqueViewers,
      liveSeconds: Math.round(aggregates.liveSeconds),
      updatedAt: sql<Date>`now()`,
    })
    .where('sessionId', '=', sessionId)
    .execute();
}
