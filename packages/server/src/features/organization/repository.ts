import type { MemberRole, TokenPermission } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

// Every function takes the caller's organisation: rows of another tenant are simply not found.

export async function findOrganization(db: Database, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'kind', 'name', 'slug', 'district'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

export async function listMembers(db: Database, organizationId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'displayName', 'role', 'createdAt'])
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt')
    .execute();
}

export async function updateMemberRole(
  db: Database,
  organizationId: string,
  userId: string,
  role: MemberRole,
) {
  return db
    .updateTable('users')
    .set({ role })
    .where('organizationId', '=', organizationId)
    .where('id', '=', userId)
    .returning(['id', 'email', 'displayName', 'role', 'createdAt'])
    .executeTakeFirst();
}

export async function findMember(db: Database, organizationId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

const invitationColumns = ['id', 'email', 'role', 'createdAt', 'expiresAt', 'acceptedAt'] as const;

export async function insertInvitation(
  db: Database,
  organizationId: string,
  invitation: { email: string; role: MemberRole; tokenHash: string; invitedBy: string; validDays: number },
) {
  return db
    .insertInto('invitations')
    .values({
      organizationId,
      email: invitation.email,
      role: invitation.role,
      tokenHash: invitation.tokenHash,
      invitedBy: invitation.invitedBy,
      expiresAt: sql<Date>`now() + make_interval(days => ${invitation.validDays})`,
    })
    .returning(invitationColumns)
    .executeTakeFirstOrThrow();
}

export async function listPendingInvitations(db: Database, organizationId: string) {
  return db
    .selectFrom('invitations')
    .select(invitationColumns)
    .where('organizationId', '=', organizationId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function revokeInvitation(db: Database, organizationId: string, invitationId: string) {
  return db
    .updateTable('invitations')
    .set({ revokedAt: sql`now()` })
    .where('organizationId', '=', organizationId)
    .where('id', '=', invitationId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

/** An invitation that can still be accepted, looked up by its secret. */
export async function findOpenInvitation(db: Database, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organizationId')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.expiresAt',
      'invitations.organizationId',
      'organizations.kind as orgKind',
      'organizations.name as orgName',
      'organizations.slug as orgSlug',
      'organizations.district as orgDistrict',
    ])
    .where('invitations.tokenHash', '=', tokenHash)
    .where('invitations.acceptedAt', 'is', null)
    .where('invitations.revokedAt', 'is', null)
    .where('invitations.expiresAt', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Database, invitationId: string, userId: string) {
  return db
    .updateTable('invitations')
    .set({ acceptedAt: sql`now()`, acceptedUserId: userId })
    .where('id', '=', invitationId)
    .where('acceptedAt', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

const tokenColumns = [
  'id',
  'name',
  'tokenPrefix',
  'permissions',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'revokedAt',
] as const;

export async function insertApiToken(
  db: Database,
  organizationId: string,
  token: {
    name: string;
    tokenPrefix: string;
    tokenHash: string;
    permissions: TokenPermission[];
    createdBy: string;
    expiresInDays?: number;
  },
) {
  return db
    .insertInto('apiTokens')
    .values({
      organizationId,
      name: token.name,
      tokenPrefix: token.tokenPrefix,
      tokenHash: token.tokenHash,
      permissions: token.permissions,
      createdBy: token.createdBy,
      expiresAt:
        token.expiresInDays === undefined
          ? null
          : sql<Date>`now() + make_interval(days => ${token.expiresInDays})`,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
}

export async function listApiTokens(db: Database, organizationId: string) {
  return db
    .selectFrom('apiTokens')
    .select(tokenColumns)
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function revokeApiToken(db: Database, organizationId: string, tokenId: string) {
  return db
    .updateTable('apiTokens')
    .set({ revokedAt: sql`now()` })
    .where('organizationId', '=', organizationId)
    .where('id', '=', tokenId)
    .where('revokedAt', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}
