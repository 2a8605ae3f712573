import type { Giveaway } from '@jadelive/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSessionGiveaways } from '../api/giveaways';
import { liveCommerceKeys } from '../api/live-commerce-keys';
import type { RoomDataSubscribe } from '../types';

export type GiveawayView = Giveaway & { receivedAt: number };

/**
 * The session's latest giveaway. A `giveaway.updated` message carries the entry count and state
 * (applied at once) and triggers a refetch, which brings the revealed seed and the caller's own
 * result after the draw; the list is polled as the fallback for missed messages.
 */
export function useSessionGiveaway(sessionId: string, subscribe: RoomDataSubscribe, pollMs: number) {
  const queryClient = useQueryClient();
  const list = useSessionGiveaways(sessionId, pollMs);
  const [pushed, setPushed] = useState<{ id: string; entryCount: number; serverTime: string } | null>(null);

  useEffect(
    () =>
      subscribe((message) => {
        if (message.type !== 'giveaway.updated') return;
        setPushed({ id: message.giveawayId, entryCount: message.entryCount, serverTime: message.serverTime });
        void queryClient.invalidateQueries({ queryKey: liveCommerceKeys.sessionGiveaways(sessionId) });
      }),
    [subscribe, queryClient, sessionId],
  );

  const latest = list.data?.[0];
  if (!latest) return { giveaway: null, query: list };
  const newer =
    pushed?.id === latest.id && Date.parse(pushed.serverTime) > Date.parse(latest.serverTime)
      ? { entryCount: pushed.entryCount }
      : {};
  const giveaway: GiveawayView = { ...latest, ...newer, receivedAt: list.dataUpdatedAt };
  return { giveaway, query: list };
}
