import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const notificationKeys = { all: ['notifications'] as const };

export async function getNotifications() {
  return (await unwrap(api.notifications.$get())).notifications;
}

export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.all, queryFn: getNotifications });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(api.notifications[':notificationId'].read.$post({ param: { notificationId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
