import { sql } from 'kysely';
import type { Database } from '../../db/database';

/** What the platform told one buyer, newest first. */
export async function listBuyerNotifications(db: Database, userId: string) {
  return db
    .selectFrom('buyerNotifications')
    .select(['id', 'kind', 'subjectId', 'details', 'createdAt', 'readAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .limit(100)
    .execute();
}

/** Marks one of the buyer's notifications read (kept at its first reading); false when not theirs. */
export async function markBuyerNotificationRead(db: Database, userId: string, notificationId: string) {
  const row = await db
    .updateTable('buyerNotifications')
    .set({ readAt: sql`coalesce(read_at, now())` })
    .where('id', '=', notificationId)
    .where('userId', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Tells one buyer something (a complaint answered or decided). The unique (user, kind, subject)
 * keeps a second report of the same event from adding a second notification.
 */
export async function insertBuyerNotification(
  db: Database,
  notice: {
    userId: string;
    kind: string;
    subjectType: string;
    subjectId: string;
    details: Record<string, string | number | boolean | null>;
  },
) {
  await db
    .insertInto('buyerNotifications')
    .values({ ...notice, details: JSON.stringify(notice.details) })
    .onConflict((oc) => oc.constraint('buyer_notifications_once').doNothing())
    .execute();
}
