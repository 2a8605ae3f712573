import { z } from 'zod';
import { idempotencyKeySchema } from './commerce';

const isoDateTime = z.iso.datetime({ offset: true });
const fen = z.number().int().positive().max(100_000_000_00);

// ---------- auctions (拍卖) ----------

export const AUCTION_MIN_SECONDS = 30;
export const AUCTION_MAX_SECONDS = 3600;
export const ANTI_SNIPE_MAX_SECONDS = 120;

/** One rung of the bid ladder: from this price on, each bid adds at least `stepFen`. */
export const bidStepSchema = z.strictObject({
  fromFen: z.number().int().min(0).max(100_000_000_00),
  stepFen: fen,
});
export type BidStep = z.infer<typeof bidStepSchema>;

/**
 * The default ladder (加价幅度): below ¥1,000 bids rise by ¥50, below ¥10,000 by ¥200, below
 * ¥100,000 by ¥1,000, and from ¥100,000 on by ¥5,000 — about 1–5 % of the price at every level,
 * so a bid always means something without pricing small buyers out.
 */
export const DEFAULT_BID_LADDER: readonly BidStep[] = [
  { fromFen: 0, stepFen: 50_00 },
  { fromFen: 1_000_00, stepFen: 200_00 },
  { fromFen: 10_000_00, stepFen: 1_000_00 },
  { fromFen: 100_000_00, stepFen: 5_000_00 },
];

/** Rungs sorted by strictly rising `fromFen`, the first at 0, so every price has exactly one step. */
export const bidLadderSchema = z
  .array(bidStepSchema)
  .min(1)
  .max(20)
  .superRefine((ladder, ctx) => {
    if (ladder[0]?.fromFen !== 0) ctx.addIssue({ code: 'custom', message: 'the first rung must start at 0' });
    for (let i = 1; i < ladder.length; i++) {
      if ((ladder[i]?.fromFen ?? 0) <= (ladder[i - 1]?.fromFen ?? 0)) {
        ctx.addIssue({ code: 'custom', message: 'rungs must be sorted by rising fromFen', path: [i] });
      }
    }
  });

/** The step that applies at `priceFen`: the last rung starting at or below it. */
export function bidStepFen(priceFen: number, ladder: readonly BidStep[]): number {
  let step = ladder[0]?.stepFen ?? 1;
  for (const rung of ladder) {
    if (rung.fromFen > priceFen) break;
    step = rung.stepFen;
  }
  return step;
}

/**
 * The least amount the next bid may be: the start price while nobody has bid, afterwards the
 * current price plus the ladder's step at the current price. Server and browser use this same
 * function, so the bid button never offers an amount the server refuses.
 */
export function minimumNextBidFen(
  currentFen: number | null,
  startFen: number,
  ladder: readonly BidStep[],
): number {
  if (currentFen === null) return startFen;
  return currentFen + bidStepFen(currentFen, ladder);
}

export const createAuctionBodySchema = z
  .strictObject({
    startPriceFen: fen,
    /** Defaults to DEFAULT_BID_LADDER. */
    ladder: bidLadderSchema.optional(),
    /** 保留价: hidden from everyone but the seller; below it nobody wins. */
    reservePriceFen: fen.optional(),
    durationSeconds: z.number().int().min(AUCTION_MIN_SECONDS).max(AUCTION_MAX_SECONDS),
    /** A bid this close to the end moves the end (防狙击); 0 turns it off. */
    antiSnipeSeconds: z.number().int().min(0).max(ANTI_SNIPE_MAX_SECONDS).default(30),
    /** After such a bid at least this much time is left: ends_at = max(ends_at, bid time + this). */
    antiSnipeExtensionSeconds: z.number().int().min(5).max(ANTI_SNIPE_MAX_SECONDS).default(30),
    /** 保证金: a buyer pays this before their first bid; refunded unless they win and do not pay. */
    depositFen: fen.optional(),
    /** Defaults to now; at most a day ahead. */
    startsAt: isoDateTime.optional(),
  })
  .refine((body) => body.reservePriceFen === undefined || body.reservePriceFen >= body.startPriceFen, {
    message: 'the reserve price cannot be below the start price',
    path: ['reservePriceFen'],
  });
export type CreateAuctionBody = z.infer<typeof createAuctionBodySchema>;

