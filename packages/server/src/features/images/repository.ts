import type { Database } from '../../db/database';
import { because, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';

/** Who uploaded an image: an organisation (listings, certificates) or a buyer (evidence photos). */
export type ImageOwner = { orgId: string } | { userId: string };

/** Records an upload (the bytes are stored by content hash already) with its audit entry. */
export async function insertImage(
  db: Database,
  owner: ImageOwner,
  image: { contentHash: string; mimeType: string; byteSize: number },
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('images')
      .values({
        ownerOrgId: 'orgId' in owner ? owner.orgId : null,
        ownerUserId: 'userId' in owner ? owner.userId : null,
        ...image,
      })
      .returning(['id', 'mimeType', 'byteSize'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'image.uploaded',
      organizationId: 'orgId' in owner ? owner.orgId : null,
      targetType: 'image',
      targetId: row.id,
      details: { ...image },
    });
    return row;
  });
}

/** The stored bytes' hash and type of an image, if it exists. */
export async function findImage(db: Database, imageId: string) {
  return db
    .selectFrom('images')
    .select(['contentHash', 'mimeType'])
    .where('id', '=', imageId)
    .executeTakeFirst();
}

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
