import type { Context } from 'hono';
import type { Database } from '../../db/database';
import { Access, MANAGERS, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';
import { uuidParam } from '../../http/route';
import { type AuditEntry, recordAudit } from '../audit/repository';

/** Every member of a cluster operator runs its bases (operators have no hosts). */
export const operators = Access.members(['cluster_operator'], { roles: ['owner', 'admin', 'staff'] });
/** Applying to a base commits the seller, so only its owners and admins may. */
export const sellerManagers = Access.members(['seller'], { roles: MANAGERS });
/** Booking studio time is day-to-day work: any member of the seller, hosts included. */
export const sellerMembers = Access.members(['seller']);

export const baseParams = uuidParam('id');
export const studioParams = uuidParam('id').extend(uuidParam('studioId').shape);

/** Appends to the audit trail as the signed-in caller, inside the caller's transaction if any. */
export function auditAs(
  c: Context<AppEnv>,
  db: Database,
  entry: Pick<AuditEntry, 'action' | 'organizationId' | 'targetType' | 'targetId' | 'details'>,
) {
  return recordAudit(db, {
    ...entry,
    actorUserId: sessionActor(c).userId,
    ip: clientIp(c),
    requestId: c.var.requestId,
  });
}
