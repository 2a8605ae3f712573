import { sweepCommerce } from '@jadelive/server/features/orders/sweep';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectErrorShape, type Session, type TestApp } from '../support/app';
import type { CatalogWorld } from '../support/catalog-fixtures';
import {
  buyerSession,
  CHONGQING_ADDRESS,
  idempotencyKey,
  liveSaleWorld,
  liveSessionWithPin,
  publishedListing,
  sweepDeps,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { recordingLivekit } from '../support/recording-livekit';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let otherSeller: Session;
let staff: Session;
let hostUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // A live-sale world: the flash-sale grab below makes an order nobody chose an address for.
  ({ app, world, hostUserId, staff, otherSeller } = await liveSaleWorld(
    database.db,
    recordingLivekit().gateway,
  ));
});

afterAll(async () => {
  await database?.drop();
});

const addAddress = (session: Session, body: object) => call(app, 'POST', '/api/addresses', { session, body });
const book = async (session: Session) =>
  (await call(app, 'GET', '/api/addresses', { session })).json.addresses as {
    id: string;
    isDefault: boolean;
    detail: string;
  }[];
const orderFor = (session: Session, listingId: string, extra: object = {}) =>
  call(app, 'POST', '/api/orders', {
    session,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey(), ...extra },
  });
const pay = async (session: Session, orderId: string) => {
  const payment = await call(app, 'POST', `/api/orders/${orderId}/pay`, { session });
  if (payment.status !== 200) return payment;
  return call(app, 'POST', `/api/payments/sandbox/${payment.json.id}/complete`, {
    session,
    body: { outcome: 'success' },
  });
};
const sellerView = (session: Session, orderId: string) =>
  call(app, 'GET', `/api/seller/orders/${orderId}`, { session });

describe('regions', () => {
  it('serves the mainland tree from the data package, one shape for municipalities and cities without districts', async () => {
    const response = await call(app, 'GET', '/api/regions');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('max-age');
    const provinces = response.json.provinces as {
      code: string;
      name: string;
      cities: { code: string; name: string; districts: { code: string; name: string }[] }[];
    }[];
    expect(provinces.length).toBe(31);
    const chongqing = provinces.find((p) => p.code === '500000');
    expect(chongqing?.cities).toHaveLength(1);
    expect(chongqing?.cities[0]?.districts).toContainEqual({ code: '500103', name: '渝中区' });
    const dongguan = provinces.find((p) => p.code === '440000')?.cities.find((c) => c.code === '441900');
    expect(dongguan).toMatchObject({ name: '东莞市', districts: [] });
    expect(provinces.map((p) => p.name)).not.toContain('香港特别行政区');
  });
});

