import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { replaceSession } from './get-session';

export function logout() {
  return unwrap(api.auth.logout.$post());
}

/**
 * Only a confirmed sign-out clears the local session: on a shared computer, pretending to be signed
 * out while the cookie still works would be worse than showing the error.
 */
export function useLogout() {
  return useMutation({ mutationFn: logout, onSuccess: () => replaceSession(null) });
}
