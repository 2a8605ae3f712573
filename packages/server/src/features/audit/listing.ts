import type { Database } from '../../db/database';

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
