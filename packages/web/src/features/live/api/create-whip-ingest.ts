import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** A WHIP URL and a fresh bearer token for OBS (each call issues a new one; nothing is cached). */
export function useCreateWhipIngest(sessionId: string) {
  return useMutation({
    mutationFn: () => unwrap(api.live.sessions[':id'].ingest.whip.$post({ param: { id: sessionId } })),
  });
}
