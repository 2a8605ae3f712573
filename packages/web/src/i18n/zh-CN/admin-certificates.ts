export const adminCertificates = {
  title: '待核实证书',
  intro: '商家登记的、由平台外检测机构出具的证书。向检测机构核实后确认，不符的撤销并写明原因。',
  empty: '没有待核实的证书。',
  confirm: '确认',
  revoke: '撤销',
  reason: '撤销原因',
  reasonPlaceholder: '例如：检测机构查无此证书',
  submitRevoke: '确认撤销',
  cancel: '取消',
};
