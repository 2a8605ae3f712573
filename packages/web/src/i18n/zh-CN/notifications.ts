export const notifications = {
  title: '平台通知',
  intro: '证书撤销、商品暂停销售等与本店有关的消息。',
  empty: '没有通知。',
  unread: '未读',
  markRead: '标为已读',
  decisionNote: '，理由：{{note}}',
  statuses: {
    admitted: '已准入',
    rejected: '未通过',
    suspended: '已暂停',
    removed: '已移出',
    approved: '已批准',
    cancelled: '已取消',
    accepted: '已通过',
  },
  kinds: {
    complaint_filed:
      '买家就「{{title}}」投诉（{{categoryText}}），请在 {{answerByText}} 前到「投诉处理」答复。',
    complaint_settled: '买家接受了你对「{{title}}」投诉的答复，投诉已和解。',
    complaint_escalated: '买家已将对「{{title}}」的投诉提交给{{regulatorName}}。',
    complaint_accepted: '{{regulatorName}}已受理买家对「{{title}}」的投诉。',
    complaint_rejected: '{{regulatorName}}对买家就「{{title}}」的投诉不予受理。',
    base_membership_decided: '直播基地「{{baseName}}」的入驻决定：{{statusText}}{{noteText}}。',
    studio_booking_decided:
      '直播基地「{{baseName}}」{{studioName}} 在 {{startsAtText}} 的预约：{{statusText}}{{noteText}}。',
    listing_suspended: '商品「{{title}}」已下架：所绑定的检测证书已被撤销（{{reason}}）。',
    listing_suspended_inspection:
      '商品「{{title}}」已下架：就地检验结果（{{identification}}）与证书 {{certificateNumber}}（{{certificateIdentification}}）不符。',
    inspection_requested:
      '「{{title}}」申请就地检验，对照证书 {{certificateNumber}}（{{identification}}）；检验结果出来前不能发货。',
    inspection_matched: '「{{title}}」就地检验结果与证书相符（{{identification}}），可以发货。',
    inspection_mismatched:
      '「{{title}}」就地检验结果（{{identification}}）与证书（{{certificateIdentification}}）不符：订单已自动取消并退款，商品已下架，已报送监管。',
    case_document: '{{regulator}} 发来监管文书 {{number}}，请在「监管文书」中阅读并回复。',
    case_document_review: '监管文书 {{number}} 的整改回复：{{statusText}}{{noteText}}。',
  },
};
