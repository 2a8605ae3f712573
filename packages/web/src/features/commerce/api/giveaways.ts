import type { CreateGiveawayBody } from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveCommerceKeys } from './live-commerce-keys';

export function getSessionGiveaways(sessionId: string) {
  return unwrap(api.live.sessions[':id'].giveaways.$get({ param: { id: sessionId } }));
}

/** A session's giveaways, newest first, with the caller's own entry; polled as the room's fallback. */
export function useSessionGiveaways(sessionId: string, refetchInterval: number) {
  return useQuery({
    queryKey: liveCommerceKeys.sessionGiveaways(sessionId),
    queryFn: () => getSessionGiveaways(sessionId).then((answer) => answer.giveaways),
    refetchInterval,
  });
}

/** Seed, commitment, masked entries and winners: everything to recompute the draw (after it). */
export function useGiveawayAudit(giveawayId: string, enabled: boolean) {
  return useQuery({
    queryKey: liveCommerceKeys.giveawayAudit(giveawayId),
    queryFn: () => unwrap(api.giveaways[':id'].audit.$get({ param: { id: giveawayId } })),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The winners unmasked, for the seller to deliver the prizes. */
export function useGiveawayWinners(giveawayId: string, enabled: boolean) {
  return useQuery({
    queryKey: liveCommerceKeys.giveawayWinners(giveawayId),
    queryFn: () =>
      unwrap(api.giveaways[':id'].winners.$get({ param: { id: giveawayId } })).then(
        (answer) => answer.winners,
      ),
    enabled,
  });
}

export function useEnterGiveaway(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (giveawayId: string) =>
      unwrap(api.giveaways[':id'].entries.$post({ param: { id: giveawayId } })),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: liveCommerceKeys.sessionGiveaways(sessionId) }),
  });
}

/** The stage publishes a giveaway's rules, and draws it once the draw time has come. */
export function useGiveawayControl(sessionId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: liveCommerceKeys.sessionGiveaways(sessionId) });
  const publish = useMutation({
    mutationFn: (body: CreateGiveawayBody) =>
      unwrap(api.live.sessions[':id'].giveaways.$post({ param: { id: sessionId }, json: body })),
    onSuccess: refresh,
  });
  const draw = useMutation({
    mutationFn: (giveawayId: string) =>
      unwrap(api.giveaways[':id'].draw.$post({ param: { id: giveawayId } })),
    onSettled: refresh,
  });
  return { publish, draw };
}
