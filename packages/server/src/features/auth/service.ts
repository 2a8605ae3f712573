import type { SessionResponse, User } from '@jadelive/shared';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Database } from '../../db/database';
import type { AppEnv } from '../../http/app-env';
import { SESSION_COOKIE } from '../../http/authenticate';
import { clientIp } from '../../http/client-ip';
import { ApiError, because, notFound } from '../../http/errors';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords';
import { hashToken, randomToken } from '../../lib/tokens';
import { recordAudit } from '../audit/repository';
import * as repo from './repository';

const FAILURE_WINDOW_MINUTES = 15;
/** Wrong passwords from one address on one account before waits begin. */
const FREE_FAILURES_PER_PAIR = 3;
/** Failures on one account from all addresses in the window after which no address gets any free ones. */
const ACCOUNT_FAILURE_BUDGET = 10;
const MAX_WAIT_SECONDS = 15 * 60;
const MAX_FAILURES_PER_IP = 30;

/**
 * The wait before the next attempt of an (account, address) pair: none for its first few
 * failures, then 1 s doubling with each further failure, up to 15 minutes. When the account has
 * used up its budget across all addresses (someone guessing from many), every pair starts waiting
 * from its first failure. A pair's wait depends only on that pair's own failures, so no one can
 * lock a user out from elsewhere.
 */
export function signInWaitSeconds(pairFailures: number, accountOverBudget: boolean): number {
  const free = accountOverBudget ? 0 : FREE_FAILURES_PER_PAIR;
  if (pairFailures <= free) return 0;
  return Math.min(2 ** (pairFailures - free - 1), MAX_WAIT_SECONDS);
}

function tooManyAttempts(retryAfterSeconds: number) {
  return new ApiError(
    'RATE_LIMITED',
    'too many failed sign-ins, wait before trying again',
    because('sign_in_throttled', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) }),
  );
}

/**
 * Checks a password and opens a session, throttled per account and address (see
 * `signInWaitSeconds`) and per address across accounts (a spraying address). The attempt, its
 * audit entry and the session are written in one transaction; a failed attempt is recorded too.
 */
export async function signIn(c: Context<AppEnv>, email: string, password: string): Promise<SessionResponse> {
  const { db } = c.var.deps;
  const ip = clientIp(c);
  const failures = await repo.signInFailures(db, email, ip, FAILURE_WINDOW_MINUTES);
  if (failures.addressFailures >= MAX_FAILURES_PER_IP) throw tooManyAttempts(FAILURE_WINDOW_MINUTES * 60);
  const wait = signInWaitSeconds(failures.pairFailures, failures.accountFailures >= ACCOUNT_FAILURE_BUDGET);
  const waited = failures.pairSecondsSinceLast ?? Number.POSITIVE_INFINITY;
  if (waited < wait) throw tooManyAttempts(wait - waited);
  const user = await repo.findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  const succeeded = valid && user !== undefined && user.disabledAt === null;
  const session = await db.transaction().execute(async (trx) => {
    await repo.recordLoginAttempt(trx, { email, ip, succeeded });
    await recordAudit(trx, {
      action: succeeded ? 'auth.login' : 'auth.login_failed',
      actorUserId: succeeded ? user.id : null,
      details: { email },
    });
    return succeeded ? startSession(c, user.id, trx) : null;
  });
  if (!session) throw new ApiError('INVALID_CREDENTIALS', 'wrong email or password');
  return session;
}

/**
 * Opens a session, in the transaction that signed the user in (`db`): the cookie carries the
 * secret, the database only its hash.
 */
export async function startSession(
  c: Context<AppEnv>,
  userId: string,
  db: Database = c.var.deps.db,
): Promise<SessionResponse> {
  const { config } = c.var.deps;
  const token = randomToken();
  const csrfToken = randomToken(24);
  const { expiresAt } = await repo.createSession(db, {
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    ip: clientIp(c),
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    ttlHours: config.sessionTtlHours,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
  return { user: await loadUser(db, userId), csrfToken, expiresAt: expiresAt.toISOString() };
}

export async function loadUser(db: Database, userId: string): Promise<User> {
  const row = await repo.findUserProfile(db, userId);
  if (!row) throw notFound('user');
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as User['role'],
    organization:
      row.orgId && row.orgKind && row.orgName && row.orgSlug
        ? {
            id: row.orgId,
            kind: row.orgKind as NonNullable<User['organization']>['kind'],
            name: row.orgName,
            slug: row.orgSlug,
            district: row.orgDistrict,
          }
        : null,
  };
}
