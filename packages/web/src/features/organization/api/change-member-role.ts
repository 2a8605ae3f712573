import type { MemberRole } from '@jadelive/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { orgKeys } from './query-keys';

export function changeMemberRole({ userId, role }: { userId: string; role: MemberRole }) {
  return unwrap(api.org.members[':userId'].$patch({ param: { userId }, json: { role } }));
}

export function useChangeMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMemberRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.members }),
  });
}
