import type { Database } from '../../db/database';

/** One notification per organisation, about an order; `details` carry the facts for the reader's language. */
export async function notifyOrgs(
  trx: Database,
  orgIds: string[],
  notice: { kind: string; message: string; orderId: string; details: Record<string, string | number | null> },
) {
  if (orgIds.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      orgIds.map((orgId) => ({
        orgId,
        kind: notice.kind,
        message: notice.message,
        subjectType: 'order',
        subjectId: notice.orderId,
        details: JSON.stringify(notice.details),
      })),
    )
    .execute();
}
