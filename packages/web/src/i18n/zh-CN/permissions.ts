export const permissions = {
  'org:read': '读取组织信息',
  'listings:read': '读取商品',
  'listings:write': '管理商品',
  'certificates:read': '读取证书',
  'certificates:write': '录入证书',
  'live:read': '读取直播数据',
  'live:captions': '推送直播字幕',
  'compliance:read': '读取合规提示',
};
