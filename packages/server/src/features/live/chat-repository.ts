import { sql } from 'kysely';
import type { Database } from '../../db/database';

const messageColumns = [
  'chatMessages.id',
  'chatMessages.sessionId',
  'chatMessages.userId',
  'users.displayName',
  'chatMessages.text',
  'chatMessages.createdAt',
  'chatMessages.deletedAt',
] as const;

/** Visible, undeleted messages, newest first. */
export async function listMessages(
  db: Database,
  sessionId: string,
  query: { limit: number; before?: string },
) {
  let select = db
    .selectFrom('chatMessages')
    .innerJoin('users', 'users.id', 'chatMessages.userId')
    .select(messageColumns)
    .where('chatMessages.sessionId', '=', sessionId)
    .where('chatMessages.status', '=', 'visible')
    .where('chatMessages.deletedAt', 'is', null);
  if (query.before) select = select.where('chatMessages.createdAt', '<', new Date(query.before));
  return select.orderBy('chatMessages.createdAt', 'desc').limit(query.limit).execute();
}

/**
 * Seconds the sender must still wait under slow mode (0: may post). Runs inside the posting
 * transaction after an advisory lock on (session, user), so two quick posts cannot both pass.
 */
export async function slowModeWait(db: Database, sessionId: string, userId: string, seconds: number) {
  if (seconds <= 0) return 0;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${sessionId}:${userId}`}, 0))`.execute(db);
  const row = await db
    .selectFrom('chatMessages')
    .select(
      sql<number>`ceil(extract(epoch from max(created_at) + make_interval(secs => ${seconds}) - now()))::int`.as(
        'wait',
      ),
    )
    .where('sessionId', '=', sessionId)
    .where('userId', '=', userId)
    .where('status', '=', 'visible')
    .executeTakeFirst();
  return Math.max(0, row?.wait ?? 0);
}

export async function insertMessage(
  db: Database,
  message: {
    sessionId: string;
    userId: string;
    text: string;
    status: 'visible' | 'blocked';
    flags: unknown[];
  },
) {
  return db
    .insertInto('chatMessages')
    .values({ ...message, flags: JSON.stringify(message.flags) })
    .returning(['id', 'createdAt'])
    .executeTakeFirstOrThrow();
}

export async function markDeleted(db: Database, sessionId: string, messageId: string, deletedBy: string) {
  return db
    .updateTable('chatMessages')
    .set({ deletedAt: sql`now()`, deletedBy })
    .where('sessionId', '=', sessionId)
    .where('id', '=', messageId)
    .where('deletedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
