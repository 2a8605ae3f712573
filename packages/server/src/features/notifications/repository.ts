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
