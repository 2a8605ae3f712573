import { ApiError } from './api-error';
import { queryClient, sessionQueryKey } from './query-client';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp';

/** Where the API serves an uploaded image; ids are unguessable, so the URL is public. */
export const imageUrl = (imageId: string) => `/api/images/${encodeURIComponent(imageId)}`;

/**
 * Uploads one image as multipart `file`. Done with plain fetch because the typed client does not
 * model file bodies; the CSRF header is added the same way the client adds it.
 */
export async function uploadImage(
  file: File,
  /** Members upload for their organisation; buyers upload evidence photos of their own. */
  owner: 'organization' | 'buyer' = 'organization',
): Promise<{ id: string; url: string }> {
  const body = new FormData();
  body.set('file', file);
  const csrf = queryClient.getQueryData<{ csrfToken: string } | null>(sessionQueryKey)?.csrfToken;
  let response: Response;
  try {
    response = await fetch(owner === 'buyer' ? '/api/images/buyer' : '/api/images', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: csrf ? { 'X-CSRF-Token': csrf } : {},
    });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK_ERROR', message: cause instanceof Error ? cause.message : 'failed' });
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await response.json()) as { id: string; url: string };
}
