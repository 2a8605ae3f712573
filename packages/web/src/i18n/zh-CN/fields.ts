export const fields = {
  email: '邮箱',
  password: '密码',
  displayName: '昵称',
  name: '名称',
  role: '角色',
  permissions: '权限',
  expiresInDays: '有效期',
};
