import { sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * Tells the buyers who booked a reminder for the session, and the followers of its shop, that it
 * is live: one `session_live` notification per buyer per session (a buyer who both follows and
 * booked gets one, marked `reminded`). The unique (user, kind, subject) makes a second report of
 * the same go-live (a webhook after the host's start, reconciliation) add nothing.
 */
export async function notifySessionLive(db: Database, sessionId: string) {
  await sql`
    insert into buyer_notifications (user_id, kind, subject_type, subject_id, details)
    select audience.user_id, 'session_live', 'live_session', s.id,
           jsonb_build_object('sessionId', s.id, 'title', s.title, 'shopName', o.name,
                              'shopSlug', o.slug, 'reminded', audience.reminded)
    from live_sessions s
    join organizations o on o.id = s.seller_org_id
    cross join lateral (
      select user_id, bool_or(reminded) as reminded
      from (
        select r.buyer_user_id as user_id, true as reminded
        from session_reminders r where r.session_id = s.id
        union all
        select f.buyer_user_id, false from shop_follows f where f.seller_org_id = s.seller_org_id
      ) everyone
      group by user_id
    ) audience
    where s.id = ${sessionId}
    on conflict on constraint buyer_notifications_once do nothing`.execute(db);
}
