import type { Database } from '../db/database';
import { hashPassword } from '../lib/passwords';
import { DEMO_BUYERS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from './demo-accounts';
import { seedDemoAddresses } from './demo-addresses';
import { seedDemoBases } from './demo-bases';
import { seedDemoCases } from './demo-cases';
import { seedDemoCatalog } from './demo-catalog';
import { seedDemoLive } from './demo-live';
import { seedDemoOrders } from './demo-orders';

/**
 * Writes the demo organisations and accounts. Idempotent: what exists already (by slug or
 * email) is left as it is, so the seed command can run on a database in use.
 */
export async function seedDemo(db: Database): Promise<{ createdUsers: number }> {
  let createdUsers = 0;
  await db.transaction().execute(async (trx) => {
    for (const org of DEMO_ORGANIZATIONS) {
      await trx
        .insertInto('organizations')
        .values({ slug: org.slug, kind: org.kind, name: org.name, district: org.district })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      const { id: organizationId } = await trx
        .selectFrom('organizations')
        .select('id')
        .where('slug', '=', org.slug)
        .executeTakeFirstOrThrow();
      for (const member of org.members) {
        const inserted = await trx
          .insertInto('users')
          .values({ ...member, organizationId, passwordHash: await hashPassword(DEMO_PASSWORD) })
          .onConflict((oc) => oc.column('email').doNothing())
          .returning('id')
          .execute();
        createdUsers += inserted.length;
      }
    }
    for (const buyer of DEMO_BUYERS) {
      const inserted = await trx
        .insertInto('users')
        .values({ ...buyer, passwordHash: await hashPassword(DEMO_PASSWORD) })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .execute();
      createdUsers += inserted.length;
    }
    await seedDemoBases(trx);
    await seedDemoCatalog(trx);
    await seedDemoLive(trx);
    await seedDemoAddresses(trx);
    await seedDemoOrders(trx);
    await seedDemoCases(trx);
  });
  return { createdUsers };
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
