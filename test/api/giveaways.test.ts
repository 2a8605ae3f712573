import { createHash, createHmac } from 'node:crypto';
import type { AppConfig } from '@jadelive/server/deps';
import { sweepFollowUps } from '@jadelive/server/features/follow-ups/sweep';
import { drawGiveawayWinners, GIVEAWAY_ALGORITHM, giveawaySeedCommitment } from '@jadelive/shared';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import { buyerSession, liveSessionWithPin, publishedListing } from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';
import { recordingLivekit } from '../support/recording-livekit';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let sessionId: string;
let otherSeller: Session;
let buyers: Session[];

const HOUR = 3_600_000;
const livekit = recordingLivekit();
/** What the server sent into the room about one giveaway, oldest first. */
const roomUpdates = (giveawayId: string) =>
  livekit.sent
    .filter((m) => m.payload.type === 'giveaway.updated' && m.payload.giveawayId === giveawayId)
    .map((m) => ({ room: m.room, ...m.payload }));

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db, {}, { livekit: livekit.gateway }).app;
  world = await createCatalogWorld(database.db, app);
  const listingId = await publishedListing(app, world);
  sessionId = await liveSessionWithPin(
    database.db,
    world.seller.orgId,
    listingId,
    world.seller.hostSession.userId,
  );
  const other = await createTenant(database.db, 'seller', ['owner']);
  otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  buyers = [];
  for (let i = 0; i < 5; i++) buyers.push(await buyerSession(database.db));
});

afterAll(async () => {
  await database?.drop();
});

const rules = (overrides: Record<string, unknown> = {}) => ({
  prizeTitle: '和田玉平安扣',
  prizeValueFen: 880_00,
  winnerCount: 3,
  entryCondition: 'join',
  drawAt: new Date(Date.now() + HOUR).toISOString(),
  description: '直播间点击参与，开奖后 7 天内顺丰包邮寄出',
  ...overrides,
});
const publish = (body: object, session = world.seller.hostSession) =>
  call(app, 'POST', `/api/live/sessions/${sessionId}/giveaways`, { session, body });
const enter = (giveawayId: string, session: Session) =>
  call(app, 'POST', `/api/giveaways/${giveawayId}/entries`, { session });
const draw = (giveawayId: string, session = world.seller.hostSession) =>
  call(app, 'POST', `/api/giveaways/${giveawayId}/draw`, { session });
/** Time passes: the draw time is behind us (the window keeps its length, so the rules stay valid). */
const passDrawTime = (giveawayId: string) =>
  database.db
    .updateTable('giveaways')
    .set({ startsAt: new Date(Date.now() - HOUR), drawAt: new Date(Date.now() - 1000) })
    .where('id', '=', giveawayId)
    .execute();
const sweeper = () => ({
  db: database.db,
  config: {} as AppConfig,
  logger: pino({ level: 'silent' }),
  livekit: livekit.gateway,
});

describe('giveaways: rules', () => {
  it('refuses a prize over ¥50,000 (422) and a draw more than 24 hours out; accepts exactly ¥50,000', async () => {
    const over = await publish(rules({ prizeValueFen: 5_000_001 }));
    expect(over.status, over.text).toBe(422);
    expectErrorShape(over.json, 'UNPROCESSABLE');
    expect(over.json.error.details).toMatchObject({ reason: 'prize_over_limit' });

    const far = await publish(rules({ drawAt: new Date(Date.now() + 25 * HOUR).toISOString() }));
    expect(far.status, far.text).toBe(422);
    const noKeyword = await publish(rules({ entryCondition: 'comment_keyword' }));
    expect(noKeyword.status, noKeyword.text).toBe(400);
    const zeroWinners = await publish(rules({ winnerCount: 0 }));
    expect(zeroWinners.status, zeroWinners.text).toBe(400);

    const atLimit = await publish(rules({ prizeValueFen: 5_000_000 }));
    expect(atLimit.status, atLimit.text).toBe(201);
    expect(atLimit.json).toMatchObject({
      state: 'open',
      prizeValueFen: 5_000_000,
      algorithm: GIVEAWAY_ALGORITHM,
    });
    expect(await database.db.selectFrom('giveaways').select('id').execute()).toHaveLength(1);
  });

  it('another seller’s host gets 404; a buyer cannot publish or draw', async () => {
    const created = await publish(rules());
    expect(created.status, created.text).toBe(201);
    expect((await publish(rules(), otherSeller)).status).toBe(404);
    const foreignDraw = await draw(created.json.id, otherSeller);
    expect(foreignDraw.status, foreignDraw.text).toBe(404);
    expectErrorShape(foreignDraw.json, 'NOT_FOUND');
    expect((await publish(rules(), buyers[0]!)).status).toBe(403);
    expect((await draw(created.json.id, buyers[0]!)).status).toBe(403);
  });
});

