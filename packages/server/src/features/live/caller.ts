import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';

/** Who is asking, as far as live sessions care; anonymous callers have nulls everywhere. */
export interface LiveCaller {
  userId: string | null;
  displayName: string | null;
  orgId: string | null;
  orgKind: string | null;
  role: string | null;
}

export function liveCaller(c: Context<AppEnv>): LiveCaller {
  const actor = c.var.actor;
  if (!actor) return { userId: null, displayName: null, orgId: null, orgKind: null, role: null };
  if (actor.type === 'token') {
    return {
      userId: null,
      displayName: null,
      orgId: actor.organizationId,
      orgKind: actor.organizationKind,
      role: null,
    };
  }
  return {
    userId: actor.userId,
    displayName: actor.displayName,
    orgId: actor.organizationId,
    orgKind: actor.organizationKind,
    role: actor.role,
  };
}

/** The organisation id only when it is of this kind, so visibility clauses never match by accident. */
export const orgIdIfKind = (caller: Pick<LiveCaller, 'orgId' | 'orgKind'>, kind: string) =>
  caller.orgKind === kind ? caller.orgId : null;
