export const kinds = {
  platform: '平台运营',
  cluster_operator: '直播基地运营方',
  seller: '商家',
  lab: '检测机构',
  regulator: '监管部门',
};
