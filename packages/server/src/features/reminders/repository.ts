import { sql } from 'kysely';
import type { Database } from '../../db/database';

/** A session a buyer may book a reminder for: public (planned or on air), with its shop. */
export async function findPublicSession(db: Database, sessionId: string) {
  return db
    .selectFrom('liveSessions')
    .select(['id', 'status'])
    .where('id', '=', sessionId)
    .where('status', 'in', ['scheduled', 'live'])
    .executeTakeFirst();
}

export async function hasReminder(db: Database, buyerUserId: string, sessionId: string) {
  const row = await db
    .selectFrom('sessionReminders')
    .select('sessionId')
    .where('buyerUserId', '=', buyerUserId)
    .where('sessionId', '=', sessionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Books a reminder; booking it again changes nothing. */
export async function remind(db: Database, buyerUserId: string, sessionId: string): Promise<boolean> {
  const row = await db
    .insertInto('sessionReminders')
    .values({ buyerUserId, sessionId })
    .onConflict((oc) => oc.columns(['buyerUserId', 'sessionId']).doNothing())
    .returning('sessionId')
    .executeTakeFirst();
  return row !== undefined;
}

/** Cancels a reminder; cancelling one the buyer does not have changes nothing. */
export async function forget(db: Database, buyerUserId: string, sessionId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('sessionReminders')
    .where('buyerUserId', '=', buyerUserId)
    .where('sessionId', '=', sessionId)
    .returning('sessionId')
    .executeTakeFirst();
  return row !== undefined;
}

/** A buyer's reminders: sessions still to come first (soonest first), then the rest, newest first. */
export async function listReminders(db: Database, buyerUserId: string) {
  return db
    .selectFrom('sessionReminders')
    .innerJoin('liveSessions', 'liveSessions.id', 'sessionReminders.sessionId')
    .innerJoin('organizations', 'organizations.id', 'liveSessions.sellerOrgId')
    .select([
      'liveSessions.id as sessionId',
      'liveSessions.title',
      'liveSessions.status',
      'liveSessions.plannedStartAt',
      'organizations.id as shopId',
      'organizations.name as shopName',
      'organizations.slug as shopSlug',
      'organizations.district as shopDistrict',
      'sessionReminders.createdAt as remindedAt',
    ])
    .where('sessionReminders.buyerUserId', '=', buyerUserId)
    .orderBy(sql`live_sessions.status in ('scheduled', 'live')`, 'desc')
    .orderBy(
      sql`case when live_sessions.status in ('scheduled', 'live') then live_sessions.planned_start_at end`,
      'asc',
    )
    .orderBy('liveSessions.plannedStartAt', 'desc')
    .limit(200)
    .execute();
}

/** A shop's sessions that have not ended (on air first, then the planned ones, soonest first). */
export async function upcomingSessionsOf(db: Database, sellerOrgId: string) {
  return db
    .selectFrom('liveSessions')
    .select(['id', 'title', 'status', 'plannedStartAt', 'coverImageId'])
    .where('sellerOrgId', '=', sellerOrgId)
    .where('status', 'in', ['scheduled', 'live'])
    .orderBy(sql`status = 'live'`, 'desc')
    .orderBy('plannedStartAt', 'asc')
    .limit(20)
    .execute();
}
