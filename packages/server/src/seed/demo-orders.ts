import { randomUUID } from 'node:crypto';
import type { OrderEventCauseKind, OrderStatus } from '@jadelive/shared';
import { snapshotOf } from '../features/addresses/service';
import { DEFAULT_COMMERCE_CONFIG } from '../features/orders/config';
import { recordDeal } from '../features/orders/deal';
import type { Tx } from '../features/orders/holds';
import { holdForOrder } from '../features/orders/stock';
import { ApiError } from '../http/errors';

const BUYER_EMAIL = 'buyer@jadelive.test';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One demo order: which piece, how far along, and how long ago it was placed. */
interface DemoOrder {
  sellerSlug: string;
  title: string;
  status: Extract<OrderStatus, 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'completed'>;
  placedAgoMs: number;
  tracking?: { carrier: string; number: string };
}

const DEMO_ORDERS: DemoOrder[] = [
  {
    sellerSlug: 'guoyuan-gold-works',
    title: '千足金小金珠',
    status: 'completed',
    placedAgoMs: 14 * DAY_MS,
    tracking: { carrier: '顺丰速运', number: 'SF1400000001' },
  },
  {
    sellerSlug: 'yuzhong-pearl-house',
    title: '淡水珍珠手链 巴洛克',
    status: 'delivered',
    placedAgoMs: 4 * DAY_MS,
    tracking: { carrier: '中通快递', number: 'ZT7300000002' },
  },
  {
    sellerSlug: 'guoyuan-gold-works',
    title: '足银手链 925',
    status: 'shipped',
    placedAgoMs: 2 * DAY_MS,
    tracking: { carrier: '顺丰速运', number: 'SF1400000003' },
  },
  { sellerSlug: 'jiefangbei-cuiyuxuan', title: '和田玉青白玉手串', status: 'paid', placedAgoMs: 3 * HOUR_MS },
  {
    sellerSlug: 'jiefangbei-cuiyuxuan',
    title: '和田玉青白玉手串',
    status: 'pending_payment',
    placedAgoMs: 0,
  },
];

/**
 * The steps after placing an order, in order, each this long after the previous one, with the
 * cause the real flow records for it.
 */
const STEPS: {
  to: OrderStatus;
  after: number;
  actor: 'payment' | 'seller' | 'buyer' | 'system';
  /** Only kinds without facts: the seed writes the kind alone. */
  cause: Extract<OrderEventCauseKind, 'payment_received' | 'shipped' | 'return_window_closed'> | null;
}[] = [
  { to: 'paid', after: 10 * 60_000, actor: 'payment', cause: 'payment_received' },
  { to: 'shipped', after: 20 * HOUR_MS, actor: 'seller', cause: 'shipped' },
  { to: 'delivered', after: 2 * DAY_MS, actor: 'buyer', cause: null },
  { to: 'completed', after: 7 * DAY_MS, actor: 'system', cause: 'return_window_closed' },
];

/**
 * A few orders of the demo buyer in different states (paid and awaiting shipment, shipped,
 * delivered within the return window, completed, and one awaiting payment), so the buyer's and
 * the sellers' order pages have something to show. Pieces are held, payments and deals are
 * recorded and every status change has its event, as the real flow would leave them.
 * Idempotent: nothing is added once the demo buyer has orders.
 */
export async function seedDemoOrders(trx: Tx): Promise<void> {
  const buyer = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', BUYER_EMAIL)
    .executeTakeFirst();
  if (!buyer) return;
  const existing = await trx
    .selectFrom('orders')
    .select('id')
    .where('buyerUserId', '=', buyer.id)
    .limit(1)
    .execute();
  if (existing.length > 0) return;
  for (const demo of DEMO_ORDERS) await placeDemoOrder(trx, buyer.id, demo);
}

