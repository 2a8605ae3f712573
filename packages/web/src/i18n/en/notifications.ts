import type { notifications as source } from '../zh-CN/notifications';

export const notifications: typeof source = {
  title: 'Notifications',
  intro: 'Revoked certificates, suspended listings and other notices about your shop.',
  empty: 'No notifications.',
  unread: 'Unread',
  markRead: 'Mark read',
  kinds: {
    listing_suspended:
      'Listing “{{title}}” was taken off sale: its inspection certificate was revoked ({{reason}}).',
  },
};
