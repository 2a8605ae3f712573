import type { Insertable } from 'kysely';
import type { Database } from '../../db/database';
import type { AuditEvents } from '../../db/schema.generated';

export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.signup'
  | 'member.role_changed'
  | 'token.issued'
  | 'token.revoked'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted';

export type AuditEntry = Omit<Insertable<AuditEvents>, 'id' | 'occurredAt' | 'action' | 'details'> & {
  action: AuditAction | (string & {});
  details?: Record<string, unknown>;
};

/** Appends to the audit trail; the table's trigger refuses updates and deletes. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({ ...entry, details: JSON.stringify(entry.details ?? {}) })
    .execute();
}

export async function listAuditEvents(
  db: Database,
  scope: { organizationId: string | null },
  options: { limit: number; before?: number },
) {
  let query = db.selectFrom('auditEvents').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (scope.organizationId !== null) query = query.where('organizationId', '=', scope.organizationId);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  return query.execute();
}
