export const roles = {
  owner: '所有者',
  admin: '管理员',
  staff: '员工',
  host: '主播',
  buyer: '买家',
};
