import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { followKeys } from './query-keys';

export async function getBuyerNotifications() {
  return (await unwrap(api.me.notifications.$get())).notifications;
}

export const buyerNotificationsQueryOptions = () =>
  queryOptions({
    queryKey: followKeys.notifications,
    queryFn: getBuyerNotifications,
    refetchInterval: 60_000,
  });

/** What the platform told the signed-in buyer (a followed shop or a reminded session went live). */
export function useBuyerNotifications() {
  return useQuery(buyerNotificationsQueryOptions());
}

export function useMarkBuyerNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(api.me.notifications[':notificationId'].read.$post({ param: { notificationId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followKeys.notifications }),
  });
}
