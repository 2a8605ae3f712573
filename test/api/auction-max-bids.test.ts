import { sweepAuctions } from '@jadelive/server/features/auctions/sweep';
import { DEFAULT_BID_LADDER, minimumNextBidFen } from '@jadelive/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  liveSaleWorld,
  liveSessionWithPin,
  publishedListing,
  sweepDeps,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { recordingLivekit } from '../support/recording-livekit';

// 代理出价: a buyer's max bid, resolved by the server into automatic bids of the same ledger.
let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let hostUserId: string;
let otherSeller: Session;
const livekit = recordingLivekit();
const jobDeps = () => sweepDeps(database.db);

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, world, hostUserId, otherSeller } = await liveSaleWorld(database.db, livekit.gateway));
});

afterAll(async () => {
  await database?.drop();
});

async function startAuction(body: Record<string, unknown> = {}) {
  const listingId = await publishedListing(app, world, { stock: 2, priceFen: 2_000_00 });
  const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
  const created = await call(app, 'POST', `/api/live/sessions/${sessionId}/auctions`, {
    session: world.seller.hostSession,
    body: { startPriceFen: 100_00, durationSeconds: 300, ...body },
  });
  expect(created.status, created.text).toBe(201);
  return { sessionId, auctionId: created.json.auction.id as string };
}

async function bid(
  session: Session,
  auctionId: string,
  amountFen: number,
  maxFen?: number,
  key = idempotencyKey(),
) {
  return call(app, 'POST', `/api/auctions/${auctionId}/bids`, {
    session,
    body: { amountFen, idempotencyKey: key, ...(maxFen === undefined ? {} : { maxFen }) },
  });
}

async function setMax(session: Session, auctionId: string, maxFen: unknown, key = idempotencyKey()) {
  return call(app, 'PUT', `/api/auctions/${auctionId}/max-bid`, {
    session,
    body: { maxFen, idempotencyKey: key },
  });
}

async function detail(auctionId: string, session?: Session) {
  const response = await call(app, 'GET', `/api/auctions/${auctionId}`, { session });
  expect(response.status, response.text).toBe(200);
  return response;
}

async function endIn(auctionId: string, seconds: number) {
  await database.db
    .updateTable('auctions')
    .set({
      startsAt: sql`now() - interval '10 minutes'`,
      endsAt: sql`now() + make_interval(secs => ${seconds})`,
    })
    .where('id', '=', auctionId)
    .execute();
}

async function storedBids(auctionId: string) {
  return database.db
    .selectFrom('auctionBids')
    .select([
      'id',
      'bidderUserId',
      'amountFen',
      'previousPriceFen',
      'placedAt',
      'endsAtAfter',
      'extended',
      'automatic',
    ])
    .where('auctionId', '=', auctionId)
    .orderBy('id')
    .execute();
}

/** The ledger as [bidder, amount, automatic] triples, bidders named by the test. */
async function chain(auctionId: string, names: Record<string, string>) {
  return (await storedBids(auctionId)).map((b) => [names[b.bidderUserId] ?? '?', b.amountFen, b.automatic]);
}

async function auctionRow(auctionId: string) {
  return database.db.selectFrom('auctions').selectAll().where('id', '=', auctionId).executeTakeFirstOrThrow();
}

/** Strictly increasing, each bid on the ladder above the one before, chained, counted. */
async function expectSoundLedger(auctionId: string) {
  const bids = await storedBids(auctionId);
  expect(bids.length).toBeGreaterThan(0);
  expect(bids[0]?.previousPriceFen).toBeNull();
  expect(bids[0]?.amountFen).toBeGreaterThanOrEqual(100_00);
  for (let i = 1; i < bids.length; i++) {
    const previous = bids[i - 1] as (typeof bids)[number];
    const current = bids[i] as (typeof bids)[number];
    expect(current.previousPriceFen).toBe(previous.amountFen);
    expect(current.amountFen).toBeGreaterThanOrEqual(
      minimumNextBidFen(previous.amountFen, 100_00, DEFAULT_BID_LADDER),
    );
  }
  const row = await auctionRow(auctionId);
  const last = bids.at(-1) as (typeof bids)[number];
  expect(row.currentPriceFen).toBe(last.amountFen);
  expect(row.leaderUserId).toBe(last.bidderUserId);
  expect(row.bidCount).toBe(bids.length);
  return { bids, row };
}

