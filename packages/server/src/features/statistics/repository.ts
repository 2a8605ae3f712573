import { COMPARISON_SESSIONS } from '@jadelive/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';
import { orgIdIfKind } from '../live/caller';
import { regulatorWatches, sellerOwns, streamedAtBaseOf } from '../live/visibility';

// Per-session figures read from the raw tables (orders, presence, flags, giveaway entries). A
// session's page asks for one session and its seller's previous 30; the incremental rollups of
// the monitoring dashboards (issue 15, later items) are for reading many at once.

/** Who asks for a session's sales, as far as its scope cares. */
export interface StatisticsViewer {
  orgId: string;
  orgKind: string;
  /** An owner or admin of the platform: every session. */
  platformAdmin: boolean;
}

function mayReadSales(viewer: StatisticsViewer): RawBuilder<boolean> {
  return sql<boolean>`(${sql.lit(viewer.platformAdmin)}
    or ${sellerOwns(orgIdIfKind(viewer, 'seller'))}
    or ${streamedAtBaseOf(orgIdIfKind(viewer, 'cluster_operator'))}
    or ${regulatorWatches(orgIdIfKind(viewer, 'regulator'))})`;
}

/** A session that went live (live now or ended) whose sales the viewer may read; else undefined. */
export async function findSessionForStatistics(db: Database, viewer: StatisticsViewer, sessionId: string) {
  return db
    .selectFrom('liveSessions')
    .select(['id', 'sellerOrgId', 'status', 'startedAt', 'endedAt'])
    .where('id', '=', sessionId)
    .where('status', 'in', ['live', 'ended'])
    .where('startedAt', 'is not', null)
    .where(mayReadSales(viewer))
    .executeTakeFirst();
}

export interface SessionSales {
  sessionId: string;
  orders: number;
  refundedOrders: number;
  buyers: number;
  firstTimeBuyers: number;
  paidFen: number;
  refundedFen: number;
  /** Orders that can still change the figures (not completed, refunded or cancelled). */
  unsettledOrders: number;
  /** Unique viewers frozen at the session's end; null before. */
  frozenUniqueViewers: number | null;
}

/**
 * What each session sold, from its orders: those bought in the room, in its flash sales and at
 * its auctions. Paid = `paid_at` set (the order was paid at some time, refunded ones included);
 * refunded = status `refunded`; a buyer is first-time when no paid order of theirs with the
 * seller was placed before their first paid order of the session.
 */
export async function salesBySession(
  db: Database,
  sessionIds: readonly string[],
  settledStatuses: readonly string[],
): Promise<SessionSales[]> {
  if (sessionIds.length === 0) return [];
  const result = await sql<SessionSales>`
    with target as (
      select id from live_sessions where id = any(${sql.val([...sessionIds])}::uuid[])),
    -- One branch per index (room, flash sale, auction); union drops an order found twice.
    session_orders as (
      select t.id as session_id, o.id, o.buyer_user_id, o.seller_org_id, o.status, o.total_fen,
        o.paid_at, o.created_at
      from target t join orders o on o.live_session_id = t.id
      union
      select t.id, o.id, o.buyer_user_id, o.seller_org_id, o.status, o.total_fen, o.paid_at, o.created_at
      from target t join flash_sales f on f.session_id = t.id join orders o on o.flash_sale_id = f.id
      union
      select t.id, o.id, o.buyer_user_id, o.seller_org_id, o.status, o.total_fen, o.paid_at, o.created_at
      from target t join auctions a on a.session_id = t.id join orders o on o.auction_id = a.id),
    first_paid as (
      select session_id, buyer_user_id, seller_org_id, min(created_at) as first_at
      from session_orders where paid_at is not null
      group by session_id, buyer_user_id, seller_org_id),
    first_time as (
      select fp.session_id, count(*)::int as n from first_paid fp
      where not exists (
        select 1 from orders e
        where e.seller_org_id = fp.seller_org_id and e.buyer_user_id = fp.buyer_user_id
          and e.paid_at is not null and e.created_at < fp.first_at)
      group by fp.session_id)
    select t.id as "sessionId",
      count(so.id) filter (where so.paid_at is not null)::int as "orders",
      count(so.id) filter (where so.status = 'refunded')::int as "refundedOrders",
      count(distinct so.buyer_user_id) filter (where so.paid_at is not null)::int as "buyers",
      coalesce(max(ft.n), 0)::int as "firstTimeBuyers",
      coalesce(sum(so.total_fen) filter (where so.paid_at is not null), 0)::bigint as "paidFen",
      coalesce(sum(so.total_fen) filter (where so.status = 'refunded'), 0)::bigint as "refundedFen",
      count(so.id) filter (
        where so.status <> all(${sql.val([...settledStatuses])}::text[]))::int as "unsettledOrders",
      max(stats.unique_viewers) as "frozenUniqueViewers"
    from target t
    left join session_orders so on so.session_id = t.id
    left join first_time ft on ft.session_id = t.id
    left join live_session_stats stats on stats.session_id = t.id
    group by t.id`.execute(db);
  return result.rows;
}

/** The seller's last ended sessions before `before` (now when null), newest first, not `exceptId`. */
export async function previousSessionIds(
  db: Database,
  sellerOrgId: string,
  before: Date | null,
  exceptId: string,
): Promise<string[]> {
  let query = db
    .selectFrom('liveSessions')
    .select('id')
    .where('sellerOrgId', '=', sellerOrgId)
    .where('status', '=', 'ended')
    .where('startedAt', 'is not', null)
    .where('id', '<>', exceptId);
  if (before) query = query.where('endedAt', '<', before);
  const rows = await query.orderBy('endedAt', 'desc').limit(COMPARISON_SESSIONS).execute();
  return rows.map((row) => row.id);
}

/** Room entries of counted viewers (each join is a view) and the stored peak; null when unrecorded. */
export async function audienceCounts(db: Database, sessionId: string) {
  return db
    .selectFrom('liveSessions')
    .leftJoin('liveSessionStats as stats', 'stats.sessionId', 'liveSessions.id')
    .select([
      'stats.peakViewers',
      sql<number>`(select count(*) from live_presence p where p.session_id = live_sessions.id and p.counted)::int`.as(
        'views',
      ),
    ])
    .where('liveSessions.id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

export async function flagCounts(db: Database, sessionId: string) {
  return db
    .selectFrom('complianceFlags')
    .select(['category', 'speakerKind', sql<number>`count(*)::int`.as('count')])
    .where('sessionId', '=', sessionId)
    .groupBy(['category', 'speakerKind'])
    .orderBy('category')
    .orderBy('speakerKind')
    .execute();
}

export async function giveawayEntryCount(db: Database, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('giveawayEntries')
    .innerJoin('giveaways', 'giveaways.id', 'giveawayEntries.giveawayId')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('giveaways.sessionId', '=', sessionId)
    .executeTakeFirstOrThrow();
  return row.n;
}
