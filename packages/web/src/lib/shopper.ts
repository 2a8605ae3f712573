import type { SessionResponse } from '@jadelive/shared';

/** Who is looking at a public page: a buyer account, an organisation's member, or nobody signed in. */
export type Shopper = 'buyer' | 'member' | 'guest';

/** The shopper a session stands for; undefined while the session is still being asked for. */
export function shopperOf(session: SessionResponse | null | undefined): Shopper | undefined {
  if (session === undefined) return undefined;
  if (session === null) return 'guest';
  return session.user.organization === null ? 'buyer' : 'member';
}
