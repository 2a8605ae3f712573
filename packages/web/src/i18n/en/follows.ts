import type { follows as source } from '../zh-CN/follows';

export const follows: typeof source = {
  follow: 'Follow',
  unfollow: 'Unfollow',
  signInToFollow: 'Sign in to follow',
  followerCount: '{{count}} followers',
  remind: 'Remind me',
  reminded: 'Reminder set',
  cancelReminder: 'Cancel reminder',
  signInToRemind: 'Sign in to set a reminder',
  watch: 'Watch live',
  home: {
    followedHeading: 'Shops you follow',
    noFollowed: 'You follow no shop yet. Press “Follow” on a shop page to be told when it goes live.',
    liveNow: 'Live now',
    remindersHeading: 'Your reminders',
    noReminders:
      'No reminders yet. Press “Remind me” on a planned session of a shop to be told when it starts.',
    reminderAt: '{{shop}} · {{time}}',
    notificationsHeading: 'Messages',
    noNotifications: 'No messages yet.',
    markRead: 'Mark read',
  },
  notifications: {
    session_live: '{{shop}} is live: {{title}}',
    remindedHint: 'You set a reminder for this session',
    followedHint: 'You follow this shop',
    complaint_answered: '{{shop}} answered your complaint about 「{{title}}」',
    complaint_decided_accepted: '{{regulator}} accepted your complaint about 「{{title}}」',
    complaint_decided_rejected: '{{regulator}} did not accept your complaint about 「{{title}}」: {{reason}}',
    complaintHint: 'Complaint',
  },
  sessionStatus: {
    scheduled: 'Not started',
    live: 'Live',
    ended: 'Ended',
    cancelled: 'Cancelled',
  },
  seller: {
    followers: 'Buyers following your shop: {{count}}',
  },
};
