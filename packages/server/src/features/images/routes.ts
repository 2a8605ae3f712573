import { OpenAPIHono, z } from '@hono/zod-openapi';
import { imageSchema } from '@jadelive/shared';
import type { Context } from 'hono';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { ApiError, because, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { sniffImageType } from '../../lib/image-storage';
import { buyerUserId } from '../orders/buyer';
import { findImage, type ImageOwner, insertImage } from './repository';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const tags = ['images'];
const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
    },
  },
};

/** Reads the multipart `file`, checks its size and type from its bytes, and stores it for `owner`. */
async function storeUpload(c: Context<AppEnv>, owner: ImageOwner) {
  let file: unknown;
  try {
    file = (await c.req.parseBody()).file;
  } catch {
    throw new ApiError(
      'BAD_REQUEST',
      'expected a multipart/form-data body with a file field',
      because('image_missing'),
    );
  }
  if (!(file instanceof File)) {
    throw new ApiError('VALIDATION_FAILED', 'the form needs a file field', because('image_missing'));
  }
  if (file.size > MAX_IMAGE_BYTES)
    throw new ApiError(
      'PAYLOAD_TOO_LARGE',
      `images are limited to ${MAX_IMAGE_BYTES} bytes`,
      because('image_too_large', { maxBytes: MAX_IMAGE_BYTES }),
    );
  if (file.size === 0) throw new ApiError('VALIDATION_FAILED', 'the file is empty', because('image_empty'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = sniffImageType(bytes);
  if (!mimeType) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      'only JPEG, PNG and WebP images are accepted',
      because('image_type'),
    );
  }
  const contentHash = await c.var.deps.images.put(bytes);
  const row = await insertImage(c.var.deps.db, owner, { contentHash, mimeType, byteSize: bytes.byteLength });
  return { ...row, url: `/api/images/${row.id}` };
}

export const imageRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(
      Access.members(['seller', 'lab', 'cluster_operator', 'regulator'], { token: 'listings:write' }),
      {
        method: 'post',
        path: '/',
        tags,
        summary: 'Upload an image (JPEG, PNG or WebP, at most 5 MB)',
        description:
          'Multipart form with one `file` field. The type is read from the bytes, not the file name. Regulators upload the screenshots of their observations.',
        request: { body: uploadBody },
        responses: { 201: jsonResponse(imageSchema, 'Stored') },
      },
    ),
    async (c) => c.json(await storeUpload(c, { orgId: memberActor(c).organizationId }), 201),
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/buyer',
      tags,
      summary:
        "Upload a photo as a buyer (a return's or a complaint's evidence; JPEG, PNG or WebP, at most 5 MB)",
      description:
        'Buyer accounts only (signed in, no organisation; members upload through `POST /api/images`). ' +
        'The photo belongs to the buyer: only they can attach it.',
      request: { body: uploadBody },
      responses: { 201: jsonResponse(imageSchema, 'Stored') },
    }),
    async (c) => c.json(await storeUpload(c, { userId: buyerUserId(c) }), 201),
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{imageId}',
      tags,
      summary: 'Image bytes (ids are unguessable; images show on public listings and certificates)',
      request: { params: uuidParam('imageId') },
      responses: { 200: { description: 'The image', content: { 'image/*': { schema: z.any() } } } },
    }),
    async (c) => {
      const { imageId } = c.req.valid('param');
      const row = await findImage(c.var.deps.db, imageId);
      const bytes = row ? await c.var.deps.images.get(row.contentHash) : null;
      if (!row || !bytes) throw notFound('image');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': row.mimeType,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      });
    },
  );