export const placeBidBodySchema = z
  .strictObject({
    amountFen: fen,
    /** 代理出价 with the bid: the most the server may bid for you later; private to you. */
    maxFen: fen.optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((body) => body.maxFen === undefined || body.maxFen >= body.amountFen, {
    message: 'the max bid cannot be below the bid',
    path: ['maxFen'],
  });
export type PlaceBidBody = z.infer<typeof placeBidBodySchema>;

/** 代理出价 on its own: set or change the most the server may bid for you. */
export const setMaxBidBodySchema = z.strictObject({
  maxFen: fen,
  idempotencyKey: idempotencyKeySchema,
});
export type SetMaxBidBody = z.infer<typeof setMaxBidBodySchema>;

export const AUCTION_STATES = ['scheduled', 'open', 'closed'] as const;
/** sold: the leader won at the hammer price; unsold: no bid or reserve not met; cancelled by the stage. */
export const AUCTION_OUTCOMES = ['sold', 'unsold', 'cancelled'] as const;
export type AuctionOutcome = (typeof AUCTION_OUTCOMES)[number];

export const BID_REFUSALS = [
  'too_low',
  'not_started',
  'ended',
  'deposit_required',
  'own_listing',
  'already_leading',
] as const;
export type BidRefusal = (typeof BID_REFUSALS)[number];

/** A bid as viewers see it: the bidder only as a masked alias, stable within one auction. */
export const auctionBidSchema = z.object({
  id: z.string(),
  bidderAlias: z.string(),
  amountFen: z.number().int(),
  placedAt: isoDateTime,
  /** True when this bid moved the end (anti-sniping). */
  extended: z.boolean(),
  /** True when the server placed it for the bidder's max bid (代理出价); the max itself is never shown. */
  automatic: z.boolean(),
});
export type AuctionBid = z.infer<typeof auctionBidSchema>;

/** The public view of an auction. The reserve amount is never in it: only whether there is one and whether it is met. */
export const auctionSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  listingId: z.uuid(),
  listingTitle: z.string(),
  startPriceFen: z.number().int(),
  ladder: z.array(bidStepSchema),
  hasReserve: z.boolean(),
  reserveMet: z.boolean(),
  depositFen: z.number().int().nullable(),
  antiSnipeSeconds: z.number().int(),
  antiSnipeExtensionSeconds: z.number().int(),
  startsAt: isoDateTime,
  /** Moves later with anti-sniping; count down to this against `serverTime`. */
  endsAt: isoDateTime,
  currentPriceFen: z.number().int().nullable(),
  minimumNextBidFen: z.number().int(),
  leaderAlias: z.string().nullable(),
  bidCount: z.number().int(),
  state: z.enum(AUCTION_STATES),
  outcome: z.enum(AUCTION_OUTCOMES).nullable(),
  hammerPriceFen: z.number().int().nullable(),
  closedAt: isoDateTime.nullable(),
  /** For countdowns: the server's clock when this was read. */
  serverTime: isoDateTime,
});
export type Auction = z.infer<typeof auctionSchema>;

export const DEPOSIT_STATUSES = ['pending', 'held', 'refunded', 'forfeited', 'failed'] as const;

export const auctionDepositSchema = z.object({
  id: z.uuid(),
  auctionId: z.uuid(),
  amountFen: z.number().int(),
  status: z.enum(DEPOSIT_STATUSES),
  /** Where the buyer pays (the gateway's page; in the sandbox, the deposit's completion route). */
  payUrl: z.string().nullable(),
  createdAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
  settledAt: isoDateTime.nullable(),
});
export type AuctionDeposit = z.infer<typeof auctionDepositSchema>;

/** What the signed-in caller has to do with the auction; null for anonymous viewers. */
export const auctionViewerSchema = z.object({
  isLeader: z.boolean(),
  /** Their order at the hammer price, once they won. */
  wonOrderId: z.uuid().nullable(),
  deposit: auctionDepositSchema.nullable(),
  /** Their own max bid (代理出价), if set; nobody else ever sees it. */
  maxBidFen: z.number().int().nullable(),
});

export const auctionDetailSchema = z.object({
  auction: auctionSchema,
  /** The latest bids, newest first (at most 20). */
  bids: z.array(auctionBidSchema),
  viewer: auctionViewerSchema.nullable(),
});
export type AuctionDetail = z.infer<typeof auctionDetailSchema>;

export const placedBidSchema = z.object({ bid: auctionBidSchema, auction: auctionSchema });

/** Sent into the room (topic `jl.room`) when the price, leader, end or state changes. */
export const auctionUpdatedMessageSchema = z.object({
  type: z.literal('auction.updated'),
  auctionId: z.uuid(),
  listingId: z.uuid(),
  currentPriceFen: z.number().int().nullable(),
  minimumNextBidFen: z.number().int(),
  leaderAlias: z.string().nullable(),
  bidCount: z.number().int(),
  reserveMet: z.boolean(),
  state: z.enum(AUCTION_STATES),
  outcome: z.enum(AUCTION_OUTCOMES).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  serverTime: z.string(),
});