describe('giveaways: entries, draw and audit', () => {
  it('draws exactly winnerCount distinct entrants from a committed seed anyone can recompute', async () => {
    const created = await publish(rules({ winnerCount: 3 }));
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    expect(created.json.seed).toBeNull();
    expect(created.json.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    const { roomName } = await database.db
      .selectFrom('liveSessions')
      .select('roomName')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(roomUpdates(id)).toEqual([
      expect.objectContaining({
        room: roomName,
        state: 'open',
        entryCount: 0,
        drawnAt: null,
        winnerCount: 3,
      }),
    ]);

    const entryIds: string[] = [];
    for (const buyer of buyers) {
      const entered = await enter(id, buyer);
      expect(entered.status, entered.text).toBe(201);
      entryIds.push(entered.json.entryId);
    }
    const again = await enter(id, buyers[0]!);
    expect(again.status, again.text).toBe(200);
    expect(again.json.entryId).toBe(entryIds[0]);
    const seller = await enter(id, world.seller.session);
    expect(seller.status, seller.text).toBe(403);
    // A burst of entries is throttled, but its trailing update carries the final count.
    await vi.waitFor(() => expect(roomUpdates(id).at(-1)).toMatchObject({ state: 'open', entryCount: 5 }), {
      timeout: 5_000,
    });

    const beforeDraw = [
      await call(app, 'GET', `/api/giveaways/${id}`, { session: buyers[1] }),
      await call(app, 'GET', `/api/live/sessions/${sessionId}/giveaways`),
    ];
    expect(beforeDraw[0]!.json).toMatchObject({
      seed: null,
      entryCount: 5,
      myEntry: { entryId: entryIds[1], won: false },
    });
    expect((await call(app, 'GET', `/api/giveaways/${id}/audit`)).status).toBe(409);
    const early = await draw(id);
    expect(early.status, early.text).toBe(409);
    expect(early.json.error.details).toMatchObject({ reason: 'too_early' });

    await passDrawTime(id);
    const late = await enter(id, await buyerSession(database.db));
    expect(late.status, late.text).toBe(409);
    const drawn = await draw(id);
    expect(drawn.status, drawn.text).toBe(200);
    expect(drawn.json).toMatchObject({ state: 'drawn', entryCount: 5 });
    // The draw is always announced, whatever the entry throttle did; the seed never goes out in it.
    const afterDraw = roomUpdates(id).at(-1);
    expect(afterDraw).toMatchObject({
      room: roomName,
      state: 'drawn',
      entryCount: 5,
      drawnAt: expect.any(String),
    });
    expect(JSON.stringify(roomUpdates(id))).not.toContain(drawn.json.seed);
    const seed = drawn.json.seed as string;
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    for (const response of beforeDraw) expect(response.text).not.toContain(seed);

    const audit = await call(app, 'GET', `/api/giveaways/${id}/audit`);
    expect(audit.status, audit.text).toBe(200);
    expect(audit.json).toMatchObject({ seed, seedCommitment: created.json.seedCommitment, drawnBy: 'stage' });
    expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(
      created.json.seedCommitment,
    );
    expect(giveawaySeedCommitment(seed)).toBe(created.json.seedCommitment);
    const audited = audit.json.entries.map((entry: { entryId: string }) => entry.entryId);
    expect(audited).toEqual([...entryIds].sort());
    expect(JSON.stringify(audit.json.entries)).not.toContain(buyers[0]!.userId);
    const winners = audit.json.winners.map((winner: { entryId: string }) => winner.entryId);
    expect(winners).toHaveLength(3);
    expect(new Set(winners).size).toBe(3);
    for (const winner of winners) expect(entryIds).toContain(winner);
    expect(drawGiveawayWinners(audit.json.seed, audited, audit.json.winnerCount)).toEqual(winners);

    let won = 0;
    for (const buyer of buyers) {
      const mine = await call(app, 'GET', `/api/giveaways/${id}`, { session: buyer });
      if (mine.json.myEntry.won) won++;
    }
    expect(won).toBe(3);
    const unmasked = await call(app, 'GET', `/api/giveaways/${id}/winners`, {
      session: world.seller.hostSession,
    });
    expect(unmasked.json.winners.map((winner: { entryId: string }) => winner.entryId)).toEqual(winners);
    const winnerUsers = unmasked.json.winners.map((winner: { userId: string }) => winner.userId);
    expect(buyers.map((buyer) => buyer.userId)).toEqual(expect.arrayContaining(winnerUsers));
    expect((await call(app, 'GET', `/api/giveaways/${id}/winners`, { session: otherSeller })).status).toBe(
      404,
    );
    const twice = await draw(id);
    expect(twice.status, twice.text).toBe(409);
    expect(twice.json.error.details).toMatchObject({ reason: 'already_drawn' });
  });

  it('with fewer entrants than prizes everyone wins, and the sweeper draws what nobody drew', async () => {
    const created = await publish(rules({ winnerCount: 5 }));
    const id = created.json.id as string;
    for (const buyer of buyers.slice(0, 2)) expect((await enter(id, buyer)).status).toBe(201);
    const report = await sweepFollowUps(sweeper(), new Date(Date.now() + 2 * HOUR));
    expect(report.giveawaysDrawn).toBeGreaterThanOrEqual(1);
    const audit = await call(app, 'GET', `/api/giveaways/${id}/audit`);
    expect(audit.status, audit.text).toBe(200);
    expect(audit.json.drawnBy).toBe('system');
    expect(audit.json.winners).toHaveLength(2);
    // The room hears about a draw nobody pressed, too.
    await expect.poll(() => roomUpdates(id).some((update) => update.state === 'drawn')).toBe(true);
    expect(
      drawGiveawayWinners(
        audit.json.seed,
        audit.json.entries.map((e: { entryId: string }) => e.entryId),
        5,
      ),
    ).toEqual(audit.json.winners.map((winner: { entryId: string }) => winner.entryId));
  });

  it('refuses entries before the start, and asks for the keyword in the chat when the rules say so', async () => {
    const later = await publish(
      rules({
        startsAt: new Date(Date.now() + HOUR).toISOString(),
        drawAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      }),
    );
    expect(later.json.state).toBe('scheduled');
    const tooSoon = await enter(later.json.id, buyers[0]!);
    expect(tooSoon.status, tooSoon.text).toBe(409);
    expect(tooSoon.json.error.details).toMatchObject({ reason: 'not_started' });

    const keyword = await publish(rules({ entryCondition: 'comment_keyword', keyword: '福袋来了' }));
    expect(keyword.status, keyword.text).toBe(201);
    const silent = await enter(keyword.json.id, buyers[1]!);
    expect(silent.status, silent.text).toBe(422);
    const posted = await call(app, 'POST', `/api/live/sessions/${sessionId}/chat`, {
      session: buyers[1],
      body: { text: '我要参加，福袋来了！' },
    });
    expect(posted.status, posted.text).toBe(201);
    expect((await enter(keyword.json.id, buyers[1]!)).status).toBe(201);
  });
});

describe('giveaways: the published algorithm', () => {
  it('ranks entries by HMAC-SHA256(seed, entry id), as any HMAC tool computes it', () => {
    const seed = createHash('sha256').update('any seed').digest('hex');
    const entries = Array.from({ length: 8 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const byHand = entries
      .map((id) => ({ id, score: createHmac('sha256', Buffer.from(seed, 'hex')).update(id).digest('hex') }))
      .sort((a, b) => (a.score < b.score ? -1 : 1))
      .map((entry) => entry.id);
    expect(drawGiveawayWinners(seed, entries, 3)).toEqual(byHand.slice(0, 3));
  });
});
