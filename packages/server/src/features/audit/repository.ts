import type { AuditAction } from '@jadelive/shared/audit-trail';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database';
import type { AuditEvents } from '../../db/schema.generated';
import { noteAuditWritten, requestAuditFields } from './request-context';

export type { AuditAction };

export type AuditEntry = Omit<Insertable<AuditEvents>, 'id' | 'occurredAt' | 'action' | 'details'> & {
  action: AuditAction;
  details?: Record<string, unknown>;
};

/**
 * Appends to the audit trail; the table's trigger refuses updates and deletes. Pass the caller's
 * transaction, so the entry commits or rolls back with the change it records. Inside a request,
 * what the entry leaves out (undefined, not null) is the request's: its id, the client address,
 * the signed-in user or API token, and the caller's organisation. A `null` actor is the system.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  const row = withRequestFields(entry);
  await db
    .insertInto('auditEvents')
    .values({ ...row, details: JSON.stringify(row.details ?? {}) })
    .execute();
  noteAuditWritten(row.requestId);
}

function withRequestFields(entry: AuditEntry): AuditEntry {
  const request = requestAuditFields();
  if (!request) return entry;
  const or = <K extends keyof typeof request & keyof AuditEntry>(key: K) =>
    entry[key] !== undefined ? entry[key] : request[key];
  return {
    ...entry,
    requestId: or('requestId'),
    ip: or('ip'),
    actorUserId: or('actorUserId'),
    actorTokenId: or('actorTokenId'),
    organizationId: or('organizationId'),
  };
}
