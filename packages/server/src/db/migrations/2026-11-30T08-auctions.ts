import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // A live auction (拍卖) of one piece reserved from its listing. Every bid locks this row, so the
  // row decides the order of bids; `ends_at` moves later with anti-sniping.
  await db.schema
    .createTable('auctions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (col) => col.notNull().references('live_sessions.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('start_price_fen', 'bigint', (col) => col.notNull().check(sql`start_price_fen > 0`))
    .addColumn('ladder', 'jsonb', (col) => col.notNull())
    .addColumn('reserve_price_fen', 'bigint', (col) => col.check(sql`reserve_price_fen > 0`))
    .addColumn('deposit_fen', 'bigint', (col) => col.check(sql`deposit_fen > 0`))
    .addColumn('anti_snipe_seconds', 'integer', (col) => col.notNull().check(sql`anti_snipe_seconds >= 0`))
    .addColumn('anti_snipe_extension_seconds', 'integer', (col) =>
      col.notNull().check(sql`anti_snipe_extension_seconds > 0`),
    )
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('planned_ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('current_price_fen', 'bigint')
    .addColumn('leader_user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('bid_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('sold', 'unsold', 'cancelled')`))
    .addColumn('hammer_price_fen', 'bigint')
    .addColumn('winner_order_id', 'uuid', (col) => col.references('orders.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('auctions_window', sql`ends_at > starts_at and planned_ends_at > starts_at`)
    .addCheckConstraint('auctions_reserve_ge_start', sql`reserve_price_fen >= start_price_fen`)
    .addCheckConstraint('auctions_closed_has_outcome', sql`(closed_at is null) = (outcome is null)`)
    .addCheckConstraint(
      'auctions_leader_has_price',
      sql`(leader_user_id is null) = (current_price_fen is null)`,
    )
    .execute();
  // One auction open per session at a time: the stage sells one piece, then the next.
  await sql`create unique index auctions_one_open_per_session on auctions (session_id) where closed_at is null`.execute(
    db,
  );
  await sql`create index auctions_open_idx on auctions (ends_at) where closed_at is null`.execute(db);
  await sql`create index auctions_session_idx on auctions (session_id, created_at desc)`.execute(db);

  // Every accepted bid, for audit: never updated or deleted (a trigger refuses both). Two bids
  // of one auction never share an amount, so the sequence is strictly increasing by construction.
  await db.schema
    .createTable('auction_bids')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('auction_id', 'uuid', (col) => col.notNull().references('auctions.id'))
    .addColumn('bidder_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('amount_fen', 'bigint', (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('previous_price_fen', 'bigint')
    .addColumn('placed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at_after', 'timestamptz', (col) => col.notNull())
    .addColumn('extended', 'boolean', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addUniqueConstraint('auction_bids_amount_unique', ['auction_id', 'amount_fen'])
    // A retried click with the same key is the same bid.
    .addUniqueConstraint('auction_bids_key_unique', ['bidder_user_id', 'idempotency_key'])
    .execute();
  await sql`create index auction_bids_auction_idx on auction_bids (auction_id, id desc)`.execute(db);

  // Refused attempts too (too low, ended …): what a bidder disputes later is on record.
  await db.schema
    .createTable('auction_bid_refusals')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('auction_id', 'uuid', (col) => col.notNull().references('auctions.id'))
    .addColumn('bidder_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('amount_fen', 'bigint', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('minimum_fen', 'bigint')
    .addColumn('attempted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await sql`create index auction_bid_refusals_auction_idx on auction_bid_refusals (auction_id, id)`.execute(
    db,
  );

  await sql`
    create function jl_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'JL409';
    end $$`.execute(db);
  for (const table of ['auction_bids', 'auction_bid_refusals']) {
    await sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each statement execute function jl_append_only()`.execute(db);
  }

  // The broadcast throttle lives apart from the auction so that it never waits on the bid lock.
  await db.schema
    .createTable('auction_broadcasts')
    .addColumn('auction_id', 'uuid', (col) => col.primaryKey().references('auctions.id').onDelete('cascade'))
    .addColumn('last_sent_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_bid_count', 'integer')
    .execute();

  // 保证金: paid through a payment provider like an order, but it belongs to no order, so it has
  // its own rows. Held until the auction closes; the winner's until the hammer order is paid.
  await db.schema
    .createTable('auction_deposits')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('auction_id', 'uuid', (col) => col.notNull().references('auctions.id'))
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('amount_fen', 'bigint', (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'held', 'refunded', 'forfeited', 'failed')`),
    )
    .addColumn('provider_ref', 'text')
    .addColumn('pay_url', 'text')
    .addColumn('refund_ref', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('paid_at', 'timestamptz')
    .addColumn('settled_at', 'timestamptz')
    .execute();
  // One live deposit per buyer and auction (a failed one may be tried again).
  await sql`
    create unique index auction_deposits_one_live on auction_deposits (auction_id, buyer_user_id)
    where status in ('pending', 'held')`.execute(db);
  await sql`create index auction_deposits_held_idx on auction_deposits (auction_id) where status = 'held'`.execute(
    db,
  );

  // Marks an order made by an auction's hammer (its price is the hammer price, not the list price).
  await db.schema
    .alterTable('orders')
    .addColumn('auction_id', 'uuid', (col) => col.references('auctions.id'))
    .execute();
  await sql`create index orders_auction_idx on orders (auction_id) where auction_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('auction_id').execute();
  for (const table of [
    'auction_deposits',
    'auction_broadcasts',
    'auction_bid_refusals',
    'auction_bids',
    'auctions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function jl_append_only()`.execute(db);
}
