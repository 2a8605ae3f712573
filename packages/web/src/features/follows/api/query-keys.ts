/** A buyer's own follows, reminders and notifications, and a shop's follower count: all start with 'follows'. */
export const followKeys = {
  all: ['follows'] as const,
  shops: ['follows', 'shops'] as const,
  reminders: ['follows', 'reminders'] as const,
  notifications: ['follows', 'notifications'] as const,
  followers: ['follows', 'followers'] as const,
};
