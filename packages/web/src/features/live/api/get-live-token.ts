import type { LiveToken, LiveTokenRole } from '@jadelive/shared';
import { api, unwrap } from '../../../lib/api-client';

export type JoinRole = LiveTokenRole | 'guest';

/**
 * A LiveKit token minted by our server for one role (tokens never come from the browser). Not
 * cached: each connection asks for a fresh one, they live ten minutes.
 */
export async function getLiveToken(sessionId: string, role: JoinRole): Promise<LiveToken> {
  if (role === 'guest') {
    return unwrap(api.live.sessions[':id']['guest-token'].$post({ param: { id: sessionId } }));
  }
  return unwrap(api.live.sessions[':id'].token.$post({ param: { id: sessionId }, json: { role } }));
}
