import { z } from 'zod';
import { ORDER_TRANSITIONS, type OrderStatus } from './commerce';
import { complianceCategorySchema } from './compliance/index';
import { speakerKindSchema } from './compliance-records';

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * How settled a figure is: `live` while the session is on air; `pending` after its end while an
 * order of it can still be paid, refunded or returned; `final` once nothing can change it.
 */
export const FIGURE_STATUSES = ['live', 'pending', 'final'] as const;
export const figureStatusSchema = z.enum(FIGURE_STATUSES);
export type FigureStatus = z.infer<typeof figureStatusSchema>;

/**
 * Whether an order can no longer change what a session sold: completed (the return window closed),
 * refunded, or cancelled unpaid. Read from the order state machine: a status with no way out.
 */
export function isSettledOrderStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

/** One figure and how settled it is; `value` is null when it is not known (no views, no orders). */
export const sessionFigureSchema = z.object({
  value: z.number().nullable(),
  status: figureStatusSchema,
});
export type SessionFigure = z.infer<typeof sessionFigureSchema>;

/** The seller's median of a figure over its last ended sessions; null when there are none. */
const median = z.number().nullable();

/**
 * What one session sold and drew, for those who may see a seller's sales. Money in fen.
 * An order belongs to the session it was bought in (buy-now from the room, flash sale, auction).
 * Paid orders are those ever paid (`paidAt` set: paid, shipped, delivered, completed, refund and
 * return steps, refunded), whenever the payment came, even after the end; cancelled orders never
 * were (money that arrives for one is returned at once). GMV = paid − refunded, where refunded is
 * every order in status `refunded` (a refund before shipping or a completed return).
 */
export const sessionStatisticsSchema = z.object({
  sessionId: z.uuid(),
  sellerOrgId: z.uuid(),
  sessionStatus: z.enum(['live', 'ended']),
  endedAt: isoDateTime.nullable(),
  figures: z.object({
    /** Paid orders, refunded ones included. */
    orders: sessionFigureSchema,
    refundedOrders: sessionFigureSchema,
    /** Distinct buyers of paid orders. */
    buyers: sessionFigureSchema,
    /** Buyers whose first paid order with this seller is of this session. */
    firstTimeBuyers: sessionFigureSchema,
    paidFen: sessionFigureSchema,
    refundedFen: sessionFigureSchema,
    gmvFen: sessionFigureSchema,
    /** GMV over the orders that stand (paid, not refunded), rounded to the fen. */
    averageOrderValueFen: sessionFigureSchema,
    peakViewers: sessionFigureSchema,
    uniqueViewers: sessionFigureSchema,
    /** Entries into the room (each join of a counted viewer). */
    views: sessionFigureSchema,
    /** GMV per 1,000 views, rounded to the fen; null without views. */
    gpmFen: sessionFigureSchema,
    giveawayEntries: sessionFigureSchema,
    flags: sessionFigureSchema,
    /** Flags of words spoken for the seller (a viewer's chat line does not count against it). */
    flagsAgainstSeller: sessionFigureSchema,
  }),
  flagsByCategory: z.array(
    z.object({
      category: complianceCategorySchema,
      count: z.number().int(),
      againstSeller: z.number().int(),
    }),
  ),
  flagsBySpeaker: z.array(
    z.object({ speakerKind: speakerKindSchema, count: z.number().int(), againstSeller: z.boolean() }),
  ),
  /** The seller's median over its last (up to) 30 sessions that ended before this one. */
  comparison: z.object({
    sessions: z.number().int(),
    gmvFen: median,
    orders: median,
    uniqueViewers: median,
  }),
});
export type SessionStatistics = z.infer<typeof sessionStatisticsSchema>;
export type SessionFigureName = keyof SessionStatistics['figures'];

/** How many of the seller's previous sessions a session is compared with. */
export const COMPARISON_SESSIONS = 30;
