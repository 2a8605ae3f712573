import type { Database } from '../../db/database';
import { because, unprocessable } from '../../http/errors';

/** Who uploaded an image: an organisation (listings, certificates) or a buyer (evidence photos). */
export type ImageOwner = { orgId: string } | { userId: string };

/**
 * Refuses (422) image ids that are not among the owner's own uploads, so nobody can show
 * another tenant's pictures as theirs. `field` names the body field in the message and details.
 */
export async function requireImagesOf(
  db: Database,
  owner: ImageOwner,
  imageIds: readonly string[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(imageIds)];
  if (wanted.length === 0) return;
  const owned = await db
    .selectFrom('images')
    .select('id')
    .where('id', 'in', wanted)
    .where(
      'orgId' in owner ? 'ownerOrgId' : 'ownerUserId',
      '=',
      'orgId' in owner ? owner.orgId : owner.userId,
    )
    .execute();
  if (owned.length !== wanted.length) {
    throw unprocessable(`${field}: image not found among your images`, {
      ...because('image_not_found'),
      field,
      unknown: wanted.filter((id) => !owned.some((image) => image.id === id)),
    });
  }
}

/** `requireImagesOf` for an organisation's uploads. */
export const requireOwnImages = (
  db: Database,
  ownerOrgId: string,
  imageIds: readonly string[],
  field: string,
) => requireImagesOf(db, { orgId: ownerOrgId }, imageIds, field);
