import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

// 福袋 (lucky-bag giveaways) run by a live session's host. Rules are published before the start and
// never change (规范促销行为暂行规定 第十三条, confirmed only by a secondary source); a single prize is
// worth at most ¥50,000 — the cap of 反不正当竞争法 第十条（三） as amended in 2019 (confirmed); how the
// 2025 revision (in force 2025-10-15) numbers and words it is not confirmed here.

/** ¥50,000 in fen: the most a single prize of a prize draw may be worth. */
export const GIVEAWAY_MAX_PRIZE_FEN = 5_000_000;
export const GIVEAWAY_MAX_WINNERS = 100;
/** The draw comes at most this long after the start. */
export const GIVEAWAY_MAX_HOURS = 24;

/**
 * The draw, version 1: each entry id (a UUID, lower-case) is scored with HMAC-SHA256 keyed by the
 * 32 seed bytes over the UTF-8 entry id; entries sort by score (hex, ascending), then by entry id;
 * the first `winnerCount` win. The order of the input list does not matter.
 */
export const GIVEAWAY_ALGORITHM = 'hmac-sha256-rank/v1';

const isoDateTime = z.iso.datetime({ offset: true });
const withoutNul = (value: string) => !value.includes('\u0000');
const text = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(withoutNul, 'must not contain NUL characters');

export const GIVEAWAY_ENTRY_CONDITIONS = ['join', 'comment_keyword'] as const;

export const createGiveawayBodySchema = z
  .strictObject({
    prizeTitle: text(1, 60),
    /** Above `GIVEAWAY_MAX_PRIZE_FEN` the server refuses with 422 (a legal limit, not a malformed value). */
    prizeValueFen: z.number().int().positive().max(100_000_000_00),
    winnerCount: z.number().int().min(1).max(GIVEAWAY_MAX_WINNERS),
    /** `join`: press the button in the room; `comment_keyword`: first post the keyword in the chat. */
    entryCondition: z.enum(GIVEAWAY_ENTRY_CONDITIONS),
    keyword: text(1, 20).optional(),
    /** Defaults to now. */
    startsAt: isoDateTime.optional(),
    drawAt: isoDateTime,
    description: text(1, 500),
  })
  .refine((body) => (body.entryCondition === 'comment_keyword') === (body.keyword !== undefined), {
    message: 'a keyword goes with entryCondition comment_keyword, and only with it',
    path: ['keyword'],
  });
export type CreateGiveawayBody = z.infer<typeof createGiveawayBodySchema>;

export const GIVEAWAY_STATES = ['scheduled', 'open', 'closed', 'drawn', 'cancelled'] as const;

/** What everyone in the room sees: the rules and the commitment; the seed only after the draw. */
export const giveawaySchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  prizeTitle: z.string(),
  prizeValueFen: z.number().int(),
  winnerCount: z.number().int(),
  entryCondition: z.enum(GIVEAWAY_ENTRY_CONDITIONS),
  keyword: z.string().nullable(),
  description: z.string(),
  startsAt: isoDateTime,
  drawAt: isoDateTime,
  /** scheduled → open (entries accepted) → closed (draw time passed, not drawn yet) → drawn; cancelled when its session ended before it started. */
  state: z.enum(GIVEAWAY_STATES),
  algorithm: z.string(),
  /** sha256 of the seed, hex, published with the rules. */
  seedCommitment: z.string(),
  /** The seed (hex), revealed at the draw; null before. */
  seed: z.string().nullable(),
  entryCount: z.number().int(),
  drawnAt: isoDateTime.nullable(),
  /** The caller's own entry, when signed in. */
  myEntry: z.object({ entryId: z.uuid(), won: z.boolean() }).nullable(),
  serverTime: isoDateTime,
});
export type Giveaway = z.infer<typeof giveawaySchema>;

export const giveawayEntrySchema = z.object({
  entryId: z.uuid(),
  giveawayId: z.uuid(),
  enteredAt: isoDateTime,
});

/** Everything needed to recompute a draw; who entered is masked. */
export const giveawayAuditSchema = z.object({
  giveawayId: z.uuid(),
  algorithm: z.string(),
  seedCommitment: z.string(),
  seed: z.string(),
  winnerCount: z.number().int(),
  drawnAt: isoDateTime,
  drawnBy: z.enum(['stage', 'system']),
  /** Sorted by entry id. */
  entries: z.array(z.object({ entryId: z.uuid(), entrant: z.string(), enteredAt: isoDateTime })),
  winners: z.array(z.object({ rank: z.number().int(), entryId: z.uuid(), entrant: z.string() })),
});
export type GiveawayAudit = z.infer<typeof giveawayAuditSchema>;

/** sha256 of the seed bytes, hex: the commitment published before the giveaway starts. */
export function giveawaySeedCommitment(seedHex: string): string {
  return bytesToHex(sha256(hexToBytes(seedHex)));
}

/**
 * The winners of a draw under `GIVEAWAY_ALGORITHM`, best rank first: the same seed and entry ids
 * give the same answer in the browser and on the server. Fewer entries than prizes: all win.
 */
export function drawGiveawayWinners(
  seedHex: string,
  entryIds: readonly string[],
  winnerCount: number,
): string[] {
  const key = hexToBytes(seedHex);
  const scored = [...new Set(entryIds.map((id) => id.toLowerCase()))].map((entryId) => ({
    entryId,
    score: bytesToHex(hmac(sha256, key, utf8ToBytes(entryId))),
  }));
  scored.sort((a, b) => compare(a.score, b.score) || compare(a.entryId, b.entryId));
  return scored.slice(0, Math.max(0, winnerCount)).map((entry) => entry.entryId);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sent into the room (topic `jl.room`) when a giveaway is published, drawn, or its entry count
 * moves (throttled). Carries no seed: clients refetch the giveaway once `state` is `drawn`.
 */
export const giveawayUpdatedMessageSchema = z.object({
  type: z.literal('giveaway.updated'),
  giveawayId: z.uuid(),
  state: z.enum(GIVEAWAY_STATES),
  entryCount: z.number().int(),
  winnerCount: z.number().int(),
  startsAt: z.string(),
  drawAt: z.string(),
  drawnAt: z.string().nullable(),
  serverTime: z.string(),
});
export type GiveawayUpdatedMessage = z.infer<typeof giveawayUpdatedMessageSchema>;
