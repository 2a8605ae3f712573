import type { Database } from '../../db/database';

/** Every organisation with how many members it has, by kind and name. */
export async function listOrganizationsWithMemberCounts(db: Database) {
  return db
    .selectFrom('organizations')
    .leftJoin('users', 'users.organizationId', 'organizations.id')
    .select((eb) => [
      'organizations.id',
      'organizations.kind',
      'organizations.name',
      'organizations.slug',
      'organizations.district',
      eb.fn.count<number>('users.id').as('memberCount'),
    ])
    .groupBy('organizations.id')
    .orderBy('organizations.kind')
    .orderBy('organizations.name')
    .execute();
}