async function maxOf(auctionId: string, userId: string) {
  const row = await database.db
    .selectFrom('auctionMaxBids')
    .select('maxFen')
    .where('auctionId', '=', auctionId)
    .where('bidderUserId', '=', userId)
    .executeTakeFirst();
  return row?.maxFen ?? null;
}

describe('max bids: resolution', () => {
  it('a max answers manual bids one step at a time until a bid reaches it', async () => {
    const { auctionId } = await startAuction();
    const [a, b, c] = await Promise.all([
      buyerSession(database.db),
      buyerSession(database.db),
      buyerSession(database.db),
    ]);
    const names = { [a.userId]: 'a', [b.userId]: 'b', [c.userId]: 'c' };
    const opening = await bid(a, auctionId, 100_00, 1_000_00);
    expect(opening.status, opening.text).toBe(201);
    expect(opening.json.bid).toMatchObject({ amountFen: 100_00, automatic: false });

    const outbid = await bid(b, auctionId, 150_00);
    expect(outbid.status, outbid.text).toBe(201);
    // B's bid stands in the ledger, and A's max has already answered it.
    expect(outbid.json.bid).toMatchObject({ amountFen: 150_00, automatic: false });
    expect(outbid.json.auction).toMatchObject({
      currentPriceFen: 200_00,
      minimumNextBidFen: 250_00,
      bidCount: 3,
    });
    expect(outbid.json.auction.leaderAlias).toBe(opening.json.bid.bidderAlias);

    expect((await bid(b, auctionId, 500_00)).json.auction.currentPriceFen).toBe(550_00);
    // A bid at exactly A's max: the max cannot bid a full step above it, so it stands.
    const reaching = await bid(c, auctionId, 1_000_00);
    expect(reaching.json.auction).toMatchObject({
      currentPriceFen: 1_000_00,
      leaderAlias: reaching.json.bid.bidderAlias,
    });

    expect(await chain(auctionId, names)).toEqual([
      ['a', 100_00, false],
      ['b', 150_00, false],
      ['a', 200_00, true],
      ['b', 500_00, false],
      ['a', 550_00, true],
      ['c', 1_000_00, false],
    ]);
    await expectSoundLedger(auctionId);
    const seenByA = (await detail(auctionId, a)).json;
    expect(seenByA.viewer).toMatchObject({ isLeader: false, maxBidFen: 1_000_00 });
    expect(seenByA.bids.map((x: { automatic: boolean }) => x.automatic)).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect((await detail(auctionId, c)).json.viewer).toMatchObject({ isLeader: true, maxBidFen: null });
  });

  it('two maxes: runner-up’s max then one step more, capped; the earlier of equal maxes wins', async () => {
    const { auctionId } = await startAuction();
    const [a, b, c] = await Promise.all([
      buyerSession(database.db),
      buyerSession(database.db),
      buyerSession(database.db),
    ]);
    const names = { [a.userId]: 'a', [b.userId]: 'b', [c.userId]: 'c' };
    // A max on its own opens at the start price.
    const first = await setMax(a, auctionId, 1_000_00);
    expect(first.status, first.text).toBe(200);
    expect(first.json.viewer).toMatchObject({ isLeader: true, maxBidFen: 1_000_00 });
    expect(first.json.auction).toMatchObject({ currentPriceFen: 100_00, bidCount: 1 });

    const second = await setMax(b, auctionId, 800_00);
    expect(second.status, second.text).toBe(200);
    expect(second.json.viewer).toMatchObject({ isLeader: false, maxBidFen: 800_00 });
    expect(second.json.auction.currentPriceFen).toBe(850_00);

    // Equal to A's max but later: A keeps the lead at its own max.
    const tie = await setMax(c, auctionId, 1_000_00);
    expect(tie.json.viewer).toMatchObject({ isLeader: false, maxBidFen: 1_000_00 });
    expect(tie.json.auction.currentPriceFen).toBe(1_000_00);

    // The leader may not go below what it already bid; raising is fine and bids nothing by itself.
    const lowered = await setMax(a, auctionId, 900_00);
    expect(lowered.status).toBe(409);
    expectErrorShape(lowered.json, 'CONFLICT');
    expect(lowered.json.error.details).toMatchObject({ reason: 'too_low', minimumFen: 1_000_00 });
    expect((await setMax(a, auctionId, 1_400_00)).json.auction).toMatchObject({
      currentPriceFen: 1_000_00,
      bidCount: 5,
    });

    // C goes higher: A's max is spent (its last step follows its own standing bid), and C's
    // answer is capped at C's max, still a full step (¥200 from ¥1,000 on) above A's last one.
    const raised = await setMax(c, auctionId, 1_500_00);
    expect(raised.json.viewer).toMatchObject({ isLeader: true, maxBidFen: 1_500_00 });
    expect(await chain(auctionId, names)).toEqual([
      ['a', 100_00, true],
      ['b', 800_00, true],
      ['a', 850_00, true],
      ['c', 950_00, true],
      ['a', 1_000_00, true],
      ['a', 1_300_00, true],
      ['c', 1_500_00, true],
    ]);
    await expectSoundLedger(auctionId);
    const changes = await database.db
      .selectFrom('auctionMaxBidChanges')
      .select(['bidderUserId', 'maxFen'])
      .where('auctionId', '=', auctionId)
      .orderBy('id')
      .execute();
    expect(changes.map((x) => [names[x.bidderUserId], x.maxFen])).toEqual([
      ['a', 1_000_00],
      ['b', 800_00],
      ['c', 1_000_00],
      ['a', 1_400_00],
      ['c', 1_500_00],
    ]);
    // The ledger and the change log are append-only.
    await expect(
      database.db
        .updateTable('auctionMaxBidChanges')
        .set({ maxFen: 1 })
        .where('auctionId', '=', auctionId)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      database.db
        .updateTable('auctionBids')
        .set({ automatic: false })
        .where('auctionId', '=', auctionId)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('manual bids and max changes of many buyers at once still give one strictly increasing ledger', async () => {
    const { auctionId } = await startAuction({ antiSnipeSeconds: 30, antiSnipeExtensionSeconds: 30 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => buyerSession(database.db)));
    let bidsBeforeLastRound = 0;
    for (let round = 0; round < 4; round++) {
      // The last round happens in the anti-sniping window.
      if (round === 3) {
        await endIn(auctionId, 5);
        bidsBeforeLastRound = (await storedBids(auctionId)).length;
      }
      const { auction } = (await detail(auctionId)).json;
      const results = await Promise.all(
        buyers.map((buyer, i) =>
          i % 2 === 0
            ? bid(
                buyer,
                auctionId,
                auction.minimumNextBidFen + (i % 3) * 50_00,
                i % 4 === 0 ? auction.minimumNextBidFen + 400_00 + i * 50_00 : undefined,
              )
            : setMax(buyer, auctionId, auction.minimumNextBidFen + round * 100_00 + i * 50_00),
        ),
      );
      for (const result of results) {
        if (result.status === 200 || result.status === 201) continue;
        expect(result.status, result.text).toBe(409);
        expectErrorShape(result.json, 'CONFLICT');
        expect(['too_low', 'already_leading']).toContain(result.json.error.details.reason);
      }
    }
    const { bids, row } = await expectSoundLedger(auctionId);
    expect(bids.some((b) => b.automatic)).toBe(true);
    expect(new Set(bids.map((b) => b.amountFen)).size).toBe(bids.length);
    // An automatic bid never goes above its bidder's max.
    for (const automatic of bids.filter((b) => b.automatic)) {
      expect(automatic.amountFen).toBeLessThanOrEqual((await maxOf(auctionId, automatic.bidderUserId)) ?? 0);
    }
    // Settled: nobody else's max could still bid.
    const maxes = await database.db
      .selectFrom('auctionMaxBids')
      .select(['bidderUserId', 'maxFen'])
      .where('auctionId', '=', auctionId)
      .execute();
    const minimum = minimumNextBidFen(row.currentPriceFen, 100_00, DEFAULT_BID_LADDER);
    for (const other of maxes.filter((m) => m.bidderUserId !== row.leaderUserId)) {
      expect(other.maxFen).toBeLessThan(minimum);
    }
    // The last round fell in the anti-sniping window: from then on the end only moves later,
    // automatic bids included, and it is 30 s after the latest bid.
    expect(bids.length).toBeGreaterThan(bidsBeforeLastRound);
    for (let i = bidsBeforeLastRound + 1; i < bids.length; i++) {
      const previous = bids[i - 1] as (typeof bids)[number];
      const current = bids[i] as (typeof bids)[number];
      expect(current.endsAtAfter.getTime()).toBeGreaterThanOrEqual(previous.endsAtAfter.getTime());
      expect(current.endsAtAfter.getTime()).toBe(current.placedAt.getTime() + 30_000);
    }
    const last = bids.at(-1) as (typeof bids)[number];
    expect(row.endsAt.getTime()).toBe(last.endsAtAfter.getTime());
    expect(row.endsAt.getTime()).toBe(last.placedAt.getTime() + 30_000);
  });

  it('anti-sniping moves the end for an automatic bid like for a manual one', async () => {
    const { auctionId } = await startAuction({ antiSnipeSeconds: 20, antiSnipeExtensionSeconds: 15 });
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    expect((await bid(a, auctionId, 100_00)).status).toBe(201);
    await endIn(auctionId, 3);
    const set = await setMax(b, auctionId, 500_00);
    expect(set.status, set.text).toBe(200);
    const [automatic] = (await storedBids(auctionId)).slice(-1);
    expect(automatic).toMatchObject({
      bidderUserId: b.userId,
      amountFen: 150_00,
      automatic: true,
      extended: true,
    });
    expect((await auctionRow(auctionId)).endsAt.getTime()).toBe(
      (automatic?.placedAt.getTime() ?? 0) + 15_000,
    );
    expect(set.json.bids[0]).toMatchObject({ amountFen: 150_00, automatic: true, extended: true });
  });

  it('a max below the reserve does not reach it: unsold at close, no order', async () => {
    const { auctionId } = await startAuction({ reservePriceFen: 987_65 });
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    await setMax(a, auctionId, 900_00);
    const answer = await setMax(b, auctionId, 800_00);
    expect(answer.json.auction).toMatchObject({
      currentPriceFen: 850_00,
      reserveMet: false,
      hasReserve: true,
    });
    await endIn(auctionId, -1);
    await sweepAuctions(jobDeps());
    const { auction } = (await detail(auctionId)).json;
    expect(auction).toMatchObject({ state: 'closed', outcome: 'unsold', hammerPriceFen: null });
    const orders = await database.db
      .selectFrom('orders')
      .select('id')
      .where('auctionId', '=', auctionId)
      .execute();
    expect(orders).toHaveLength(0);
    const late = await setMax(a, auctionId, 2_000_00);
    expect(late.status).toBe(409);
    expect(late.json.error.details.reason).toBe('ended');
  });
});

describe('max bids: privacy, access and input', () => {
  it('a max is seen by its bidder only: not in public answers, other viewers or room messages', async () => {
    const { auctionId, sessionId } = await startAuction();
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    const SECRET_FEN = 7_777_77;
    const own = await bid(a, auctionId, 100_00, SECRET_FEN);
    expect(own.status, own.text).toBe(201);
    const others: string[] = [];
    const outbid = await bid(b, auctionId, 150_00);
    others.push(outbid.text);
    expect(outbid.json.auction.currentPriceFen).toBe(200_00);
    others.push((await setMax(b, auctionId, 300_00)).text);
    others.push((await detail(auctionId)).text);
    others.push((await detail(auctionId, b)).text);
    others.push((await call(app, 'GET', `/api/live/sessions/${sessionId}/auctions`)).text);
    others.push((await call(app, 'GET', `/api/live/sessions/${sessionId}/auctions`, { session: b })).text);
    expect((await detail(auctionId, b)).json.viewer.maxBidFen).toBe(300_00);
    // Wait for the throttled room updates of these bids (250 ms apart) to be sent.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const roomMessages = livekit.sent.filter((m) => m.payload.auctionId === auctionId);
    expect(roomMessages.length).toBeGreaterThan(0);
    for (const text of [...others, ...roomMessages.map((m) => JSON.stringify(m.payload))]) {
      expect(text).not.toContain(String(SECRET_FEN));
    }
    for (const message of roomMessages) expect(JSON.stringify(message.payload)).not.toMatch(/max/i);
    // The bid answer is public-shaped too: even the bidder's own carries no max.
    expect(own.text).not.toContain(String(SECRET_FEN));
    const mine = (await detail(auctionId, a)).json;
    expect(mine.viewer).toMatchObject({ maxBidFen: SECRET_FEN, isLeader: true });
    expect(mine.auction.currentPriceFen).toBe(350_00);
  });

  it('another tenant’s or an unknown auction is 404; members 403; bad input 400; refusals kept', async () => {
    const { auctionId, sessionId } = await startAuction({ depositFen: 500_00 });
    const buyer = await buyerSession(database.db);
    const unknown = await setMax(buyer, '00000000-0000-4000-8000-000000000000', 500_00);
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.json, 'NOT_FOUND');
    for (const member of [world.seller.session, otherSeller]) {
      const refused = await setMax(member, auctionId, 500_00);
      expect(refused.status).toBe(403);
      expectErrorShape(refused.json, 'FORBIDDEN');
    }
    expect(
      (
        await call(app, 'PUT', `/api/auctions/${auctionId}/max-bid`, {
          body: { maxFen: 500_00, idempotencyKey: idempotencyKey() },
        })
      ).status,
    ).toBe(401);
    for (const maxFen of [-1, 0, 12.5, '500', null, 10_000_000_001]) {
      const bad = await setMax(buyer, auctionId, maxFen);
      expect(bad.status, String(maxFen)).toBe(400);
      expectErrorShape(bad.json, 'VALIDATION_FAILED');
    }
    const belowBid = await bid(buyer, auctionId, 200_00, 150_00);
    expect(belowBid.status).toBe(400);
    expect(belowBid.text).toContain('maxFen');
    const noDeposit = await setMax(buyer, auctionId, 500_00);
    expect(noDeposit.status).toBe(409);
    expect(noDeposit.json.error.details).toMatchObject({ reason: 'deposit_required', depositFen: 500_00 });

    // Another seller's session that is not public (here: ended) hides its auction: 404 for them and buyers.
    const hidden = await startAuction();
    await database.db
      .updateTable('liveSessions')
      .set({ status: 'ended' })
      .where('id', '=', hidden.sessionId)
      .execute();
    for (const caller of [buyer, otherSeller]) {
      const response = await setMax(caller, hidden.auctionId, 500_00);
      expect(response.status).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    expect(await storedBids(auctionId)).toHaveLength(0);
    expect(
      await database.db
        .selectFrom('auctionMaxBids')
        .select('maxFen')
        .where('auctionId', 'in', [auctionId, hidden.auctionId])
        .execute(),
    ).toEqual([]);
    const refusals = await database.db
      .selectFrom('auctionBidRefusals')
      .select(['reason', 'amountFen', 'maxBid'])
      .where('auctionId', '=', auctionId)
      .execute();
    expect(refusals).toEqual([{ reason: 'deposit_required', amountFen: 500_00, maxBid: true }]);
    expect(sessionId).toBeTruthy();
  });

  it('too low is refused with the minimum; the same key is the same change', async () => {
    const { auctionId } = await startAuction();
    const [a, b] = await Promise.all([buyerSession(database.db), buyerSession(database.db)]);
    expect((await bid(a, auctionId, 300_00)).status).toBe(201);
    const low = await setMax(b, auctionId, 340_00);
    expect(low.status).toBe(409);
    expect(low.json.error.details).toMatchObject({
      reason: 'too_low',
      minimumFen: 350_00,
      currentPriceFen: 300_00,
    });

    const key = idempotencyKey();
    const first = await setMax(b, auctionId, 600_00, key);
    const again = await setMax(b, auctionId, 600_00, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json.auction.bidCount).toBe(first.json.auction.bidCount);
    const reused = await setMax(b, auctionId, 700_00, key);
    expect(reused.status).toBe(422);
    expect(reused.json.error.details.reason).toBe('idempotency_key_reused');
    // A bid's key cannot be reused for a max change, nor a max change's for a bid.
    expect((await bid(b, auctionId, 400_00, undefined, key)).status).toBe(422);
    const bidKey = idempotencyKey();
    expect((await bid(a, auctionId, 400_00, undefined, bidKey)).status).toBe(201);
    expect((await setMax(a, auctionId, 2_000_00, bidKey)).status).toBe(422);

    // Twins of one bid-with-max: one bid, one change.
    const c = await buyerSession(database.db);
    const twinKey = idempotencyKey();
    const twins = await Promise.all([
      bid(c, auctionId, 700_00, 900_00, twinKey),
      bid(c, auctionId, 700_00, 900_00, twinKey),
    ]);
    expect(twins.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(twins[0]?.json.bid.id).toBe(twins[1]?.json.bid.id);
    expect((await bid(c, auctionId, 700_00, 950_00, twinKey)).status).toBe(422);
    expect((await bid(c, auctionId, 700_00, undefined, twinKey)).status).toBe(422);
    const changes = await database.db
      .selectFrom('auctionMaxBidChanges')
      .select('maxFen')
      .where('auctionId', '=', auctionId)
      .orderBy('id')
      .execute();
    expect(changes.map((x) => x.maxFen)).toEqual([600_00, 900_00]);
    await expectSoundLedger(auctionId);
  });
});
