import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

export type LifecycleAction = 'start' | 'end' | 'cancel';

export function changeSessionStatus(sessionId: string, action: LifecycleAction) {
  const param = { param: { id: sessionId } };
  const session = api.live.sessions[':id'];
  if (action === 'start') return unwrap(session.start.$post(param));
  if (action === 'end') return unwrap(session.end.$post(param));
  return unwrap(session.cancel.$post(param));
}

/** Go live, end or call off: the session and every list that shows it are refreshed. */
export function useChangeSessionStatus(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: LifecycleAction) => changeSessionStatus(sessionId, action),
    onSuccess: (session) => {
      queryClient.setQueryData(liveKeys.session(sessionId), (current: object | undefined) =>
        current ? { ...current, ...session } : current,
      );
      return queryClient.invalidateQueries({ queryKey: liveKeys.all });
    },
  });
}
