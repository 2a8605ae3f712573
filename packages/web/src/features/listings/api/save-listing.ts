import type { createListingBodySchema } from '@jadelive/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from '../../../lib/api-client';
import { listingKeys } from './query-keys';

export type ListingBody = z.input<typeof createListingBodySchema>;

/** Creates a draft when there is no id yet, otherwise sends the whole form as an update. */
export function saveListing({ listingId, body }: { listingId?: string; body: ListingBody }) {
  return listingId
    ? unwrap(api.listings[':listingId'].$patch({ param: { listingId }, json: body }))
    : unwrap(api.listings.$post({ json: body }));
}

export type ListingStatusAction = 'publish' | 'unpublish' | 'archive';

export function changeListingStatus({
  listingId,
  action,
}: {
  listingId: string;
  action: ListingStatusAction;
}) {
  const route = api.listings[':listingId'];
  const param = { param: { listingId } };
  if (action === 'publish') return unwrap(route.publish.$post(param));
  if (action === 'unpublish') return unwrap(route.unpublish.$post(param));
  return unwrap(route.archive.$post(param));
}

export function useSaveListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveListing,
    onSuccess: (result) => {
      // The answer is exactly what GET /listings/{id} returns: seeding it lets the editor move from
      // /new to the listing's own URL without a loading state (and without losing its form).
      queryClient.setQueryData(listingKeys.one(result.listing.id), result);
      return queryClient.invalidateQueries({ queryKey: listingKeys.all });
    },
  });
}

export function useChangeListingStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeListingStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listingKeys.all }),
  });
}
