import { createMigrator, migrateToLatest } from '@jadelive/server/db/migrate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld } from '../support/catalog-fixtures';
import { publishedListing } from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer } from '../support/fixtures';

// The migration that turned the system's sentences about an order into kinds: the refund reason
// the inspection wrote and the notes of the system's moves. What it makes of the rows the server
// used to write, that a buyer's words stay theirs, and that `down` gives the sentences back.
const BEFORE = '2026-11-30T12-listing-status-reason';
// What this migration made of the rows (later migrations move other sentences: see migration 15's test).
const AFTER = '2026-11-30T13-order-refund-reason';
const MISMATCH = '就地检验结果（翡翠（处理）手镯）与证书 NGTC-1A2B3C4D（翡翠（A货）手镯）不符';
const MISMATCH_FACTS = {
  identification: '翡翠（处理）手镯',
  certificateNumber: 'NGTC-1A2B3C4D',
  certificateIdentification: '翡翠（A货）手镯',
};

let database: TestDatabase;
let world: CatalogWorld;
let listing: { id: string; certificateId: string };
let buyerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  const listingId = await publishedListing(app, world, { stock: 10 });
  const row = await database.db
    .selectFrom('listings')
    .select(['id', 'certificateId'])
    .where('id', '=', listingId)
    .executeTakeFirstOrThrow();
  listing = { id: row.id, certificateId: row.certificateId as string };
  buyerId = (await createBuyer(database.db)).id;
});
afterAll(() => database.drop());

async function migrateTo(name: string) {
  const { error } = await createMigrator(database.db).migrateTo(name);
  if (error) throw error;
}

type OldEvent = { to: string; actor: string; note: string | null };

/** An order and its history as the server wrote them before the migration. */
async function insertOldOrder(status: string, refundReason: string | null, events: OldEvent[]) {
  const { rows } = await sql<{ id: string }>`
    insert into orders (buyer_user_id, seller_org_id, listing_id, quantity, unit_price_fen, total_fen,
                        custom_made, status, payment_due_at, refund_reason)
    values (${buyerId}, ${world.seller.orgId}, ${listing.id}, 1, 128800, 128800, false, ${status},
            now(), ${refundReason})
    returning id`.execute(database.db);
  const orderId = rows[0]?.id ?? '';
  let from: string | null = null;
  for (const event of events) {
    await sql`
      insert into order_events (order_id, from_status, to_status, actor, note)
      values (${orderId}, ${from}, ${event.to}, ${event.actor}, ${event.note})`.execute(database.db);
    from = event.to;
  }
  return orderId;
}

/** The lab's recorded mismatch for an order, as the inspection feature writes it. */
async function insertMismatchedInspection(orderId: string) {
  await sql`
    insert into order_inspections (order_id, buyer_user_id, seller_org_id, listing_id, lab_org_id,
      lab_chosen_by, certificate_id, certificate_number, certificate_identification, status,
      result_identification, result_note, result_recorded_at, settled_at)
    values (${orderId}, ${buyerId}, ${world.seller.orgId}, ${listing.id}, ${world.lab.orgId},
      'certificate', ${listing.certificateId}, ${MISMATCH_FACTS.certificateNumber},
      ${MISMATCH_FACTS.certificateIdentification}, 'mismatched', ${MISMATCH_FACTS.identification},
      '红外光谱见树脂充填', now(), now())`.execute(database.db);
}

async function orderColumns(id: string) {
  const { rows } = await sql<{ reason: string | null; kind: string | null; details: unknown }>`
    select refund_reason as reason, refund_cause_kind as kind, refund_cause_details as details
    from orders where id = ${id}`.execute(database.db);
  return rows[0];
}

async function eventColumns(orderId: string) {
  const { rows } = await sql<{ cause: string | null; note: string | null }>`
    select cause, note from order_events where order_id = ${orderId} order by id`.execute(database.db);
  return rows;
}

async function oldOrder(orderId: string) {
  const order = await sql<{ reason: string | null }>`
    select refund_reason as reason from orders where id = ${orderId}`.execute(database.db);
  const events = await sql<{ note: string | null }>`
    select note from order_events where order_id = ${orderId} order by id`.execute(database.db);
  return { reason: order.rows[0]?.reason ?? null, notes: events.rows.map((row) => row.note) };
}

