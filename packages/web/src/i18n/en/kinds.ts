import type { kinds as source } from '../zh-CN/kinds';

export const kinds: typeof source = {
  platform: 'Platform',
  cluster_operator: 'Livestream base operator',
  seller: 'Seller',
  lab: 'Inspection lab',
  regulator: 'Regulator',
};
