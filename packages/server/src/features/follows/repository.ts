import { sql } from 'kysely';
import type { Database } from '../../db/database';

/** A seller's shop by its public slug, or undefined. */
export async function findShopBySlug(db: Database, slug: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'slug', 'district'])
    .where('slug', '=', slug)
    .where('kind', '=', 'seller')
    .executeTakeFirst();
}

/** Follows a shop; following it again changes nothing (the first time is kept). */
export async function follow(db: Database, buyerUserId: string, sellerOrgId: string): Promise<boolean> {
  const row = await db
    .insertInto('shopFollows')
    .values({ buyerUserId, sellerOrgId })
    .onConflict((oc) => oc.columns(['buyerUserId', 'sellerOrgId']).doNothing())
    .returning('sellerOrgId')
    .executeTakeFirst();
  return row !== undefined;
}

/** Stops following; unfollowing a shop one does not follow changes nothing. */
export async function unfollow(db: Database, buyerUserId: string, sellerOrgId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('shopFollows')
    .where('buyerUserId', '=', buyerUserId)
    .where('sellerOrgId', '=', sellerOrgId)
    .returning('sellerOrgId')
    .executeTakeFirst();
  return row !== undefined;
}

export async function followerCount(db: Database, sellerOrgId: string): Promise<number> {
  const row = await db
    .selectFrom('shopFollows')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('sellerOrgId', '=', sellerOrgId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The shops a buyer follows, most recent first, each with the session it is live in now. */
export async function listFollowedShops(db: Database, buyerUserId: string) {
  return db
    .selectFrom('shopFollows')
    .innerJoin('organizations', 'organizations.id', 'shopFollows.sellerOrgId')
    .select([
      'organizations.id',
      'organizations.name',
      'organizations.slug',
      'organizations.district',
      'shopFollows.createdAt as followedAt',
      sql<string | null>`(
        select s.id from live_sessions s
        where s.seller_org_id = organizations.id and s.status = 'live'
        order by s.started_at desc limit 1)`.as('liveSessionId'),
    ])
    .where('shopFollows.buyerUserId', '=', buyerUserId)
    .orderBy('shopFollows.createdAt', 'desc')
    .limit(200)
    .execute();
}
