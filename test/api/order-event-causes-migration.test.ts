import { randomUUID } from 'node:crypto';
import { createMigrator, migrateToLatest } from '@jadelive/server/db/migrate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import { liveSessionWithPin, publishedListing } from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer } from '../support/fixtures';

// The migration that turned the rest of the server's sentences in order histories into causes:
// the buyer's cancellation, the payment, the shipment, the seller's refund, the auction's hammer
// and the flash-sale grab (whose SQL function it replaces). Only what the server wrote moves over,
// the facts come from where they live, a person's words stay notes, and `down` gives the sentences
// (and the function) back.
const BEFORE = '2026-11-30T14-auction-max-bids';
const HAMMER_FEN = 990_00;
const OTHER_AUCTION = randomUUID();

let database: TestDatabase;
let world: CatalogWorld;
let listingId: string;
let buyerId: string;
let auctionId: string;
let flashSaleId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  listingId = await publishedListing(app, world, { stock: 20 });
  buyerId = (await createBuyer(database.db)).id;
  const sellerUserId = world.seller.session.userId;
  const sessionId = await liveSessionWithPin(database.db, world.seller.orgId, listingId, sellerUserId);
  const auction = await sql<{ id: string }>`
    insert into auctions (session_id, seller_org_id, listing_id, start_price_fen, ladder, anti_snipe_seconds,
      anti_snipe_extension_seconds, starts_at, planned_ends_at, ends_at, current_price_fen, leader_user_id,
      closed_at, outcome, hammer_price_fen, created_by)
    values (${sessionId}, ${world.seller.orgId}, ${listingId}, 10000, '[]'::jsonb, 30, 30,
      now() - interval '1 hour', now() - interval '1 minute', now() - interval '1 minute', ${HAMMER_FEN},
      ${buyerId}, now(), 'sold', ${HAMMER_FEN}, ${sellerUserId})
    returning id`.execute(database.db);
  auctionId = auction.rows[0]?.id ?? '';
  const sale = await sql<{ id: string }>`
    insert into flash_sales (session_id, seller_org_id, listing_id, quantity, remaining, price_fen,
      per_buyer_limit, starts_at, ends_at, created_by)
    values (${sessionId}, ${world.seller.orgId}, ${listingId}, 5, 5, 69900, 5,
      now() - interval '1 minute', now() + interval '1 hour', ${sellerUserId})
    returning id`.execute(database.db);
  flashSaleId = sale.rows[0]?.id ?? '';
});
afterAll(() => database.drop());

async function migrateTo(name: string) {
  const { error } = await createMigrator(database.db).migrateTo(name);
  if (error) throw error;
}

type OldEvent = { to: string; actor: string; note: string | null };
interface OldOrder {
  status: string;
  tracking?: { number: string; carrier: string | null };
  refundReason?: string;
  auction?: boolean;
  flashSale?: boolean;
  /** The sandbox payment that took the money; the events are written knowing its id. */
  payment?: 'succeeded' | 'refunded';
}

/** An order, its payment and its history as the server wrote them before the migration. */
async function insertOldOrder(order: OldOrder, events: (paymentId: string | null) => OldEvent[]) {
  const { rows } = await sql<{ id: string }>`
    insert into orders (buyer_user_id, seller_org_id, listing_id, quantity, unit_price_fen, total_fen,
                        custom_made, status, payment_due_at, tracking_number, carrier, refund_reason,
                        refund_cause_kind, auction_id, flash_sale_id)
    values (${buyerId}, ${world.seller.orgId}, ${listingId}, 1, ${HAMMER_FEN}, ${HAMMER_FEN}, false,
            ${order.status}, now(), ${order.tracking?.number ?? null}, ${order.tracking?.carrier ?? null},
            ${order.refundReason ?? null}, ${order.refundReason ? 'buyer' : null},
            ${order.auction ? auctionId : null}, ${order.flashSale ? flashSaleId : null})
    returning id`.execute(database.db);
  const orderId = rows[0]?.id ?? '';
  let paymentId: string | null = null;
  if (order.payment) {
    const payment = await sql<{ id: string }>`
      insert into payments (order_id, provider, status, amount_fen, completed_at)
      values (${orderId}, 'sandbox', ${order.payment}, ${HAMMER_FEN}, now())
      returning id`.execute(database.db);
    paymentId = payment.rows[0]?.id ?? null;
  }
  const written = events(paymentId);
  let from: string | null = null;
  for (const event of written) {
    await sql`
      insert into order_events (order_id, from_status, to_status, actor, note)
      values (${orderId}, ${from}, ${event.to}, ${event.actor}, ${event.note})`.execute(database.db);
    from = event.to;
  }
  return { orderId, notes: written.map((event) => event.note) };
}

