import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import { settleOverdueReturn } from '@jadelive/server/features/returns/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { PNG } from '../support/cases';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  deliveredOrder,
  listingFacts,
  sweepDeps,
  uploadBuyerPhoto,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

// 七日无理由退货 as a workflow: request → agree / refuse (silence 48 h = agree) → arbitration →
// the buyer ships it back → the seller confirms receipt (refund) or reports damage → arbitration.

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let buyer: Session;
let otherBuyer: Session;
let otherSeller: Session;
let admin: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  buyer = await buyerSession(database.db);
  otherBuyer = await buyerSession(database.db);
  const other = await createTenant(database.db, 'seller', ['owner']);
  otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  const platform = await createTenant(database.db, 'platform', ['admin']);
  admin = await login(app, platform.members.admin.email, TEST_PASSWORD);
});
afterAll(() => database?.drop());

const step = (session: Session, path: string, body: object = {}) =>
  call(app, 'POST', path, { session, body });
const delivered = (options: { customMade?: boolean } = {}) => deliveredOrder(app, world, buyer, options);

const uploadAsBuyer = (session: Session) => uploadBuyerPhoto(app, session);

async function eventsOf(orderId: string) {
  return (await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer })).json.events as {
    toStatus: string;
    actor: string;
    cause: { kind: string } | null;
    note: string | null;
  }[];
}

