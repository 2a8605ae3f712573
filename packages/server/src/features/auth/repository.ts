import type { MemberRole, OrganizationKind } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { compiledOnce } from '../../lib/compiled-once';

export async function findUserByEmail(db: Database, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabledAt'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function createSession(
  db: Database,
  session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    ip: string;
    userAgent: string | null;
    ttlHours: number;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      tokenHash: session.tokenHash,
      userId: session.userId,
      csrfToken: session.csrfToken,
      ip: session.ip,
      userAgent: session.userAgent,
      expiresAt: sql<Date>`now() + make_interval(hours => ${session.ttlHours})`,
    })
    .returning(['expiresAt'])
    .executeTakeFirstOrThrow();
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

/**
 * The live sessions behind a batch of cookies, with their users and organisations, in one round
 * trip (`http/authenticate.ts` coalesces the look-ups of concurrent requests).
 */
const activeSessionsStatement = compiledOnce((db: Database, tokenHashes: string[]) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('organizations', 'organizations.id', 'users.organizationId')
    .select([
      'sessions.tokenHash',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
      'users.id as userId',
      'users.email',
      'users.displayName',
      'users.role',
      'users.organizationId',
      'organizations.kind as organizationKind',
    ])
    // One array parameter: the statement text is the same whatever the batch size.
    .where('sessions.tokenHash', '=', sql<string>`any(${tokenHashes}::text[])`)
    .where('sessions.expiresAt', '>', sql<Date>`now()`)
    .where('users.disabledAt', 'is', null),
);

export async function findActiveSessions(db: Database, tokenHashes: readonly string[]) {
  const rows = await activeSessionsStatement(db, [...tokenHashes]);
  return rows.map((row) => ({
    ...row,
    role: row.role as MemberRole | null,
    organizationKind: row.organizationKind as OrganizationKind | null,
  }));
}

export type ActiveSession = Awaited<ReturnType<typeof findActiveSessions>>[number];

export async function touchSession(db: Database, tokenHash: string) {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: sql`now()` })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

export async function findActiveApiToken(db: Database, tokenHash: string) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('organizations', 'organizations.id', 'apiTokens.organizationId')
    .select(['apiTokens.id', 'apiTokens.organizationId', 'apiTokens.permissions', 'organizations.kind'])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('apiTokens.expiresAt', 'is', null), eb('apiTokens.expiresAt', '>', sql<Date>`now()`)]),
    )
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Database, id: string) {
  await db.updateTable('apiTokens').set({ lastUsedAt: sql`now()` }).where('id', '=', id).execute();
}

export async function recordLoginAttempt(
  db: Database,
  attempt: { email: string; ip: string; succeeded: boolean },
) {
  await db.insertInto('loginAttempts').values(attempt).execute();
}

/**
 * What sign-in throttling needs, in one query over the last day's failures: the failures of this
 * (account, address) pair since its last success and how long ago the latest was; the account's
 * failures from every address and the address's failures on every account, both in the last
 * `windowMinutes`.
 */
export async function signInFailures(db: Database, email: string, ip: string, windowMinutes: number) {
  const { rows } = await sql<{
    pairFailures: number;
    pairSecondsSinceLast: number | null;
    accountFailures: number;
    addressFailures: number;
  }>`
    with pair_success as (
      select max(attempted_at) as at from login_attempts
      where email = ${email} and ip = ${ip} and succeeded and attempted_at > now() - interval '1 day')
    select
      count(*) filter (where email = ${email} and ip = ${ip})::int as "pairFailures",
      extract(epoch from now() - max(attempted_at) filter (where email = ${email} and ip = ${ip}))::float8
        as "pairSecondsSinceLast",
      count(*) filter (where email = ${email} and attempted_at > now() - make_interval(mins => ${windowMinutes}))::int
        as "accountFailures",
      count(*) filter (where ip = ${ip} and attempted_at > now() - make_interval(mins => ${windowMinutes}))::int
        as "addressFailures"
    from login_attempts
    where not succeeded
      and attempted_at > now() - interval '1 day'
      and (email = ${email} or ip = ${ip})
      -- A success from this address ends its pair's run of failures (not other addresses' runs).
      and (email <> ${email} or ip <> ${ip}
           or attempted_at > coalesce((select at from pair_success), '-infinity'))`.execute(db);
  const row = rows[0];
  return {
    pairFailures: row?.pairFailures ?? 0,
    pairSecondsSinceLast: row?.pairSecondsSinceLast ?? null,
    accountFailures: row?.accountFailures ?? 0,
    addressFailures: row?.addressFailures ?? 0,
  };
}

export async function findUserProfile(db: Database, userId: string) {
  return db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organizationId')
    .select([
      'users.id',
      'users.email',
      'users.displayName',
      'users.role',
      'organizations.id as orgId',
      'organizations.kind as orgKind',
      'organizations.name as orgName',
      'organizations.slug as orgSlug',
      'organizations.district as orgDistrict',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function insertUser(
  db: Database,
  user: {
    email: string;
    passwordHash: string;
    displayName: string;
    organizationId?: string;
    role?: MemberRole;
  },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      passwordHash: user.passwordHash,
      displayName: user.displayName,
      organizationId: user.organizationId ?? null,
      role: user.role ?? null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function insertSignupRequest(
  db: Database,
  request: {
    tokenHash: string;
    email: string;
    passwordHash: string;
    displayName: string;
    validHours: number;
  },
) {
  // Expired requests are swept by whoever signs up next, so no job is needed.
  await db.deleteFrom('signupRequests').where('expiresAt', '<', sql<Date>`now()`).execute();
  await db
    .insertInto('signupRequests')
    .values({
      tokenHash: request.tokenHash,
      email: request.email,
      passwordHash: request.passwordHash,
      displayName: request.displayName,
      expiresAt: sql<Date>`now() + make_interval(hours => ${request.validHours})`,
    })
    .execute();
}

/** Uses up a sign-up link: the request behind it, if it has not expired (each link works once). */
export async function takeSignupRequest(db: Database, tokenHash: string) {
  return db
    .deleteFrom('signupRequests')
    .where('tokenHash', '=', tokenHash)
    .where('expiresAt', '>', sql<Date>`now()`)
    .returning(['email', 'passwordHash', 'displayName'])
    .executeTakeFirst();
}
