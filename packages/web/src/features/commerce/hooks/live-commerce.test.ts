import { drawGiveawayWinners, type GiveawayAudit, giveawaySeedCommitment } from '@jadelive/shared';
import { describe, expect, it } from 'vitest';
import { verifyGiveawayAudit } from '../components/giveaway-audit';
import { type AuctionView, auctionHoldsPinned, withRoomUpdate } from './use-session-auction';

const seed = 'a'.repeat(64);
const entries = Array.from({ length: 6 }, (_, i) => ({
  entryId: `00000000-0000-4000-8000-00000000000${i}`,
  entrant: `买***`,
  enteredAt: '2026-11-30T12:00:00.000Z',
}));

function audit(overrides: Partial<GiveawayAudit> = {}): GiveawayAudit {
  const winners = drawGiveawayWinners(
    seed,
    entries.map((entry) => entry.entryId),
    2,
  ).map((entryId, index) => ({ rank: index + 1, entryId, entrant: '买***' }));
  return {
    giveawayId: '00000000-0000-4000-8000-0000000000aa',
    algorithm: 'hmac-sha256-rank/v1',
    seedCommitment: giveawaySeedCommitment(seed),
    seed,
    winnerCount: 2,
    drawnAt: '2026-11-30T12:10:00.000Z',
    drawnBy: 'stage',
    entries,
    winners,
    ...overrides,
  };
}

describe('the giveaway audit recomputed in the browser', () => {
  it('passes both checks for an honest draw', () => {
    expect(verifyGiveawayAudit(audit())).toMatchObject({ commitmentOk: true, drawOk: true });
  });

  it('fails the commitment check when the revealed seed is not the committed one', () => {
    const swapped = audit({ seed: 'b'.repeat(64) });
    expect(verifyGiveawayAudit(swapped).commitmentOk).toBe(false);
  });

  it('fails the draw check when the published winners are not the recomputed ones', () => {
    const honest = audit();
    const loser = entries.find((entry) => !honest.winners.some((w) => w.entryId === entry.entryId))!;
    const rigged = audit({
      winners: [{ rank: 1, entryId: loser.entryId, entrant: '买***' }, honest.winners[1]!],
    });
    expect(verifyGiveawayAudit(rigged)).toMatchObject({ commitmentOk: true, drawOk: false });
    expect(verifyGiveawayAudit(audit({ winners: honest.winners.slice(0, 1) })).drawOk).toBe(false);
  });

  it('fails rather than throws on a malformed seed', () => {
    expect(verifyGiveawayAudit(audit({ seed: 'not hex' }))).toMatchObject({
      commitmentOk: false,
      drawOk: false,
    });
  });
});

describe('an auction reading and the room’s update', () => {
  const api = {
    id: '00000000-0000-4000-8000-000000000001',
    currentPriceFen: 100_000,
    minimumNextBidFen: 120_000,
    leaderAlias: '买家A',
    bidCount: 3,
    endsAt: '2026-11-30T12:05:00.000Z',
    serverTime: '2026-11-30T12:00:10.000Z',
    receivedAt: 1,
    state: 'open',
  } as AuctionView;
  const room = {
    type: 'auction.updated' as const,
    auctionId: api.id,
    listingId: '00000000-0000-4000-8000-000000000002',
    currentPriceFen: 120_000,
    minimumNextBidFen: 140_000,
    leaderAlias: '买家B',
    bidCount: 4,
    reserveMet: true,
    state: 'open' as const,
    outcome: null,
    startsAt: '2026-11-30T12:00:00.000Z',
    endsAt: '2026-11-30T12:05:20.000Z',
    serverTime: '2026-11-30T12:00:20.000Z',
    receivedAt: 2,
  };

  it('takes a newer room update, including an end moved by anti-sniping', () => {
    expect(withRoomUpdate(api, room)).toMatchObject({
      currentPriceFen: 120_000,
      minimumNextBidFen: 140_000,
      leaderAlias: '买家B',
      endsAt: '2026-11-30T12:05:20.000Z',
      receivedAt: 2,
    });
  });

  it('keeps the API reading against an older update or another auction’s', () => {
    expect(withRoomUpdate(api, { ...room, serverTime: '2026-11-30T12:00:05.000Z' })).toBe(api);
    expect(withRoomUpdate(api, { ...room, auctionId: '00000000-0000-4000-8000-000000000009' })).toBe(api);
    expect(withRoomUpdate(api, null)).toBe(api);
  });
});

describe('the pinned piece under the hammer', () => {
  const pinned = '00000000-0000-4000-8000-000000000002';
  it('an open or scheduled auction of the pinned piece takes the place of 立即购买', () => {
    expect(auctionHoldsPinned({ state: 'open', listingId: pinned }, pinned)).toBe(true);
    expect(auctionHoldsPinned({ state: 'scheduled', listingId: pinned }, pinned)).toBe(true);
  });
  it('a closed auction, another piece’s auction or none leaves 立即购买 to the pinned piece', () => {
    expect(auctionHoldsPinned({ state: 'closed', listingId: pinned }, pinned)).toBe(false);
    expect(
      auctionHoldsPinned({ state: 'open', listingId: '00000000-0000-4000-8000-000000000003' }, pinned),
    ).toBe(false);
    expect(auctionHoldsPinned(null, pinned)).toBe(false);
    expect(auctionHoldsPinned({ state: 'open', listingId: pinned }, null)).toBe(false);
  });
});
