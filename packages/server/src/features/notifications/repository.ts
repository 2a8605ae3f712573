import { sql } from 'kysely';
import type { Database } from '../../db/database';

export interface Notice {
  orgId: string;
  /** The console words a known kind from `details` in the reader's language. */
  kind: string;
  /** The record in the platform's language, for any reader without a wording of the kind. */
  message: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, string | number | null>;
}

/** Tells organisations something in their console's notifications. */
export async function insertNotifications(db: Database, notices: Notice[]) {
  if (notices.length === 0) return;
  await db
    .insertInto('notifications')
    .values(notices.map((notice) => ({ ...notice, details: JSON.stringify(notice.details) })))
    .execute();
}

/** An organisation's latest notifications, newest first. */
export async function listNotifications(db: Database, orgId: string, limit = 100) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'message', 'subjectType', 'subjectId', 'details', 'createdAt', 'readAt'])
    .where('orgId', '=', orgId)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute();
}

/** Marks one of the organisation's notifications read (once); false when it is not theirs. */
export async function markNotificationRead(db: Database, orgId: string, notificationId: string) {
  const row = await db
    .updateTable('notifications')
    .set({ readAt: sql`coalesce(read_at, now())` })
    .where('id', '=', notificationId)
    .where('orgId', '=', orgId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
