import type { fields as source } from '../zh-CN/fields';

export const fields: typeof source = {
  email: 'Email',
  password: 'Password',
  displayName: 'Display name',
  name: 'Name',
  role: 'Role',
  permissions: 'Permissions',
  expiresInDays: 'Expires',
};
