import type { roles as source } from '../zh-CN/roles';

export const roles: typeof source = {
  owner: 'Owner',
  admin: 'Admin',
  staff: 'Staff',
  host: 'Host',
  buyer: 'Buyer',
};