async function eventColumns(orderId: string) {
  const { rows } = await sql<{ cause: string | null; details: unknown; note: string | null }>`
    select cause, cause_details as details, note from order_events where order_id = ${orderId}
    order by id`.execute(database.db);
  return rows;
}

async function notesOf(orderId: string) {
  const { rows } = await sql<{ note: string | null }>`
    select note from order_events where order_id = ${orderId} order by id`.execute(database.db);
  return rows.map((row) => row.note);
}

/** One grab through the batch function, as the API calls it; answers the new order's opening event. */
async function grabThroughFunction() {
  const orderId = randomUUID();
  const requests = [
    { buyer: buyerId, scope: `buyer:${buyerId}`, key: randomUUID(), fingerprint: 'f', orderId },
  ];
  const { rows } = await sql<{ outcome: string }>`
    select outcome from jl_flash_grab_batch(${flashSaleId}, ${JSON.stringify(requests)}::jsonb, 5)`.execute(
    database.db,
  );
  expect(rows.map((row) => row.outcome)).toEqual(['created']);
  const event = await sql<Record<string, unknown>>`
    select from_status, to_status, actor, actor_user_id, note from order_events
    where order_id = ${orderId}`.execute(database.db);
  return { orderId, events: event.rows };
}

const placed = { to: 'pending_payment', actor: 'buyer', note: null };
const none = { cause: null, details: null, note: null };
const cause = (kind: string, details: unknown = null) => ({ cause: kind, details, note: null });
const note = (text: string) => ({ cause: null, details: null, note: text });

