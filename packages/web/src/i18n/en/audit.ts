import type { audit as source } from '../zh-CN/audit';

export const audit: typeof source = {
  time: 'Time',
  action: 'Action',
  actor: 'Actor',
  target: 'Target',
  ip: 'IP',
  details: 'Details',
  empty: 'Nothing recorded yet.',
  token: 'API token {{id}}',
  system: 'System',
  actions: {
    auth: { login: 'Signed in', login_failed: 'Sign-in failed', signup: 'Signed up', logout: 'Signed out' },
    member: { role_changed: 'Role changed' },
    invitation: {
      created: 'Invitation sent',
      revoked: 'Invitation withdrawn',
      accepted: 'Invitation accepted',
    },
    token: { issued: 'Token issued', revoked: 'Token revoked' },
  },
};
