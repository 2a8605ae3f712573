import type { Database } from '../../db/database';
import { type AuditAction, recordAudit } from './repository';
import { nothingToAudit } from './request-context';

/**
 * A buyer's own idempotent choice (follow a shop, book a reminder, and their undoing): `change`
 * answers whether anything changed; only a change is recorded, in no organisation's trail (a shop
 * sees how many follow it, not who).
 */
export async function recordBuyerChoice(
  db: Database,
  change: (trx: Database) => Promise<boolean>,
  entry: { action: AuditAction; targetType: string; targetId: string },
) {
  await db.transaction().execute(async (trx) => {
    if (!(await change(trx))) return nothingToAudit('asking again changes nothing');
    await recordAudit(trx, { ...entry, organizationId: null });
  });
}
