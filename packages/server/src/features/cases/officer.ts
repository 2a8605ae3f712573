import type { Context } from 'hono';
import { Access, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';
import type { Acting } from '../notices/service';

/**
 * Casework is done by people: every member of a regulator (owner, admin or staff) is an officer;
 * API tokens are not, since each step records who took it.
 */
export const officers = Access.members(['regulator']);

/** The signed-in person of the caller's organisation, for the case record and the audit log. */
export function actingMember(c: Context<AppEnv>): Acting {
  const { userId } = sessionActor(c);
  return { userId, orgId: memberActor(c).organizationId, requestId: c.var.requestId, ip: clientIp(c) };
}
