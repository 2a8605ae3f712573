import type { platform as source } from '../zh-CN/platform';

export const platform: typeof source = {
  organizationsHeading: 'Organisations',
  auditTitle: 'Platform audit trail',
  organizationName: 'Organisation',
  kind: 'Kind',
  district: 'District',
  memberCount: 'Members',
  empty: 'No organisations yet.',
};
