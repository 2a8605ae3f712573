export const notifications = {
  title: '平台通知',
  intro: '证书撤销、商品暂停销售等与本店有关的消息。',
  empty: '没有通知。',
  unread: '未读',
  markRead: '标为已读',
  kinds: {
    listing_suspended: '商品「{{title}}」已下架：所绑定的检测证书已被撤销（{{reason}}）。',
  },
};
