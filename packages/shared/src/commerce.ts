import { z } from 'zod';
import { orderShippingAddressSchema } from './addresses';
import { orderReturnSchema } from './returns';
import { boundedText as text } from './text';

const isoDateTime = z.iso.datetime({ offset: true });
const fen = z.number().int().positive().max(100_000_000_00);

/** A client-chosen key per purchase attempt; a retried click with the same key buys nothing twice. */
export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

// ---------- orders ----------

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refund_requested',
  'refunded',
  // 七日无理由退货 after delivery: asked → the seller agrees (or stays silent 48 h) or refuses →
  // a refused buyer may go to platform arbitration → the buyer ships it back → the seller
  // confirms receipt (refund) or reports damage (arbitration).
  'return_requested',
  'return_refused',
  'return_arbitration',
  'return_approved',
  'return_shipped',
] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/**
 * The order state machine: which statuses each status may move to. Unpaid orders are cancelled
 * (by the buyer or the payment timeout); a refund is requested before shipping or, as a 7-day
 * no-reason return, after delivery; delivered orders complete when the return window closes.
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['shipped', 'refund_requested'],
  shipped: ['delivered'],
  delivered: ['completed', 'return_requested'],
  completed: [],
  cancelled: [],
  refund_requested: ['refunded'],
  refunded: [],
  return_requested: ['return_approved', 'return_refused'],
  return_refused: ['return_arbitration', 'completed'],
  // The platform decides: for the buyer (ship it back, or the refund when it came back already),
  // or for the seller (the sale stands).
  return_arbitration: ['return_approved', 'refunded', 'completed'],
  return_approved: ['return_shipped'],
  return_shipped: ['refunded', 'return_arbitration'],
};

export function canTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** 7 天无理由退货: days after delivery in which a buyer may return goods without a reason. */
export const RETURN_WINDOW_DAYS = 7;

export const ORDER_ACTORS = ['buyer', 'seller', 'system', 'payment', 'platform'] as const;

export const createOrderBodySchema = z.strictObject({
  listingId: z.uuid(),
  quantity: z.number().int().min(1).max(99),
  idempotencyKey: idempotencyKeySchema,
  /** The live session the buyer bought from, if any (it must be the listing seller's). */
  liveSessionId: z.uuid().optional(),
  /** Where to ship, from the buyer's address book (a snapshot is kept); else chosen before paying. */
  addressId: z.uuid().optional(),
  /** Ask at ordering for 就地检验 (as `POST /orders/{id}/inspection` does later). */
  inspection: z.boolean().optional(),
});
export type CreateOrderBody = z.infer<typeof createOrderBodySchema>;

export const orderListQuerySchema = z.object({
  status: orderStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const shipOrderBodySchema = z.strictObject({
  trackingNumber: text(4, 40).regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only'),
  carrier: text(1, 40),
});

export const refundRequestBodySchema = z.strictObject({ reason: text(1, 200) });

/** Who or what asked for an order's refund; each console words a system's cause from its facts. */
export const ORDER_REFUND_CAUSE_KINDS = ['buyer', 'inspection_mismatch'] as const;
export type OrderRefundCauseKind = (typeof ORDER_REFUND_CAUSE_KINDS)[number];

export const orderRefundCauseSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('buyer').describe('The buyer asked; their words are `refundReason`') }),
    z.object({
      kind: z.literal('inspection_mismatch'),
      identification: z.string().describe('What the on-site inspection found'),
      certificateNumber: z.string(),
      certificateIdentification: z.string().describe('What the certificate says'),
    }),
  ])
  .describe('Why a refund was asked for: a kind and its facts; null when none was');
export type OrderRefundCause = z.infer<typeof orderRefundCauseSchema>;

/**
 * Why an order moved, as a kind each console words in its reader's language (with its facts, if
 * any); an event's `note` is only what a person typed (the buyer's refund reason), shown as given.
 */
export const ORDER_EVENT_CAUSES = [
  'inspection_mismatch',
  'payment_timed_out',
  'return_window_closed',
  'buyer_cancelled',
  'refund_approved',
  'payment_received',
  'shipped',
  'auction_won',
  'flash_sale_grab',
  'receipt_auto_confirmed',
  'return_auto_approved',
  'return_refusal_lapsed',
  'return_received',
  'arbitration_for_buyer',
  'arbitration_for_seller',
] as const;
export type OrderEventCauseKind = (typeof ORDER_EVENT_CAUSES)[number];

const factlessCause = <K extends OrderEventCauseKind>(kind: K, description: string) =>
  z.object({ kind: z.literal(kind).describe(description) });

