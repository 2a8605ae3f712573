import type { Database } from '../../db/database';
import { type AuditAction, recordAudit } from '../audit/repository';

/**
 * An audit entry about a live session, in its seller's trail whoever acted (the host, the base's
 * operator, a LiveKit webhook): the acting organisation sees it through its own member.
 */
export function auditSession(
  trx: Database,
  session: { id: string; sellerOrgId: string },
  action: AuditAction,
  details: Record<string, unknown> = {},
) {
  return recordAudit(trx, {
    action,
    organizationId: session.sellerOrgId,
    targetType: 'live_session',
    targetId: session.id,
    details,
  });
}
