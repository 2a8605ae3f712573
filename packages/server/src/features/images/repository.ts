import type { Database } from '../../db/database';
import { unprocessable } from '../../http/errors';

/**
 * Refuses (422) image ids that are not among the organisation's own uploads, so nobody can show
 * another tenant's pictures as theirs. `field` names the body field in the message and details.
 */
export async function requireOwnImages(
  db: Database,
  ownerOrgId: string,
  imageIds: readonly string[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(imageIds)];
  if (wanted.length === 0) return;
  const owned = await db
    .selectFrom('images')
    .select('id')
    .where('id', 'in', wanted)
    .where('ownerOrgId', '=', ownerOrgId)
    .execute();
  if (owned.length !== wanted.length) {
    throw unprocessable(`${field}: image not found among your images`, {
      field,
      unknown: wanted.filter((id) => !owned.some((image) => image.id === id)),
    });
  }
}
