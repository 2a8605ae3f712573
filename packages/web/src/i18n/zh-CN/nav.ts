export const nav = {
  main: '主导航',
  home: '工作台',
  buyerHome: '首页',
  liveStudio: '直播工作台',
  settings: '组织设置',
  myOrders: '我的订单',
  sellerOrders: '订单管理',
  platformAudit: '平台审计',
  openMenu: '打开菜单',
  closeMenu: '关闭菜单',
  signOut: '退出登录',
  signingOut: '正在退出…',
};
