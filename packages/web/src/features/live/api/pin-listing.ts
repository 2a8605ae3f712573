import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export function pinListing(sessionId: string, listingId: string) {
  return unwrap(api.live.sessions[':id'].pin.$post({ param: { id: sessionId }, json: { listingId } }));
}

export function unpinListing(sessionId: string) {
  return unwrap(api.live.sessions[':id'].pin.$delete({ param: { id: sessionId } }));
}

/** Pin (a listing id) or take the card down (null); the room hears it from the server. */
export function usePinListing(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (listingId: string | null) =>
      listingId ? pinListing(sessionId, listingId) : unpinListing(sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: liveKeys.session(sessionId) }),
  });
}
