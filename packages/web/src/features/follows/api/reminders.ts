import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { followKeys } from './query-keys';

export async function getReminders() {
  return (await unwrap(api.reminders.$get())).reminders;
}

export const remindersQueryOptions = () =>
  queryOptions({ queryKey: followKeys.reminders, queryFn: getReminders });

/** The signed-in buyer's reminders (预约); `enabled: false` for anyone else. */
export function useReminders(enabled = true) {
  return useQuery({ ...remindersQueryOptions(), enabled });
}

export function setReminder(sessionId: string, reminded: boolean) {
  const reminder = api.reminders[':sessionId'];
  return unwrap(
    reminded ? reminder.$put({ param: { sessionId } }) : reminder.$delete({ param: { sessionId } }),
  );
}

/** Books or cancels a reminder for a planned session (both idempotent). */
export function useSetReminder(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reminded: boolean) => setReminder(sessionId, reminded),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followKeys.reminders }),
  });
}