describe('returns: the whole road', () => {
  it('request with a photo → refusal → arbitration for the buyer → shipped back → receipt refunds; every step in the timeline', async () => {
    const { orderId, listingId } = await delivered();
    const photo = await uploadAsBuyer(buyer);
    const requested = await step(buyer, `/api/orders/${orderId}/return-request`, {
      reason: '颜色比直播间看到的深',
      photoIds: [photo],
    });
    expect(requested.status, requested.text).toBe(200);
    expect(requested.json.order.status).toBe('return_requested');
    expect(requested.json.return).toMatchObject({ reason: '颜色比直播间看到的深', photoIds: [photo] });
    expect(Date.parse(requested.json.return.respondBy) - Date.parse(requested.json.return.requestedAt)).toBe(
      48 * 3_600_000,
    );

    const refused = await step(world.seller.session, `/api/seller/orders/${orderId}/return/refusal`, {
      reason: '商品已佩戴，吊牌已拆',
    });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.json.order.status).toBe('return_refused');
    expect(refused.json.return.refusalReason).toBe('商品已佩戴，吊牌已拆');

    const escalated = await step(buyer, `/api/orders/${orderId}/return/arbitration`, {
      statement: '吊牌完好，见照片',
      photoIds: [photo],
    });
    expect(escalated.status, escalated.text).toBe(200);
    expect(escalated.json.order.status).toBe('return_arbitration');

    const cases = await call(app, 'GET', '/api/admin/arbitrations', { session: admin });
    const mine = cases.json.cases.find((item: { orderId: string }) => item.orderId === orderId);
    expect(mine).toMatchObject({
      stage: 'refused',
      return: { refusalReason: '商品已佩戴，吊牌已拆', buyerStatement: '吊牌完好，见照片' },
    });
    const decided = await step(admin, `/api/admin/arbitrations/${orderId}/decision`, {
      decideFor: 'buyer',
      reason: '照片显示吊牌完好',
    });
    expect(decided.json).toEqual({ orderId, status: 'return_approved' });

    const shipped = await step(buyer, `/api/orders/${orderId}/return/shipment`, {
      carrier: '顺丰',
      trackingNumber: 'SF9876543210',
    });
    expect(shipped.json.order.status).toBe('return_shipped');
    const received = await step(world.seller.session, `/api/seller/orders/${orderId}/return/receipt`);
    expect(received.status, received.text).toBe(200);
    expect(received.json.order.status).toBe('refunded');
    expect(received.json.payments[0].status).toBe('refunded');
    // A returned piece is not restocked by itself, and the sale no longer counts.
    expect(await listingFacts(database.db, listingId)).toMatchObject({ soldCount: 0 });

    const timeline = (await eventsOf(orderId)).slice(-6);
    expect(timeline.map((event) => [event.toStatus, event.actor, event.cause?.kind ?? null])).toEqual([
      ['return_requested', 'buyer', null],
      ['return_refused', 'seller', null],
      ['return_arbitration', 'buyer', null],
      ['return_approved', 'platform', 'arbitration_for_buyer'],
      ['return_shipped', 'buyer', null],
      ['refunded', 'seller', 'return_received'],
    ]);
    expect(timeline[3]?.note).toBe('照片显示吊牌完好');
  });

  it('damage on receipt goes to arbitration; deciding for the seller lets the sale stand', async () => {
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '不喜欢' });
    expect(
      (await step(world.seller.session, `/api/seller/orders/${orderId}/return/approve`)).json.order.status,
    ).toBe('return_approved');
    await step(buyer, `/api/orders/${orderId}/return/shipment`, {
      carrier: '中通',
      trackingNumber: 'ZT12345678',
    });
    const damaged = await step(world.seller.session, `/api/seller/orders/${orderId}/return/damage`, {
      statement: '镯身有新裂纹',
    });
    expect(damaged.json.order.status).toBe('return_arbitration');
    const cases = (await call(app, 'GET', '/api/admin/arbitrations', { session: admin })).json.cases;
    expect(cases.find((item: { orderId: string }) => item.orderId === orderId)?.stage).toBe('damage');
    const decided = await step(admin, `/api/admin/arbitrations/${orderId}/decision`, {
      decideFor: 'seller',
      reason: '物流签收照片显示裂纹为寄回途中产生，由买家与承运人协商',
    });
    expect(decided.json.status).toBe('completed');
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.payments[0].status).toBe('succeeded');
    expect(detail.json.return.arbitration).toMatchObject({ decidedFor: 'seller' });
  });

  it("a case in arbitration is the platform's: the seller's approval and the buyer's acceptance are 409", async () => {
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '尺寸不合' });
    await step(world.seller.session, `/api/seller/orders/${orderId}/return/approve`);
    await step(buyer, `/api/orders/${orderId}/return/shipment`, {
      carrier: '中通',
      trackingNumber: 'ZT12345680',
    });
    await step(world.seller.session, `/api/seller/orders/${orderId}/return/damage`, { statement: '有划痕' });
    for (const [session, path] of [
      [world.seller.session, `/api/seller/orders/${orderId}/return/approve`],
      [buyer, `/api/orders/${orderId}/return/accept-refusal`],
    ] as const) {
      const refused = await step(session, path);
      expect(refused.status, path).toBe(409);
      expect(refused.json.error.details).toEqual({
        reason: 'return_step_not_open',
        status: 'return_arbitration',
      });
    }
    expect((await eventsOf(orderId)).at(-1)?.toStatus).toBe('return_arbitration');
  });

  it("a return is not refunded through approve-refund (only a refund request is): 409, the return's steps stay", async () => {
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '尺寸不合' });
    await step(world.seller.session, `/api/seller/orders/${orderId}/return/approve`);
    await step(buyer, `/api/orders/${orderId}/return/shipment`, {
      carrier: '中通',
      trackingNumber: 'ZT12345681',
    });
    const refused = await step(world.seller.session, `/api/seller/orders/${orderId}/approve-refund`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details).toMatchObject({
      reason: 'invalid_transition',
      from: 'return_shipped',
      to: 'refunded',
    });
    expect((await eventsOf(orderId)).at(-1)?.toStatus).toBe('return_shipped');
  });

  it('deciding for the buyer after a damage report refunds at once', async () => {
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '尺寸不合' });
    await step(world.seller.session, `/api/seller/orders/${orderId}/return/approve`);
    await step(buyer, `/api/orders/${orderId}/return/shipment`, {
      carrier: '中通',
      trackingNumber: 'ZT12345679',
    });
    await step(world.seller.session, `/api/seller/orders/${orderId}/return/damage`, { statement: '有划痕' });
    const decided = await step(admin, `/api/admin/arbitrations/${orderId}/decision`, {
      decideFor: 'buyer',
      reason: '划痕在发货照片中已存在',
    });
    expect(decided.json.status).toBe('refunded');
  });
});

