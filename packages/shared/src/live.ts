import { z } from 'zod';
import { AUCTION_OUTCOMES, auctionUpdatedMessageSchema } from './auctions';
import { orderStatusSchema } from './commerce';
import { giveawayUpdatedMessageSchema } from './giveaways';

const isoDateTime = z.iso.datetime({ offset: true });

export const LIVE_SESSION_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export const liveSessionStatusSchema = z.enum(LIVE_SESSION_STATUSES);
export type LiveSessionStatus = z.infer<typeof liveSessionStatusSchema>;

/** Who a LiveKit token is for; each gets the least it needs (see the server's `grants.ts`). */
export const LIVE_TOKEN_ROLES = ['host', 'cohost', 'viewer', 'monitor', 'observer'] as const;
export const liveTokenRoleSchema = z.enum(LIVE_TOKEN_ROLES);
export type LiveTokenRole = z.infer<typeof liveTokenRoleSchema>;

export const MAX_CHAT_LENGTH = 200;
export const MAX_SLOW_MODE_SECONDS = 300;
export const MAX_LINEUP = 50;

export const liveStatusSchema = z.object({
  available: z.boolean(),
  /** WebSocket URL of the LiveKit server, when available. */
  url: z.string().optional(),
});
export type LiveStatus = z.infer<typeof liveStatusSchema>;

export const lineupBodySchema = z.strictObject({
  listingIds: z.array(z.uuid()).max(MAX_LINEUP),
});

export const createLiveSessionBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  coverImageId: z.uuid().optional(),
  /** Members of the seller with role host, owner or admin; they get host tokens. */
  hostUserIds: z.array(z.uuid()).min(1).max(5),
  plannedStartAt: isoDateTime,
  studioBookingId: z.uuid().optional(),
  /** Published listings of the seller, in the order they will be shown. */
  listingIds: z.array(z.uuid()).max(MAX_LINEUP).default([]),
});
export type CreateLiveSessionBody = z.infer<typeof createLiveSessionBodySchema>;

export const certificateBadgeSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(['unverified', 'verified', 'revoked']),
});

/** The 讲解卡: what every viewer sees about the pinned listing. */
export const pinnedCardSchema = z.object({
  listingId: z.uuid(),
  title: z.string(),
  priceFen: z.number().int(),
  comparisonPriceFen: z.number().int().nullable(),
  imageId: z.uuid().nullable(),
  stock: z.number().int(),
  listingStatus: z.string(),
  certificate: certificateBadgeSchema.nullable(),
});
export type PinnedCard = z.infer<typeof pinnedCardSchema>;

export const lineupItemSchema = pinnedCardSchema.extend({ position: z.number().int() });

export const liveSessionSchema = z.object({
  id: z.uuid(),
  sellerOrgId: z.uuid(),
  sellerName: z.string(),
  title: z.string(),
  coverImageId: z.uuid().nullable(),
  status: liveSessionStatusSchema,
  roomName: z.string(),
  plannedStartAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  studioBookingId: z.uuid().nullable(),
  hostUserIds: z.array(z.uuid()),
  slowModeSeconds: z.number().int(),
  currentViewers: z.number().int(),
  peakViewers: z.number().int(),
  /**
   * While live: since when no host or co-host is in the room (主播暂时离开), else null. The public
   * list drops the session once they have been away `HOST_AWAY_GRACE_SECONDS`.
   */
  hostAwaySince: isoDateTime.nullable(),
  /** Present on `GET /sessions/{id}` so late joiners see the current card at once. */
  pinned: pinnedCardSchema.nullable().optional(),
  lineup: z.array(lineupItemSchema).optional(),
});
export type LiveSession = z.infer<typeof liveSessionSchema>;

/**
 * How long the public list keeps a live session whose hosts all left the room (their browser died,
 * the network dropped): LiveKit reports the departure within seconds, reconciliation within
 * `RECONCILE_EVERY_MS`, so the session leaves the list within a minute of the host.
 */
export const HOST_AWAY_GRACE_SECONDS = 30;

export const liveSessionListQuerySchema = z.object({
  /** public: live and upcoming sessions; mine: the seller's own, an operator's monitor wall, a regulator's jurisdiction. */
  view: z.enum(['public', 'mine']).default('public'),
  status: liveSessionStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const liveTokenBodySchema = z.strictObject({ role: liveTokenRoleSchema });

export const liveTokenSchema = z.object({
  token: z.string(),
  url: z.string(),
  identity: z.string(),
  roomName: z.string(),
  role: z.union([liveTokenRoleSchema, z.literal('guest')]),
  expiresAt: isoDateTime,
});
export type LiveToken = z.infer<typeof liveTokenSchema>;

/**
 * OBS (or any WHIP client) publishing into a session's room as its host: livekit-server's own
 * WHIP endpoint and a bearer token valid for `WHIP_TOKEN_TTL_SECONDS` to start the stream.
 */
export const whipIngestSchema = z.object({
  whipUrl: z.string(),
  token: z.string(),
  identity: z.string(),
  roomName: z.string(),
  expiresAt: isoDateTime,
});
export type WhipIngest = z.infer<typeof whipIngestSchema>;

/** Long enough to paste into OBS and start; a running stream is not cut when it expires. */
export const WHIP_TOKEN_TTL_SECONDS = 30 * 60;

export const cohostBodySchema = z.strictObject({ userId: z.uuid() });

export const chatMessageSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  text: z.string(),
  createdAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const postChatBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(MAX_CHAT_LENGTH),
});