describe('order refund reason migration', () => {
  it('moves the system’s sentences to kinds, keeps buyers’ words, and down writes them back', async () => {
    await migrateTo(BEFORE);
    const placed = { to: 'pending_payment', actor: 'buyer', note: null };
    const paid = { to: 'paid', actor: 'payment', note: 'sandbox payment 0b5e6c1e' };
    const cases = [
      {
        name: 'a paid order refunded after a mismatch',
        status: 'refunded',
        reason: MISMATCH,
        inspected: true,
        events: [
          placed,
          paid,
          { to: 'refund_requested', actor: 'system', note: MISMATCH },
          { to: 'refunded', actor: 'system', note: 'refunded after the inspection mismatch' },
        ],
        after: {
          order: { reason: null, kind: 'inspection_mismatch', details: MISMATCH_FACTS },
          events: [
            { cause: null, note: null },
            { cause: null, note: 'sandbox payment 0b5e6c1e' },
            { cause: 'inspection_mismatch', note: null },
            { cause: 'inspection_mismatch', note: null },
          ],
        },
      },
      {
        name: 'an unpaid order cancelled by a mismatch',
        status: 'cancelled',
        reason: null,
        inspected: true,
        events: [placed, { to: 'cancelled', actor: 'system', note: MISMATCH }],
        after: {
          order: { reason: null, kind: null, details: null },
          events: [
            { cause: null, note: null },
            { cause: 'inspection_mismatch', note: null },
          ],
        },
      },
      {
        name: 'a buyer’s refund, approved',
        status: 'refunded',
        reason: '圈口不合适',
        inspected: false,
        events: [
          placed,
          paid,
          { to: 'refund_requested', actor: 'buyer', note: '圈口不合适' },
          { to: 'refunded', actor: 'seller', note: 'refund approved' },
        ],
        after: {
          order: { reason: '圈口不合适', kind: 'buyer', details: null },
          events: [
            { cause: null, note: null },
            { cause: null, note: 'sandbox payment 0b5e6c1e' },
            { cause: null, note: '圈口不合适' },
            { cause: null, note: 'refund approved' },
          ],
        },
      },
      {
        // Words like the system's, typed by a buyer whose order no lab found wrong, stay the buyer's.
        name: 'a buyer who typed the system’s words',
        status: 'refund_requested',
        reason: MISMATCH,
        inspected: false,
        events: [placed, paid, { to: 'refund_requested', actor: 'buyer', note: 'payment timed out' }],
        after: {
          order: { reason: MISMATCH, kind: 'buyer', details: null },
          events: [
            { cause: null, note: null },
            { cause: null, note: 'sandbox payment 0b5e6c1e' },
            { cause: null, note: 'payment timed out' },
          ],
        },
      },
      {
        name: 'an unpaid order the sweep cancelled',
        status: 'cancelled',
        reason: null,
        inspected: false,
        events: [placed, { to: 'cancelled', actor: 'system', note: 'payment timed out' }],
        after: {
          order: { reason: null, kind: null, details: null },
          events: [
            { cause: null, note: null },
            { cause: 'payment_timed_out', note: null },
          ],
        },
      },
      {
        name: 'an order completed when its return window closed',
        status: 'completed',
        reason: null,
        inspected: false,
        events: [
          placed,
          paid,
          { to: 'shipped', actor: 'seller', note: '顺丰速运 SF1400000001' },
          { to: 'delivered', actor: 'buyer', note: null },
          { to: 'completed', actor: 'system', note: 'return window closed' },
        ],
        after: {
          order: { reason: null, kind: null, details: null },
          events: [
            { cause: null, note: null },
            { cause: null, note: 'sandbox payment 0b5e6c1e' },
            { cause: null, note: '顺丰速运 SF1400000001' },
            { cause: null, note: null },
            { cause: 'return_window_closed', note: null },
          ],
        },
      },
    ];
    const ids = new Map<string, (typeof cases)[number]>();
    for (const entry of cases) {
      const id = await insertOldOrder(entry.status, entry.reason, entry.events);
      if (entry.inspected) await insertMismatchedInspection(id);
      ids.set(id, entry);
    }

    const expectMigrated = async () => {
      for (const [id, entry] of ids) {
        expect(await orderColumns(id), entry.name).toEqual(entry.after.order);
        expect(await eventColumns(id), entry.name).toEqual(entry.after.events);
      }
    };
    await migrateTo(AFTER);
    await expectMigrated();

    await migrateTo(BEFORE);
    for (const [id, entry] of ids) {
      expect(await oldOrder(id), entry.name).toEqual({
        reason: entry.reason,
        notes: entry.events.map((event) => event.note),
      });
    }

    await migrateTo(AFTER);
    await expectMigrated();
    await migrateToLatest(database.db);
  });

  it('refuses a cause without its words or facts, words or facts without their cause, and unknown kinds', async () => {
    const orderId = await insertOldOrder('refund_requested', null, []);
    const facts = JSON.stringify(MISMATCH_FACTS);
    for (const values of [
      { refundCauseKind: 'seller', refundReason: null, refundCauseDetails: facts },
      { refundCauseKind: 'buyer', refundReason: null, refundCauseDetails: null },
      { refundCauseKind: null, refundReason: '不想要了', refundCauseDetails: null },
      { refundCauseKind: 'buyer', refundReason: '不想要了', refundCauseDetails: facts },
      { refundCauseKind: 'inspection_mismatch', refundReason: null, refundCauseDetails: null },
      { refundCauseKind: 'inspection_mismatch', refundReason: MISMATCH, refundCauseDetails: facts },
      { refundCauseKind: 'inspection_mismatch', refundReason: null, refundCauseDetails: '["x"]' },
      { refundCauseKind: null, refundReason: null, refundCauseDetails: facts },
    ]) {
      await expect(
        database.db.updateTable('orders').set(values).where('id', '=', orderId).execute(),
        JSON.stringify(values),
      ).rejects.toThrow(/check constraint/);
    }
    await database.db
      .updateTable('orders')
      .set({ refundCauseKind: 'inspection_mismatch', refundReason: null, refundCauseDetails: facts })
      .where('id', '=', orderId)
      .execute();
    expect(await orderColumns(orderId)).toEqual({
      reason: null,
      kind: 'inspection_mismatch',
      details: MISMATCH_FACTS,
    });
    await expect(
      sql`insert into order_events (order_id, to_status, actor, cause)
          values (${orderId}, 'cancelled', 'system', 'price_too_low')`.execute(database.db),
    ).rejects.toThrow(/check constraint/);
  });
});
