import type { SessionResponse, User } from '@jadelive/shared';
import { useSession } from '../api/get-session';

/**
 * The session inside `RequireSession`, where it is known to exist. Throwing when it is missing
 * turns a component mounted outside the guard into a loud bug instead of a blank page.
 */
export function useSignedInSession(): SessionResponse {
  const { data } = useSession();
  if (!data) throw new Error('useSignedInSession must be used below <RequireSession>');
  return data;
}

export function useSignedInUser(): User {
  return useSignedInSession().user;
}

export function isManager(user: Pick<User, 'role' | 'organization'>): boolean {
  return user.organization !== null && (user.role === 'owner' || user.role === 'admin');
}