export const postedChatSchema = z.object({
  message: chatMessageSchema,
  /** False when LiveKit could not be reached: the message is stored but nobody saw it live. */
  delivered: z.boolean(),
});

export const chatHistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: isoDateTime.optional(),
});

export const muteBodySchema = z.strictObject({
  userId: z.uuid(),
  /** Left out: muted until the session ends. */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
});

export const removeParticipantBodySchema = z.strictObject({
  /** A LiveKit identity of a viewer (`viewer:<userId>`) or an anonymous guest (`guest:<id>`). */
  identity: z.string().regex(/^(viewer|guest):[A-Za-z0-9_-]{1,64}$/),
});

export const slowModeBodySchema = z.strictObject({
  seconds: z.number().int().min(0).max(MAX_SLOW_MODE_SECONDS),
});

export const pinBodySchema = z.strictObject({ listingId: z.uuid() });

export const liveSummarySchema = z.object({
  sessionId: z.uuid(),
  status: liveSessionStatusSchema,
  startedAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  liveMinutes: z.number(),
  currentViewers: z.number().int(),
  peakViewers: z.number().int(),
  /** Time-weighted mean of concurrent viewers over the live period. */
  averageViewers: z.number(),
  uniqueViewers: z.number().int(),
  chatMessages: z.number().int(),
  pins: z.number().int(),
});
export type LiveSummary = z.infer<typeof liveSummarySchema>;

/** The public summary of an ended session: who ran it, when, and what was sold and won there. */
export const liveRecapSchema = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  coverImageId: z.uuid().nullable(),
  sellerOrgId: z.uuid(),
  sellerName: z.string(),
  /** The shop's public page (`/shops/{slug}`). */
  shopSlug: z.string(),
  hosts: z.array(z.object({ displayName: z.string() })),
  plannedStartAt: isoDateTime,
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  /** The lineup, each with what it sold at the listed price during the session (buy-now orders). */
  listings: z.array(
    z.object({
      listingId: z.uuid(),
      title: z.string(),
      imageId: z.uuid().nullable(),
      priceFen: z.number().int(),
      soldCount: z.number().int(),
      /** The unit price of the session's last buy-now order of it; null when none was sold. */
      dealPriceFen: z.number().int().nullable(),
    }),
  ),
  flashSales: z.array(
    z.object({
      id: z.uuid(),
      listingId: z.uuid(),
      listingTitle: z.string(),
      priceFen: z.number().int(),
      quantity: z.number().int(),
      /** Pieces in the sale's orders that were not cancelled. */
      soldCount: z.number().int(),
    }),
  ),
  auctions: z.array(
    z.object({
      id: z.uuid(),
      listingId: z.uuid(),
      listingTitle: z.string(),
      outcome: z.enum(AUCTION_OUTCOMES).nullable(),
      hammerPriceFen: z.number().int().nullable(),
      bidCount: z.number().int(),
      /** Masked (`王**·3fa1`), as in the room. */
      winnerAlias: z.string().nullable(),
    }),
  ),
  /** The signed-in caller's own orders from the session (the winner's order to pay among them). */
  myOrders: z.array(
    z.object({
      orderId: z.uuid(),
      listingTitle: z.string(),
      kind: z.enum(['buy_now', 'flash_sale', 'auction']),
      status: orderStatusSchema,
      totalFen: z.number().int(),
      paymentDueAt: isoDateTime,
    }),
  ),
});
export type LiveRecap = z.infer<typeof liveRecapSchema>;

/**
 * What the server sends into a room through LiveKit (`sendData`, reliable). Clients listen for
 * `RoomEvent.DataReceived` and switch on the topic, then on `type`. Nobody but the server can
 * publish data: every token has `canPublishData: false`.
 */
export const LIVE_TOPICS = { chat: 'jl.chat', room: 'jl.room' } as const;

export const liveDataMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat.message'), message: chatMessageSchema }),
  z.object({ type: z.literal('chat.deleted'), messageId: z.uuid() }),
  z.object({ type: z.literal('pin.changed'), card: pinnedCardSchema.nullable(), at: z.string() }),
  z.object({
    type: z.literal('listing.updated'),
    listingId: z.uuid(),
    priceFen: z.number().int(),
    comparisonPriceFen: z.number().int().nullable(),
    stock: z.number().int(),
    listingStatus: z.string(),
  }),
  z.object({ type: z.literal('slow_mode.changed'), seconds: z.number().int() }),
  z.object({ type: z.literal('session.ending'), sessionId: z.uuid() }),
  z.object({
    type: z.literal('flash_sale.updated'),
    flashSaleId: z.uuid(),
    listingId: z.uuid(),
    priceFen: z.number().int(),
    quantity: z.number().int(),
    remaining: z.number().int(),
    state: z.enum(['scheduled', 'running', 'sold_out', 'ended']),
    startsAt: z.string(),
    endsAt: z.string(),
    /** The server's clock, so countdowns do not depend on the viewer's. */
    serverTime: z.string(),
  }),
  auctionUpdatedMessageSchema,
  giveawayUpdatedMessageSchema,
]);
export type LiveDataMessage = z.infer<typeof liveDataMessageSchema>;
