import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

/** A shop as a buyer's lists name it. */
export const shopRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  district: z.string().nullable(),
});
export type ShopRef = z.infer<typeof shopRefSchema>;

/** A shop's session that has not ended: planned (预告) or on air now. */
export const upcomingSessionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['scheduled', 'live']),
  plannedStartAt: isoDateTime,
  coverImageId: z.uuid().nullable(),
});
export type UpcomingSession = z.infer<typeof upcomingSessionSchema>;

/** A shop the buyer follows (关注), with the session it is live in right now, if any. */
export const followedShopSchema = z.object({
  shop: shopRefSchema,
  followedAt: isoDateTime,
  liveSessionId: z.uuid().nullable(),
});
export type FollowedShop = z.infer<typeof followedShopSchema>;

/** The answer to following or unfollowing: where the buyer stands and the shop's count now. */
export const followStateSchema = z.object({
  following: z.boolean(),
  followerCount: z.number().int().nonnegative(),
});
export type FollowState = z.infer<typeof followStateSchema>;

/** A reminder (预约) the buyer booked for a planned live session. */
export const sessionReminderSchema = z.object({
  session: z.object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(['scheduled', 'live', 'ended', 'cancelled']),
    plannedStartAt: isoDateTime,
  }),
  shop: shopRefSchema,
  remindedAt: isoDateTime,
});
export type SessionReminder = z.infer<typeof sessionReminderSchema>;

export const BUYER_NOTIFICATION_KINDS = ['session_live', 'complaint_answered', 'complaint_decided'] as const;

const buyerNotificationBase = {
  id: z.uuid(),
  subjectId: z.uuid(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
};

/**
 * What the platform told a buyer; the console words each kind from its details.
 * `session_live`: a session the buyer booked a reminder for, or of a shop the buyer follows, went live
 * (`reminded` says which). `complaint_answered`: the shop answered the buyer's complaint.
 * `complaint_decided`: the regulator accepted (受理) or rejected (不予受理) it.
 */
export const buyerNotificationSchema = z.discriminatedUnion('kind', [
  z.object({
    ...buyerNotificationBase,
    kind: z.literal('session_live'),
    details: z.object({
      sessionId: z.uuid(),
      title: z.string(),
      shopName: z.string(),
      shopSlug: z.string(),
      reminded: z.boolean(),
    }),
  }),
  z.object({
    ...buyerNotificationBase,
    kind: z.literal('complaint_answered'),
    details: z.object({ complaintId: z.uuid(), title: z.string(), shopName: z.string() }),
  }),
  z.object({
    ...buyerNotificationBase,
    kind: z.literal('complaint_decided'),
    details: z.object({
      complaintId: z.uuid(),
      title: z.string(),
      outcome: z.enum(['accepted', 'rejected']),
      regulatorName: z.string(),
      reason: z.string(),
    }),
  }),
]);
export type BuyerNotification = z.infer<typeof buyerNotificationSchema>;