async function placeDemoOrder(trx: Tx, buyerUserId: string, demo: DemoOrder) {
  const listing = await trx
    .selectFrom('listings')
    .innerJoin('organizations', 'organizations.id', 'listings.sellerOrgId')
    .select('listings.id')
    .where('organizations.slug', '=', demo.sellerSlug)
    .where('listings.title', '=', demo.title)
    .executeTakeFirst();
  if (!listing) return;
  const orderId = randomUUID();
  // The order holds its piece in the ledger like a real one (and is sold below once paid).
  const taken = await holdForOrder(trx, { id: orderId, listingId: listing.id, quantity: 1 }).catch(
    (error: unknown) => {
      if (error instanceof ApiError) return null;
      throw error;
    },
  );
  if (!taken) return;

  const placedAt = new Date(Date.now() - demo.placedAgoMs);
  const reached = STEPS.slice(0, STEPS.findIndex((step) => step.to === demo.status) + 1);
  let at = placedAt.getTime();
  const stamps = reached.map((step) => {
    at += step.after;
    return { ...step, at: new Date(at) };
  });
  const stampOf = (status: OrderStatus) => stamps.find((stamp) => stamp.to === status)?.at ?? null;
  const timeoutMs = DEFAULT_COMMERCE_CONFIG.paymentTimeoutMinutes * 60_000;

  // Paid and later orders ship to the buyer's default address, as chosen before paying.
  const address = stampOf('paid') ? await defaultAddressOf(trx, buyerUserId) : undefined;
  const order = await trx
    .insertInto('orders')
    .values({
      id: orderId,
      buyerUserId,
      sellerOrgId: taken.sellerOrgId,
      listingId: taken.id,
      quantity: 1,
      unitPriceFen: taken.priceFen,
      totalFen: taken.priceFen,
      customMade: taken.customMade,
      status: demo.status,
      paymentDueAt: new Date(placedAt.getTime() + timeoutMs),
      trackingNumber: stampOf('shipped') ? (demo.tracking?.number ?? null) : null,
      carrier: stampOf('shipped') ? (demo.tracking?.carrier ?? null) : null,
      createdAt: placedAt,
      updatedAt: stamps.at(-1)?.at ?? placedAt,
      paidAt: stampOf('paid'),
      shippedAt: stampOf('shipped'),
      deliveredAt: stampOf('delivered'),
      completedAt: stampOf('completed'),
      shippingAddress: address ? JSON.stringify(snapshotOf(address)) : null,
    })
    .returning(['id', 'listingId', 'unitPriceFen', 'quantity', 'totalFen'])
    .executeTakeFirstOrThrow();

  // The events carry the demo's history, not the seeding moment.
  let from: OrderStatus | null = null;
  const placed = { to: 'pending_payment' as OrderStatus, actor: 'buyer' as const, cause: null, at: placedAt };
  const events = [placed, ...stamps];
  await trx
    .insertInto('orderEvents')
    .values(
      events.map((event) => {
        const row = {
          orderId: order.id,
          fromStatus: from,
          toStatus: event.to,
          actor: event.actor,
          actorUserId: event.actor === 'buyer' ? buyerUserId : null,
          // None of these causes has facts; the tracking is the order's own.
          cause: event.cause,
          note: null,
          occurredAt: event.at,
        };
        from = event.to;
        return row;
      }),
    )
    .execute();

  const paidAt = stampOf('paid');
  if (!paidAt) return;
  const payment = await trx
    .insertInto('payments')
    .values({
      orderId: order.id,
      provider: 'sandbox',
      status: 'succeeded',
      amountFen: order.totalFen,
      createdAt: new Date(paidAt.getTime() - 60_000),
      completedAt: paidAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('payments')
    .set({ providerRef: `sbx_${payment.id}`, payUrl: `/api/payments/sandbox/${payment.id}/complete` })
    .where('id', '=', payment.id)
    .execute();
  await recordDeal(trx, order);
}

function defaultAddressOf(trx: Tx, buyerUserId: string) {
  return trx
    .selectFrom('buyerAddresses')
    .selectAll()
    .where('userId', '=', buyerUserId)
    .where('isDefault', '=', true)
    .executeTakeFirst();
}
