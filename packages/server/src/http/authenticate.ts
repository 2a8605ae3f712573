import { tokenPermissionSchema } from '@jadelive/shared';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  type ActiveSession,
  findActiveApiToken,
  findActiveSessions,
  markApiTokenUsed,
  touchSession,
} from '../features/auth/repository';
import { coalescedLookup, perDatabase } from '../lib/coalesce';
import { hashToken } from '../lib/tokens';
import type { Actor, AppEnv } from './app-env';

export const SESSION_COOKIE = 'jl_session';
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Every request reads its session afresh from PostgreSQL (a sign-out or a disabled account takes
 * effect on the next request, on every instance); concurrent requests share the round trip.
 */
const activeSession = perDatabase((db: AppEnv['Variables']['deps']['db']) =>
  coalescedLookup<string, ActiveSession>({
    id: (tokenHash) => tokenHash,
    load: async (tokenHashes) =>
      new Map((await findActiveSessions(db, tokenHashes)).map((row) => [row.tokenHash, row])),
  }),
);

/**
 * Resolves who is calling — a session cookie or a `Bearer` API token — into `c.var.actor`.
 * It never refuses: each route's `authorize` policy decides what an anonymous caller gets.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set(
    'actor',
    await resolveActor(c.get('deps').db, c.req.header('authorization'), getCookie(c, SESSION_COOKIE)),
  );
  return next();
};

async function resolveActor(
  db: AppEnv['Variables']['deps']['db'],
  authorization: string | undefined,
  sessionCookie: string | undefined,
): Promise<Actor | null> {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = await findActiveApiToken(db, hashToken(bearer));
    if (!token) return null;
    await markApiTokenUsed(db, token.id);
    return {
      type: 'token',
      tokenId: token.id,
      organizationId: token.organizationId,
      organizationKind: token.kind as Extract<Actor, { type: 'token' }>['organizationKind'],
      permissions: token.permissions.flatMap((p) => {
        const parsed = tokenPermissionSchema.safeParse(p);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  }
  if (!sessionCookie) return null;
  const tokenHash = hashToken(sessionCookie);
  const session = await activeSession(db)(tokenHash);
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, tokenHash);
  return {
    type: 'session',
    userId: session.userId,
    email: session.email,
    displayName: session.displayName,
    organizationId: session.organizationId,
    organizationKind: session.organizationKind,
    role: session.role,
    sessionTokenHash: session.tokenHash,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}