export const orderEventCauseSchema = z
  .discriminatedUnion('kind', [
    factlessCause('inspection_mismatch', 'The on-site inspection did not match the certificate'),
    factlessCause('payment_timed_out', 'Not paid in time: the system cancelled it'),
    factlessCause('return_window_closed', 'The no-reason return window closed: the system completed it'),
    factlessCause('buyer_cancelled', 'The buyer cancelled the unpaid order'),
    factlessCause('refund_approved', 'The seller approved the refund'),
    factlessCause('payment_received', 'The payment provider confirmed the payment (see `payments`)'),
    factlessCause(
      'shipped',
      "The seller shipped it (the tracking is the order's `trackingNumber`/`carrier`)",
    ),
    z.object({
      kind: z.literal('auction_won').describe("The auction's hammer made this order for its winner"),
      hammerPriceFen: z.number().int().describe('The hammer price, in fen'),
    }),
    factlessCause('flash_sale_grab', 'The buyer grabbed the piece in a flash sale'),
    factlessCause(
      'receipt_auto_confirmed',
      'The buyer did not confirm receipt within RECEIPT_AUTO_CONFIRM_DAYS of shipping: the system did',
    ),
    factlessCause(
      'return_auto_approved',
      'The seller did not answer the return request within 48 hours: the system agreed to it',
    ),
    factlessCause(
      'return_refusal_lapsed',
      'The buyer neither accepted nor took the refused return to arbitration in time: the sale stands',
    ),
    factlessCause('return_received', 'The seller confirmed the returned piece arrived; the money went back'),
    factlessCause('arbitration_for_buyer', "The platform's arbitration decided for the buyer"),
    factlessCause('arbitration_for_seller', "The platform's arbitration decided for the seller"),
  ])
  .describe('Why the order moved: a kind and its facts; null when nothing more than the status and actor');
export type OrderEventCause = z.infer<typeof orderEventCauseSchema>;

export const orderSchema = z.object({
  id: z.uuid(),
  buyerUserId: z.uuid(),
  sellerOrgId: z.uuid(),
  listingId: z.uuid(),
  listingTitle: z.string(),
  liveSessionId: z.uuid().nullable(),
  flashSaleId: z.uuid().nullable(),
  /** Set on the order an auction's hammer made for its winner. */
  auctionId: z.uuid().nullable(),
  quantity: z.number().int(),
  unitPriceFen: z.number().int(),
  totalFen: z.number().int(),
  customMade: z.boolean(),
  status: orderStatusSchema,
  paymentDueAt: isoDateTime,
  trackingNumber: z.string().nullable(),
  carrier: z.string().nullable(),
  /** Where it ships (a snapshot taken when chosen); null until chosen, and for the shop until paid. */
  shippingAddress: orderShippingAddressSchema.nullable(),
  /** The buyer's own words when the buyer asked for the refund, shown as given; null otherwise. */
  refundReason: z.string().nullable(),
  refundCause: orderRefundCauseSchema.nullable(),
  createdAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
  shippedAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  refundRequestedAt: isoDateTime.nullable(),
  refundedAt: isoDateTime.nullable(),
  /** Until when a no-reason return may be asked for; null before delivery or for custom-made goods. */
  returnWindowEndsAt: isoDateTime.nullable(),
});
export type Order = z.infer<typeof orderSchema>;

export const orderEventSchema = z.object({
  fromStatus: orderStatusSchema.nullable(),
  toStatus: orderStatusSchema,
  actor: z.enum(ORDER_ACTORS),
  actorUserId: z.uuid().nullable(),
  cause: orderEventCauseSchema.nullable(),
  note: z.string().nullable(),
  occurredAt: isoDateTime,
});

// ---------- payments ----------

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;

export const paymentSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  provider: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amountFen: z.number().int(),
  /** Where the buyer pays (the gateway's hosted page; the sandbox's completion route). */
  payUrl: z.string().nullable(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  refundedAt: isoDateTime.nullable(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const orderDetailSchema = z.object({
  order: orderSchema,
  events: z.array(orderEventSchema),
  payments: z.array(paymentSchema),
  /** The no-reason return's words, photos and deadlines; null when none was asked for. */
  return: orderReturnSchema.nullable(),
});

export const sandboxCompleteBodySchema = z.strictObject({ outcome: z.enum(['success', 'fail']) });

export const paymentNotificationResultSchema = z.object({
  ok: z.literal(true),
  outcome: z.enum(['applied', 'duplicate', 'ignored']),
});

// ---------- flash sales (秒杀) ----------

export const FLASH_SALE_MAX_SECONDS = 3600;

export const createFlashSaleBodySchema = z.strictObject({
  quantity: z.number().int().min(1).max(10_000),
  priceFen: fen,
  /** Defaults to now; at most a day ahead. */
  startsAt: isoDateTime.optional(),
  durationSeconds: z.number().int().min(10).max(FLASH_SALE_MAX_SECONDS),
  perBuyerLimit: z.number().int().min(1).max(10),
});
export type CreateFlashSaleBody = z.infer<typeof createFlashSaleBodySchema>;

export const FLASH_SALE_STATES = ['scheduled', 'running', 'sold_out', 'ended'] as const;

export const flashSaleSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  listingId: z.uuid(),
  quantity: z.number().int(),
  remaining: z.number().int(),
  priceFen: z.number().int(),
  perBuyerLimit: z.number().int(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  soldOutAt: isoDateTime.nullable(),
  state: z.enum(FLASH_SALE_STATES),
  /** For countdowns: the server's clock when this was read. */
  serverTime: isoDateTime,
});
export type FlashSale = z.infer<typeof flashSaleSchema>;

export const grabBodySchema = z.strictObject({ idempotencyKey: idempotencyKeySchema });

/** The studio's counters of one sale: orders it made (cancelled ones too) and how many are paid. */
export const flashSaleCountsSchema = z.object({
  orders: z.number().int(),
  paid: z.number().int(),
  cancelled: z.number().int(),
});
export type FlashSaleCounts = z.infer<typeof flashSaleCountsSchema>;
