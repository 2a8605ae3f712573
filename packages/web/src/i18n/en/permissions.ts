import type { permissions as source } from '../zh-CN/permissions';

export const permissions: typeof source = {
  'org:read': 'Read organisation',
  'listings:read': 'Read listings',
  'listings:write': 'Manage listings',
  'certificates:read': 'Read certificates',
  'certificates:write': 'Record certificates',
  'live:read': 'Read live data',
  'live:captions': 'Push live captions',
  'compliance:read': 'Read compliance flags',
};
