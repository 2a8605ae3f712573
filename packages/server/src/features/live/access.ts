import type { Context } from 'hono';
import { MANAGERS } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { ApiError, because, conflict, forbidden, notFound } from '../../http/errors';
import { type LiveCaller, liveCaller } from './caller';
import { findSession, type SessionRow } from './session-repository';

export interface LoadedSession {
  caller: LiveCaller;
  session: SessionRow;
}

/** The session if the caller may see it; 404 otherwise (another tenant's private session). */
export async function loadSession(c: Context<AppEnv>, sessionId: string): Promise<LoadedSession> {
  const caller = liveCaller(c);
  const session = await findSession(c.var.deps.db, caller, sessionId);
  if (!session) throw notFound('live session');
  return { caller, session };
}

const isManager = (caller: LiveCaller) => caller.role !== null && MANAGERS.includes(caller.role as never);

/**
 * Seller-side control of the stage (start, end, pin, co-hosts): the seller's owners and admins and
 * the session's listed hosts. Another seller's session is not theirs to know about: 404.
 */
export function requireStageControl({ caller, session }: LoadedSession): void {
  if (!session.isSeller) throw notFound('live session');
  if (!session.isHost && !isManager(caller)) {
    throw forbidden('only the hosts of this session may do this', because('hosts_only'));
  }
}

/** Chat moderation: the stage (as above) and the operator of a base the seller belongs to. */
export function requireModerator(loaded: LoadedSession): void {
  if (loaded.session.isOperator) return;
  requireStageControl(loaded);
}

export function requireStatus(session: SessionRow, allowed: readonly string[], doing: string): void {
  if (!allowed.includes(session.status)) {
    throw conflict(
      `cannot ${doing} a session that is ${session.status}`,
      because('session_status', { status: session.status }),
    );
  }
}

export function requireUser(caller: LiveCaller): string {
  if (!caller.userId) throw new ApiError('UNAUTHENTICATED', 'sign in first');
  return caller.userId;
}
