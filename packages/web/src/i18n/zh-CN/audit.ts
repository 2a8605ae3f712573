export const audit = {
  time: '时间',
  action: '操作',
  actor: '操作人',
  target: '对象',
  ip: 'IP',
  details: '详情',
  empty: '暂无记录。',
  token: 'API 令牌 {{id}}',
  system: '系统',
  actions: {
    auth: { login: '登录', login_failed: '登录失败', signup: '注册', logout: '退出登录' },
    member: { role_changed: '修改角色' },
    invitation: { created: '发出邀请', revoked: '撤回邀请', accepted: '接受邀请' },
    token: { issued: '签发令牌', revoked: '吊销令牌' },
  },
};