describe('order event causes migration', () => {
  it('moves the server’s sentences to causes, keeps people’s words, and down writes them back', async () => {
    await migrateTo(BEFORE);
    const cases: {
      name: string;
      order: OldOrder;
      events: (paymentId: string | null) => OldEvent[];
      after: unknown[];
    }[] = [];
    const add = (
      name: string,
      order: OldOrder,
      events: (paymentId: string | null) => OldEvent[],
      after: unknown[],
    ) => cases.push({ name, order, events, after });

    add(
      'an unpaid order the buyer cancelled',
      { status: 'cancelled' },
      () => [placed, { to: 'cancelled', actor: 'buyer', note: 'cancelled by the buyer' }],
      [none, cause('buyer_cancelled')],
    );
    add(
      'a paid, shipped, delivered order the buyer returned and the seller refunded',
      {
        status: 'refunded',
        payment: 'refunded',
        tracking: { number: 'SF1400000001', carrier: '顺丰速运' },
        refundReason: '圈口不合适',
      },
      (paymentId) => [
        placed,
        { to: 'paid', actor: 'payment', note: `sandbox payment ${paymentId}` },
        { to: 'shipped', actor: 'seller', note: '顺丰速运 SF1400000001' },
        { to: 'delivered', actor: 'buyer', note: null },
        { to: 'refund_requested', actor: 'buyer', note: '圈口不合适' },
        { to: 'refunded', actor: 'seller', note: 'refund approved' },
      ],
      [none, cause('payment_received'), cause('shipped'), none, note('圈口不合适'), cause('refund_approved')],
    );
    add(
      'an order shipped without a carrier',
      { status: 'shipped', payment: 'succeeded', tracking: { number: 'YT9876543210', carrier: null } },
      (paymentId) => [
        placed,
        { to: 'paid', actor: 'payment', note: `sandbox payment ${paymentId}` },
        { to: 'shipped', actor: 'seller', note: 'tracking YT9876543210' },
      ],
      [none, cause('payment_received'), cause('shipped')],
    );
    add(
      'the order an auction’s hammer made',
      { status: 'pending_payment', auction: true },
      () => [
        { to: 'pending_payment', actor: 'system', note: `auction ${auctionId} hammer at ${HAMMER_FEN} fen` },
      ],
      [cause('auction_won', { hammerPriceFen: HAMMER_FEN })],
    );
    add(
      'a flash-sale grab',
      { status: 'pending_payment', flashSale: true },
      () => [{ to: 'pending_payment', actor: 'buyer', note: 'flash sale grab' }],
      [cause('flash_sale_grab')],
    );
    // Look-alikes: sentences that do not match the facts they name, or that a person typed.
    add(
      'a payment note naming no payment of the order, a shipment note that is not the order’s tracking',
      { status: 'shipped', payment: 'succeeded', tracking: { number: 'SF1400000009', carrier: '顺丰速运' } },
      () => [
        placed,
        { to: 'paid', actor: 'payment', note: 'sandbox payment 0b5e6c1e' },
        { to: 'shipped', actor: 'seller', note: '中通快递 ZT7300000002' },
      ],
      [none, note('sandbox payment 0b5e6c1e'), note('中通快递 ZT7300000002')],
    );
    add(
      'a buyer who typed the server’s words',
      { status: 'refund_requested', payment: 'succeeded', refundReason: 'refund approved' },
      (paymentId) => [
        placed,
        { to: 'paid', actor: 'payment', note: `sandbox payment ${paymentId}` },
        { to: 'refund_requested', actor: 'buyer', note: 'refund approved' },
      ],
      [none, cause('payment_received'), note('refund approved')],
    );
    add(
      'a hammer sentence naming another auction, a grab sentence on an order of no sale',
      { status: 'pending_payment' },
      () => [
        { to: 'pending_payment', actor: 'system', note: `auction ${OTHER_AUCTION} hammer at 100 fen` },
        { to: 'pending_payment', actor: 'buyer', note: 'flash sale grab' },
      ],
      [note(`auction ${OTHER_AUCTION} hammer at 100 fen`), note('flash sale grab')],
    );

    const written: { entry: (typeof cases)[number]; orderId: string; notes: (string | null)[] }[] = [];
    for (const entry of cases) written.push({ entry, ...(await insertOldOrder(entry.order, entry.events)) });
    // The function as migration 06 wrote it: a sentence.
    const oldGrab = await grabThroughFunction();
    expect(oldGrab.events).toEqual([
      {
        fromStatus: null,
        toStatus: 'pending_payment',
        actor: 'buyer',
        actorUserId: buyerId,
        note: 'flash sale grab',
      },
    ]);

    const expectMigrated = async () => {
      for (const { entry, orderId } of written)
        expect(await eventColumns(orderId), entry.name).toEqual(entry.after);
      expect(await eventColumns(oldGrab.orderId)).toEqual([cause('flash_sale_grab')]);
    };
    await migrateToLatest(database.db);
    await expectMigrated();
    // The replaced function writes the kind; everything else it did is unchanged.
    const newGrab = await grabThroughFunction();
    expect(newGrab.events).toEqual([{ ...oldGrab.events[0], note: null }]);
    expect(await eventColumns(newGrab.orderId)).toEqual([cause('flash_sale_grab')]);

    await migrateTo(BEFORE);
    for (const { entry, orderId, notes } of written)
      expect(await notesOf(orderId), entry.name).toEqual(notes);
    expect(await notesOf(oldGrab.orderId)).toEqual(['flash sale grab']);
    expect(await notesOf(newGrab.orderId)).toEqual(['flash sale grab']);
    expect((await grabThroughFunction()).events).toEqual(oldGrab.events);

    await migrateToLatest(database.db);
    await expectMigrated();
  });

  it('refuses facts without the kind that has them, a kind without its facts, and unknown kinds', async () => {
    const { orderId } = await insertOldOrder({ status: 'pending_payment' }, () => []);
    const insert = (kind: string | null, details: string | null) =>
      sql`insert into order_events (order_id, to_status, actor, cause, cause_details)
          values (${orderId}, 'pending_payment', 'system', ${kind}, ${details}::jsonb)`.execute(database.db);
    const facts = JSON.stringify({ hammerPriceFen: HAMMER_FEN });
    for (const [kind, details] of [
      ['auction_won', null],
      ['shipped', facts],
      [null, facts],
      ['auction_won', '[1]'],
      ['auction_lost', null],
    ] as const) {
      await expect(insert(kind, details), `${kind} ${details}`).rejects.toThrow(/check constraint/);
    }
    await insert('auction_won', facts);
    await insert('flash_sale_grab', null);
    expect(await eventColumns(orderId)).toEqual([
      cause('auction_won', { hammerPriceFen: HAMMER_FEN }),
      cause('flash_sale_grab'),
    ]);
  });
});
