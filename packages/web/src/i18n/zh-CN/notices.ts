export const notices = {
  title: '监管文书',
  intro: '市场监管部门发给本店的责令改正通知书、行政处罚告知书和决定书。请及时阅读并按期回复。',
  operatorTitle: '入驻商家的监管文书',
  operatorIntro: '监管部门发给本基地入驻商家的文书，供基地督促整改（只读）。',
  empty: '没有监管文书。',
  kinds: {
    rectification: '责令改正通知书',
    penalty_notice: '行政处罚告知书',
    decision: '行政处罚决定书',
  },
  statuses: {
    issued: '待回复',
    responded: '已回复，待审查',
    accepted: '整改通过',
    rejected: '退回重改',
  },
  columns: {
    number: '文书编号',
    kind: '文书',
    party: '当事人',
    issuer: '发文机关',
    issuedAt: '发文时间',
    dueOn: '改正期限',
    status: '状态',
    read: '阅读回执',
  },
  unread: '未读',
  readReceipt: '{{name}} 于 {{time}} 已阅',
  dueLeft: '{{dueOn}} 前（剩余 {{days}} 天）',
  dueToday: '{{dueOn}}（今天到期）',
  duePassed: '{{dueOn}}（已逾期）',
  back: '返回监管文书',
  open: '查看',
  respond: {
    heading: '回复',
    rectificationIntro: '说明已改正的内容，可关联修改后的商品并附上照片。',
    defenceIntro: '你可以在收到告知书之日起五个工作日内陈述、申辩，符合条件的可以要求听证。',
    statement: '回复内容',
    listing: '修改后的商品（可不选）',
    noListing: '不关联商品',
    photos: '照片',
    hearing: '要求听证',
    submit: '提交回复',
    submitting: '正在提交…',
    sent: '回复已提交，等待执法人员审查。',
    closed: '本文书当前无需回复。',
  },
  responses: {
    heading: '回复记录',
    by: '{{name}} · {{time}}',
    listing: '关联商品：{{title}}',
    hearing: '要求听证',
    review: '审查意见：{{reason}}',
  },
  print: {
    button: '打印文书',
    party: '{{name}}：',
    rectification: {
      facts: '经查，你（单位）{{facts}}。',
      basis:
        '上述行为违反了{{violated}}的规定。依据{{orderBasis}}的规定，现责令你（单位）于{{dueDate}}前改正上述违法行为。',
      items: '改正内容及要求：',
      remedies:
        '如不服本通知，可以在收到本通知书之日起六十日内向{{government}}申请行政复议；也可以在六个月内依法向{{court}}提起行政诉讼。',
    },
    penalty_notice: {
      facts: '经查，你（单位）{{facts}}。',
      basis:
        '上述行为违反了{{violated}}的规定。依据{{orderBasis}}的规定，本局拟对你（单位）作出如下行政处罚：',
      remedies:
        '根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，你（单位）可以在收到本告知书之日起五个工作日内提出陈述、申辩；符合听证条件的，可以要求听证。逾期视为放弃上述权利。',
    },
    decision: {
      facts: '经查，你（单位）{{facts}}。',
      basis: '上述行为违反了{{violated}}的规定。依据{{orderBasis}}的规定，本局决定：',
      remedies:
        '如不服本处罚决定，可以在收到本决定书之日起六十日内向{{government}}申请行政复议；也可以在六个月内依法向{{court}}提起行政诉讼。',
    },
    fine: '罚款人民币 {{amount}}。',
    seal: '（印章）',
    defaultOrderBasis: '《中华人民共和国行政处罚法》第二十八条',
  },
};