describe('address book', () => {
  it('adds, lists, edits, moves the default and removes the buyer’s own addresses', async () => {
    const buyer = await buyerSession(database.db);
    expect(await book(buyer)).toEqual([]);
    const first = await addAddress(buyer, { ...CHONGQING_ADDRESS, isDefault: false });
    expect(first.status, first.text).toBe(201);
    // The first address is the default whatever was asked; names come from the region tree.
    expect(first.json).toMatchObject({
      isDefault: true,
      provinceName: '重庆市',
      cityName: '重庆市',
      districtName: '渝中区',
      mobile: '13812345678',
    });
    const second = await addAddress(buyer, {
      recipientName: '李四',
      mobile: '15900001111',
      provinceCode: '440000',
      cityCode: '441900',
      districtCode: null,
      detail: '南城街道鸿福路 1 号',
      isDefault: true,
    });
    expect(second.status, second.text).toBe(201);
    expect(second.json).toMatchObject({ isDefault: true, cityName: '东莞市', districtName: null });
    expect((await book(buyer)).map((a) => [a.id, a.isDefault])).toEqual([
      [second.json.id, true],
      [first.json.id, false],
    ]);

    const edited = await call(app, 'PUT', `/api/addresses/${first.json.id}`, {
      session: buyer,
      body: { ...CHONGQING_ADDRESS, detail: '解放碑八一路 1 号' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ detail: '解放碑八一路 1 号', isDefault: false });
    const defaulted = await call(app, 'POST', `/api/addresses/${first.json.id}/default`, { session: buyer });
    expect(defaulted.json.isDefault).toBe(true);
    expect((await book(buyer)).filter((a) => a.isDefault).map((a) => a.id)).toEqual([first.json.id]);

    const removed = await call(app, 'DELETE', `/api/addresses/${first.json.id}`, { session: buyer });
    expect(removed.status).toBe(200);
    // The default went with it: the remaining address takes over.
    expect((await book(buyer)).map((a) => [a.id, a.isDefault])).toEqual([[second.json.id, true]]);
  });

  it('another buyer’s address is 404, and members of an organisation have no address book', async () => {
    const owner = await buyerSession(database.db);
    const stranger = await buyerSession(database.db);
    const mine = await addAddress(owner, CHONGQING_ADDRESS);
    for (const [method, path, body] of [
      ['PUT', `/api/addresses/${mine.json.id}`, CHONGQING_ADDRESS],
      ['DELETE', `/api/addresses/${mine.json.id}`, undefined],
      ['POST', `/api/addresses/${mine.json.id}/default`, undefined],
    ] as const) {
      const response = await call(app, method, path, { session: stranger, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    expect(await book(stranger)).toEqual([]);
    const seller = await call(app, 'GET', '/api/addresses', { session: world.seller.session });
    expect(seller.status).toBe(403);
    const anonymous = await call(app, 'GET', '/api/addresses');
    expect(anonymous.status).toBe(401);
  });

  it('refuses a malformed mobile, unknown or misplaced region codes and a missing district, naming the field', async () => {
    const buyer = await buyerSession(database.db);
    for (const mobile of ['1381234567', '12812345678', '+8613812345678', '138-1234-5678']) {
      const response = await addAddress(buyer, { ...CHONGQING_ADDRESS, mobile });
      expect(response.status, mobile).toBe(400);
      expectErrorShape(response.json, 'VALIDATION_FAILED');
      expect(response.json.error.details.issues).toEqual([
        expect.objectContaining({ path: 'mobile', code: 'invalid_format' }),
      ]);
    }
    const cases = [
      [{ districtCode: '999999' }, { reason: 'unknown_region', field: 'districtCode', code: '999999' }],
      // A real district of another city.
      [{ districtCode: '110101' }, { reason: 'unknown_region', field: 'districtCode', code: '110101' }],
      [{ cityCode: '440100' }, { reason: 'unknown_region', field: 'cityCode', code: '440100' }],
      [{ provinceCode: '990000' }, { reason: 'unknown_region', field: 'provinceCode', code: '990000' }],
      [
        { provinceCode: '810000', cityCode: '810000' },
        { reason: 'unknown_region', field: 'provinceCode' },
      ],
      [{ districtCode: null }, { reason: 'district_required' }],
    ] as const;
    for (const [change, details] of cases) {
      const response = await addAddress(buyer, { ...CHONGQING_ADDRESS, ...change });
      expect(response.status, JSON.stringify(change)).toBe(422);
      expectErrorShape(response.json, 'UNPROCESSABLE');
      expect(response.json.error.details).toMatchObject(details);
    }
    const codeShape = await addAddress(buyer, { ...CHONGQING_ADDRESS, districtCode: '5001' });
    expect(codeShape.status).toBe(400);
    expect(codeShape.json.error.details.issues[0].path).toBe('districtCode');
    const blankName = await addAddress(buyer, { ...CHONGQING_ADDRESS, recipientName: '  ' });
    expect(blankName.status).toBe(400);
    expect(await book(buyer)).toEqual([]);
  });
});

describe('orders and their shipping address', () => {
  it('keeps a snapshot chosen at checkout: a later edit of the book changes no order', async () => {
    const buyer = await buyerSession(database.db);
    const address = await addAddress(buyer, CHONGQING_ADDRESS);
    const listingId = await publishedListing(app, world);
    const created = await orderFor(buyer, listingId, { addressId: address.json.id });
    expect(created.status, created.text).toBe(201);
    expect(created.json.shippingAddress).toMatchObject({
      recipientName: '王小明',
      detail: CHONGQING_ADDRESS.detail,
      districtName: '渝中区',
      masked: false,
    });
    await call(app, 'PUT', `/api/addresses/${address.json.id}`, {
      session: buyer,
      body: { ...CHONGQING_ADDRESS, recipientName: '王大明', detail: '观音桥步行街 9 号' },
    });
    const paid = await pay(buyer, created.json.id);
    expect(paid.status, paid.text).toBe(200);
    const detail = await call(app, 'GET', `/api/orders/${created.json.id}`, { session: buyer });
    expect(detail.json.order.shippingAddress).toMatchObject({
      recipientName: '王小明',
      detail: CHONGQING_ADDRESS.detail,
    });
    // An address of someone else's book cannot be ordered to.
    const stranger = await buyerSession(database.db);
    const foreign = await orderFor(stranger, listingId, { addressId: address.json.id });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.details).toMatchObject({ field: 'addressId' });
  });

  it('refuses to open a payment without an address, then takes one within the payment window', async () => {
    const buyer = await buyerSession(database.db);
    const listingId = await publishedListing(app, world);
    // As a flash-sale grab or an auction win: the order is made without asking where it goes.
    const created = await orderFor(buyer, listingId);
    expect(created.json.shippingAddress).toBeNull();
    const refused = await call(app, 'POST', `/api/orders/${created.json.id}/pay`, { session: buyer });
    expect(refused.status).toBe(409);
    expectErrorShape(refused.json, 'CONFLICT');
    expect(refused.json.error.details).toEqual({ reason: 'shipping_address_required' });
    expect(await database.db.selectFrom('payments').where('orderId', '=', created.json.id).execute()).toEqual(
      [],
    );

    const address = await addAddress(buyer, CHONGQING_ADDRESS);
    const stranger = await buyerSession(database.db);
    const notYours = await call(app, 'PUT', `/api/orders/${created.json.id}/shipping-address`, {
      session: stranger,
      body: { addressId: address.json.id },
    });
    expect(notYours.status).toBe(404);
    const chosen = await call(app, 'PUT', `/api/orders/${created.json.id}/shipping-address`, {
      session: buyer,
      body: { addressId: address.json.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.json.order.shippingAddress.districtName).toBe('渝中区');
    const paid = await pay(buyer, created.json.id);
    expect(paid.status, paid.text).toBe(200);
    expect(paid.json.order.status).toBe('paid');
    const late = await call(app, 'PUT', `/api/orders/${created.json.id}/shipping-address`, {
      session: buyer,
      body: { addressId: address.json.id },
    });
    expect(late.status).toBe(409);
    expect(late.json.error.details).toEqual({ reason: 'shipping_address_locked', status: 'paid' });
  });

  it('a flash-sale grab is made without an address: its payment waits for one, taken from the book', async () => {
    const buyer = await buyerSession(database.db);
    const listingId = await publishedListing(app, world, { stock: 3 });
    const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, hostUserId);
    const sale = await call(app, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
      session: world.seller.hostSession,
      body: { quantity: 2, priceFen: 999_00, durationSeconds: 600, perBuyerLimit: 1 },
    });
    expect(sale.status, sale.text).toBe(201);
    const grabbed = await call(app, 'POST', `/api/flash-sales/${sale.json.id}/grab`, {
      session: buyer,
      body: { idempotencyKey: idempotencyKey() },
    });
    expect(grabbed.status, grabbed.text).toBe(201);
    expect(grabbed.json.shippingAddress).toBeNull();
    const refused = await call(app, 'POST', `/api/orders/${grabbed.json.id}/pay`, { session: buyer });
    expect(refused.status).toBe(409);
    expect(refused.json.error.details).toEqual({ reason: 'shipping_address_required' });
    const address = await addAddress(buyer, CHONGQING_ADDRESS);
    await call(app, 'PUT', `/api/orders/${grabbed.json.id}/shipping-address`, {
      session: buyer,
      body: { addressId: address.json.id },
    });
    const paid = await pay(buyer, grabbed.json.id);
    expect(paid.status, paid.text).toBe(200);
    expect(paid.json.order).toMatchObject({ status: 'paid', shippingAddress: { districtName: '渝中区' } });
  });

  it('shows the shop the address only once paid: in full to its owner and staff, masked to its host, never to another shop', async () => {
    const buyer = await buyerSession(database.db);
    const address = await addAddress(buyer, CHONGQING_ADDRESS);
    const listingId = await publishedListing(app, world);
    const created = await orderFor(buyer, listingId, { addressId: address.json.id });
    const orderId = created.json.id as string;

    const unpaid = await sellerView(world.seller.session, orderId);
    expect(unpaid.status).toBe(200);
    expect(unpaid.json.order.shippingAddress).toBeNull();

    await pay(buyer, orderId);
    const full = {
      recipientName: '王小明',
      mobile: '13812345678',
      provinceName: '重庆市',
      cityName: '重庆市',
      districtName: '渝中区',
      detail: CHONGQING_ADDRESS.detail,
      masked: false,
    };
    expect((await sellerView(world.seller.session, orderId)).json.order.shippingAddress).toMatchObject(full);
    expect((await sellerView(staff, orderId)).json.order.shippingAddress).toMatchObject(full);

    const hostView = (await sellerView(world.seller.hostSession, orderId)).json.order.shippingAddress;
    expect(hostView).toMatchObject({
      recipientName: '王**',
      mobile: '138****5678',
      districtName: '渝中区',
      detail: null,
      masked: true,
    });
    expect(JSON.stringify(hostView)).not.toContain('13812345678');
    expect(JSON.stringify(hostView)).not.toContain('民族路');
    const hostList = await call(app, 'GET', '/api/seller/orders?status=paid', {
      session: world.seller.hostSession,
    });
    const listed = hostList.json.orders.find((o: { id: string }) => o.id === orderId);
    expect(listed.shippingAddress).toMatchObject({ mobile: '138****5678', detail: null });

    const other = await sellerView(otherSeller, orderId);
    expect(other.status).toBe(404);
    expectErrorShape(other.json, 'NOT_FOUND');

    // The host ships; the answer keeps the address masked.
    const shipped = await call(app, 'POST', `/api/seller/orders/${orderId}/ship`, {
      session: world.seller.hostSession,
      body: { carrier: '顺丰速运', trackingNumber: 'SF1234567890' },
    });
    expect(shipped.status, shipped.text).toBe(200);
    expect(shipped.json.order.shippingAddress.mobile).toBe('138****5678');
  });
});

describe('shipping and receipt', () => {
  async function paidOrder(extra: object = {}) {
    const buyer = await buyerSession(database.db);
    const address = await addAddress(buyer, CHONGQING_ADDRESS);
    const listingId = await publishedListing(app, world);
    const created = await orderFor(buyer, listingId, { addressId: address.json.id, ...extra });
    expect(created.status, created.text).toBe(201);
    const paid = await pay(buyer, created.json.id);
    expect(paid.status, paid.text).toBe(200);
    return { buyer, orderId: created.json.id as string };
  }
  const ship = (orderId: string, body: object = { carrier: '中通快递', trackingNumber: 'ZT7788990011' }) =>
    call(app, 'POST', `/api/seller/orders/${orderId}/ship`, { session: world.seller.session, body });

  it('needs both carrier and tracking number to ship', async () => {
    const { orderId } = await paidOrder();
    const noCarrier = await ship(orderId, { trackingNumber: 'ZT7788990011' });
    expect(noCarrier.status).toBe(400);
    expect(noCarrier.json.error.details.issues[0].path).toBe('carrier');
    const noTracking = await ship(orderId, { carrier: '中通快递' });
    expect(noTracking.status).toBe(400);
    expect(noTracking.json.error.details.issues[0].path).toBe('trackingNumber');
    const shipped = await ship(orderId);
    expect(shipped.json.order).toMatchObject({
      status: 'shipped',
      carrier: '中通快递',
      trackingNumber: 'ZT7788990011',
    });
  });

  it('confirms receipt by itself once the configured days since shipping have passed', async () => {
    const { buyer, orderId } = await paidOrder();
    await ship(orderId);
    const days = 3;
    const deps = {
      ...sweepDeps(database.db),
      config: { ...sweepDeps(database.db).config, commerce: { receiptAutoConfirmDays: days } },
    };
    const early = await sweepCommerce(deps, new Date(Date.now() + (days * 24 - 1) * 3_600_000));
    expect(early.ran).toBe(true);
    expect((await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer })).json.order.status).toBe(
      'shipped',
    );
    const due = await sweepCommerce(deps, new Date(Date.now() + days * 86_400_000 + 60_000));
    expect(due.receiptsConfirmed).toBeGreaterThanOrEqual(1);
    const detail = await call(app, 'GET', `/api/orders/${orderId}`, { session: buyer });
    expect(detail.json.order.status).toBe('delivered');
    expect(detail.json.order.returnWindowEndsAt).not.toBeNull();
    expect(detail.json.events.at(-1)).toMatchObject({
      fromStatus: 'shipped',
      toStatus: 'delivered',
      actor: 'system',
      cause: { kind: 'receipt_auto_confirmed' },
    });
  });

  it('defaults to 10 days: an order shipped 10 days ago (backdated) is confirmed, one of 9 days is not', async () => {
    const old = await paidOrder();
    const recent = await paidOrder();
    await ship(old.orderId);
    await ship(recent.orderId);
    const backdate = (orderId: string, days: number) =>
      database.db
        .updateTable('orders')
        .set({ shippedAt: new Date(Date.now() - days * 86_400_000) })
        .where('id', '=', orderId)
        .execute();
    await backdate(old.orderId, 10.01);
    await backdate(recent.orderId, 9);
    await sweepCommerce(sweepDeps(database.db));
    const status = async (o: { buyer: Session; orderId: string }) =>
      (await call(app, 'GET', `/api/orders/${o.orderId}`, { session: o.buyer })).json.order.status;
    expect(await status(old)).toBe('delivered');
    expect(await status(recent)).toBe('shipped');
  });

  it('still holds a paid order whose buyer asked for inspection until the lab’s result', async () => {
    const { orderId } = await paidOrder({ inspection: true });
    const blocked = await ship(orderId);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.details).toMatchObject({ reason: 'inspection_pending' });
  });
});
