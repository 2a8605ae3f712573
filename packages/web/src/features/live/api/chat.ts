import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { liveKeys } from './query-keys';

/** Recent messages for a late joiner, oldest first (the API answers newest first). */
export async function getChatHistory(sessionId: string) {
  const { messages } = await unwrap(
    api.live.sessions[':id'].chat.$get({ param: { id: sessionId }, query: { limit: '50' } }),
  );
  return messages.filter((message) => message.deletedAt === null).reverse();
}

export const chatHistoryQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: liveKeys.chat(sessionId),
    queryFn: () => getChatHistory(sessionId),
    staleTime: Infinity,
  });

export function useChatHistory(sessionId: string) {
  return useQuery(chatHistoryQueryOptions(sessionId));
}

export function postChatMessage(sessionId: string, text: string) {
  return unwrap(api.live.sessions[':id'].chat.$post({ param: { id: sessionId }, json: { text } }));
}

/** Sends through the API (never straight into the room): the compliance hook sees every message first. */
export function usePostChatMessage(sessionId: string) {
  return useMutation({ mutationFn: (text: string) => postChatMessage(sessionId, text) });
}
