import type { Database } from '../db/database';

/** The demo 解放碑 jadeite shop (seller@ / host@jadelive.test), which the demo live sessions belong to. */
export const DEMO_JADE_SHOP_SLUG = 'jiefangbei-cuiyuxuan';
export const DEMO_HOST_EMAIL = 'host@jadelive.test';

/** The demo jadeite shop and its host, once the demo accounts are seeded; undefined before. */
export async function findDemoJadeShop(db: Database) {
  const row = await db
    .selectFrom('organizations')
    .innerJoin('users', (join) => join.on('users.email', '=', DEMO_HOST_EMAIL))
    .select(['organizations.id as sellerOrgId', 'users.id as hostUserId'])
    .where('organizations.slug', '=', DEMO_JADE_SHOP_SLUG)
    .executeTakeFirst();
  return row;
}
