import type { Database } from '@jadelive/server/db/database';
import { login, type Session, type TestApp } from './app';
import { TEST_PASSWORD } from './fixtures';

/** A signed-in `staff` member of the seller (not a host, not a manager): no stage control. */
export async function sellerStaffSession(
  db: Database,
  app: TestApp,
  sellerOrgId: string,
  passwordOfUserId: string,
): Promise<Session> {
  const { passwordHash } = await db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', passwordOfUserId)
    .executeTakeFirstOrThrow();
  const staff = await db
    .insertInto('users')
    .values({
      email: `staff.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.test`,
      passwordHash,
      displayName: 'staff',
      organizationId: sellerOrgId,
      role: 'staff',
    })
    .returning('email')
    .executeTakeFirstOrThrow();
  return login(app, staff.email, TEST_PASSWORD);
}
