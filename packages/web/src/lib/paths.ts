import type { Home } from '@jadelive/shared';

/** Every console URL in one place, so features link to each other without importing each other. */
export const paths = {
  root: '/',
  login: '/login',
  signup: '/signup',
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  home: (home: Home) => `/${home}`,
  platformAudit: '/platform/audit',
  settings: {
    root: '/settings',
    members: '/settings/members',
    invitations: '/settings/invitations',
    tokens: '/settings/tokens',
    audit: '/settings/audit',
  },
} as const;

/** Only follow `?next=` values that stay inside the console (no `//evil.example`). */
export function safeNextPath(next: string | null): string | null {
  const inside = next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  return inside ? next : null;
}
