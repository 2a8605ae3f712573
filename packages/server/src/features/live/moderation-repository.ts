import { sql } from 'kysely';
import type { Database } from '../../db/database';

export async function isActiveCohost(db: Database, sessionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('liveSessionCohosts')
    .select('userId')
    .where('sessionId', '=', sessionId)
    .where('userId', '=', userId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function inviteCohost(db: Database, sessionId: string, userId: string, invitedBy: string) {
  await db
    .insertInto('liveSessionCohosts')
    .values({ sessionId, userId, invitedBy })
    .onConflict((oc) =>
      oc.columns(['sessionId', 'userId']).doUpdateSet({ invitedBy, invitedAt: sql`now()`, removedAt: null }),
    )
    .execute();
}

export async function removeCohost(db: Database, sessionId: string, userId: string): Promise<boolean> {
  const row = await db
    .updateTable('liveSessionCohosts')
    .set({ removedAt: sql`now()` })
    .where('sessionId', '=', sessionId)
    .where('userId', '=', userId)
    .where('removedAt', 'is', null)
    .returning('userId')
    .executeTakeFirst();
  return row !== undefined;
}

export async function isRemoved(db: Database, sessionId: string, identity: string): Promise<boolean> {
  const row = await db
    .selectFrom('liveRemovals')
    .select('identity')
    .where('sessionId', '=', sessionId)
    .where('identity', '=', identity)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordRemoval(
  db: Database,
  removal: { sessionId: string; identity: string; userId: string | null; removedBy: string },
) {
  await db
    .insertInto('liveRemovals')
    .values(removal)
    .onConflict((oc) => oc.columns(['sessionId', 'identity']).doNothing())
    .execute();
}

/** The caller's mute in a session while it lasts (`until` null: for the rest of the session). */
export async function activeMute(db: Database, sessionId: string, userId: string) {
  return db
    .selectFrom('chatMutes')
    .select('until')
    .where('sessionId', '=', sessionId)
    .where('userId', '=', userId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
}

export async function mute(
  db: Database,
  mute: { sessionId: string; userId: string; mutedBy: string; minutes?: number },
) {
  const until = mute.minutes === undefined ? null : sql<Date>`now() + make_interval(mins => ${mute.minutes})`;
  await db
    .insertInto('chatMutes')
    .values({ sessionId: mute.sessionId, userId: mute.userId, mutedBy: mute.mutedBy, until })
    .onConflict((oc) =>
      oc.columns(['sessionId', 'userId']).doUpdateSet({ mutedBy: mute.mutedBy, mutedAt: sql`now()`, until }),
    )
    .execute();
}

export async function unmute(db: Database, sessionId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('chatMutes')
    .where('sessionId', '=', sessionId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function setSlowMode(db: Database, sessionId: string, seconds: number) {
  await db
    .updateTable('liveSessions')
    .set({ slowModeSeconds: seconds })
    .where('id', '=', sessionId)
    .execute();
}

export async function userExists(db: Database, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
