export const platform = {
  organizationsHeading: '入驻组织',
  auditTitle: '平台审计日志',
  organizationName: '组织',
  kind: '类型',
  district: '区县',
  memberCount: '成员数',
  empty: '还没有组织。',
};
