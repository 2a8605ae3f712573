import { randomBytes } from 'node:crypto';
import type { Database } from '@jadelive/server/db/database';
import { hashPassword } from '@jadelive/server/lib/passwords';
import type { MemberRole, OrganizationKind } from '@jadelive/shared';

export const TEST_PASSWORD = 'correct horse battery';

const unique = () => randomBytes(4).toString('hex');

/** A fresh organisation with one member per requested role; ids never collide across tests. */
export async function createTenant(
  db: Database,
  kind: OrganizationKind,
  roles: MemberRole[] = ['owner'],
  extra: { name?: string; district?: string } = {},
) {
  const suffix = unique();
  const org = await db
    .insertInto('organizations')
    .values({
      kind,
      name: extra.name ?? `${kind} ${suffix}`,
      slug: `${kind}-${suffix}`,
      district: extra.district ?? null,
    })
    .returning(['id', 'kind', 'name', 'slug'])
    .executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const members: Record<string, { id: string; email: string }> = {};
  for (const role of roles) {
    const email = `${role}.${suffix}@example.test`;
    const user = await db
      .insertInto('users')
      .values({ email, passwordHash, displayName: `${role} ${suffix}`, organizationId: org.id, role })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    members[role] = user;
  }
  return { org, members: members as Record<MemberRole, { id: string; email: string }> };
}

export async function createBuyer(db: Database) {
  const email = `buyer.${unique()}@example.test`;
  return db
    .insertInto('users')
    .values({ email, passwordHash: await hashPassword(TEST_PASSWORD), displayName: 'buyer' })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
}