describe('returns: deadlines', () => {
  it("a seller's 48 hours of silence agree; a refusal after the deadline is refused", async () => {
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '不喜欢' });
    await database.db
      .updateTable('orderReturns')
      .set({ respondBy: new Date(Date.now() - 1000) })
      .where('orderId', '=', orderId)
      .execute();
    const late = await step(world.seller.session, `/api/seller/orders/${orderId}/return/refusal`, {
      reason: '不同意',
    });
    expect(late.status).toBe(409);
    expect(late.json.error.details.reason).toBe('return_answer_overdue');

    const report = await sweepCommerce(sweepDeps(database.db));
    expect(report.returnsAutoApproved).toBeGreaterThanOrEqual(1);
    const events = await eventsOf(orderId);
    expect(events.at(-1)).toMatchObject({
      toStatus: 'return_approved',
      actor: 'system',
      cause: { kind: 'return_auto_approved' },
    });
    // Run again: nothing is approved twice.
    await sweepCommerce(sweepDeps(database.db));
    expect((await eventsOf(orderId)).filter((event) => event.toStatus === 'return_approved')).toHaveLength(1);
  });

  it('a refused buyer who lets 7 days pass: the sale stands', async () => {
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '不喜欢' });
    await step(world.seller.session, `/api/seller/orders/${orderId}/return/refusal`, {
      reason: '已定制刻字',
    });
    const notYet = await sweepCommerce(sweepDeps(database.db));
    expect((await eventsOf(orderId)).at(-1)?.toStatus).toBe('return_refused');
    expect(notYet.ran).toBe(true);
    await sweepCommerce(sweepDeps(database.db), new Date(Date.now() + 8 * 86_400_000));
    expect((await eventsOf(orderId)).at(-1)).toMatchObject({
      toStatus: 'completed',
      cause: { kind: 'return_refusal_lapsed' },
    });
  });

  it('a refusal past its 7 days cannot go to arbitration; a case in arbitration never lapses', async () => {
    const pastDeadline = async (orderId: string) => {
      await database.db
        .updateTable('orderReturns')
        .set({ escalateBy: new Date(Date.now() - 1000) })
        .where('orderId', '=', orderId)
        .execute();
    };
    const late = await delivered();
    await step(buyer, `/api/orders/${late.orderId}/return-request`, { reason: '不喜欢' });
    await step(world.seller.session, `/api/seller/orders/${late.orderId}/return/refusal`, {
      reason: '已刻字',
    });
    await pastDeadline(late.orderId);
    const tooLate = await step(buyer, `/api/orders/${late.orderId}/return/arbitration`, {
      statement: '我要申诉',
    });
    expect(tooLate.status).toBe(409);
    expect(tooLate.json.error.details).toEqual({ reason: 'return_step_not_open', status: 'return_refused' });

    // The buyer escalated in time; the sweep picked the order before that and settles it after.
    const escalated = await delivered();
    await step(buyer, `/api/orders/${escalated.orderId}/return-request`, { reason: '不喜欢' });
    await step(world.seller.session, `/api/seller/orders/${escalated.orderId}/return/refusal`, {
      reason: '已刻字',
    });
    const inTime = await step(buyer, `/api/orders/${escalated.orderId}/return/arbitration`, {
      statement: '我要申诉',
    });
    expect(inTime.status).toBe(200);
    await pastDeadline(escalated.orderId);
    await expect(
      settleOverdueReturn({ db: database.db }, escalated.orderId, 'lapsed', new Date()),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await eventsOf(escalated.orderId)).at(-1)?.toStatus).toBe('return_arbitration');
  });

  it('refused after the 7-day window and for custom-made goods (422, worded reasons)', async () => {
    const late = await delivered();
    await database.db
      .updateTable('orders')
      .set({ deliveredAt: new Date(Date.now() - 8 * 86_400_000) })
      .where('id', '=', late.orderId)
      .execute();
    const tooLate = await step(buyer, `/api/orders/${late.orderId}/return-request`, { reason: '不喜欢' });
    expect(tooLate.status).toBe(422);
    expect(tooLate.json.error.details).toEqual({ reason: 'return_window_closed', days: 7 });

    const custom = await delivered({ customMade: true });
    const refused = await step(buyer, `/api/orders/${custom.orderId}/return-request`, { reason: '不喜欢' });
    expect(refused.status).toBe(422);
    expectErrorShape(refused.json, 'UNPROCESSABLE');
    expect(refused.json.error.details.reason).toBe('custom_made');
    // Nothing half-written: no return row for either.
    const rows = await database.db
      .selectFrom('orderReturns')
      .select('orderId')
      .where('orderId', 'in', [late.orderId, custom.orderId])
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('returns: who may', () => {
  it("another buyer or seller gets 404; hosts may not decide; buyers may not arbitrate; another buyer's photo is refused", async () => {
    const { orderId } = await delivered();
    const strangersPhoto = await uploadAsBuyer(otherBuyer);
    const withForeignPhoto = await step(buyer, `/api/orders/${orderId}/return-request`, {
      reason: '不喜欢',
      photoIds: [strangersPhoto],
    });
    expect(withForeignPhoto.status).toBe(422);
    expect(
      (await step(otherBuyer, `/api/orders/${orderId}/return-request`, { reason: '不喜欢' })).status,
    ).toBe(404);

    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '不喜欢' });
    expect((await step(otherSeller, `/api/seller/orders/${orderId}/return/approve`)).status).toBe(404);
    expect(
      (await step(world.seller.hostSession, `/api/seller/orders/${orderId}/return/approve`)).status,
    ).toBe(403);
    expect(
      (
        await step(buyer, `/api/admin/arbitrations/${orderId}/decision`, {
          decideFor: 'buyer',
          reason: '我赢',
        })
      ).status,
    ).toBe(403);
    const notInArbitration = await step(admin, `/api/admin/arbitrations/${orderId}/decision`, {
      decideFor: 'buyer',
      reason: '尚未仲裁',
    });
    expect(notInArbitration.status, notInArbitration.text).toBe(409);
    expect(notInArbitration.json.error.details.reason).toBe('return_step_not_open');
    expect(
      (
        await step(admin, '/api/admin/arbitrations/00000000-0000-4000-8000-000000000000/decision', {
          decideFor: 'buyer',
          reason: '不存在',
        })
      ).status,
    ).toBe(404);
    // The old refund route no longer refunds a delivered piece before it comes back.
    expect((await step(buyer, `/api/orders/${orderId}/refund-request`, { reason: '退款' })).status).toBe(409);
  });

  it('members cannot upload buyer photos; a refusal needs a reason', async () => {
    const form = new FormData();
    form.set('file', new File([PNG], 'x.png', { type: 'image/png' }));
    const byMember = await app.request('/api/images/buyer', {
      method: 'POST',
      body: form,
      headers: { cookie: world.seller.session.cookie, 'x-csrf-token': world.seller.session.csrfToken },
    });
    expect(byMember.status).toBe(403);
    const { orderId } = await delivered();
    await step(buyer, `/api/orders/${orderId}/return-request`, { reason: '不喜欢' });
    const noReason = await step(world.seller.session, `/api/seller/orders/${orderId}/return/refusal`, {
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expectErrorShape(noReason.json, 'VALIDATION_FAILED');
  });
});
