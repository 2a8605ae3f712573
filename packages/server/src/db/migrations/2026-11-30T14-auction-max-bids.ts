import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // 代理出价: the most each bidder will pay, which the server bids for them step by step. One row
  // per bidder and auction; private to the bidder. `set_at` is since when they have been willing
  // to pay `max_fen` (a raise moves it, a lowering keeps it): the earlier of two equal maxes wins.
  await db.schema
    .createTable('auction_max_bids')
    .addColumn('auction_id', 'uuid', (col) => col.notNull().references('auctions.id'))
    .addColumn('bidder_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('max_fen', 'bigint', (col) => col.notNull().check(sql`max_fen > 0`))
    .addColumn('set_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('auction_max_bids_pkey', ['auction_id', 'bidder_user_id'])
    .execute();

  // Every change of a max, for audit and for idempotent retries: append-only like the bids.
  await db.schema
    .createTable('auction_max_bid_changes')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('auction_id', 'uuid', (col) => col.notNull().references('auctions.id'))
    .addColumn('bidder_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('max_fen', 'bigint', (col) => col.notNull().check(sql`max_fen > 0`))
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addUniqueConstraint('auction_max_bid_changes_key_unique', ['bidder_user_id', 'idempotency_key'])
    .execute();
  await sql`create index auction_max_bid_changes_auction_idx on auction_max_bid_changes (auction_id, id)`.execute(
    db,
  );
  await sql`
    create trigger auction_max_bid_changes_append_only before update or delete on auction_max_bid_changes
    for each statement execute function jl_append_only()`.execute(db);

  // Bids the server placed for a max (the ledger stays one strictly increasing sequence).
  await db.schema
    .alterTable('auction_bids')
    .addColumn('automatic', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  // A refused max change is kept beside the refused bids; `amount_fen` is then the max asked for.
  await db.schema
    .alterTable('auction_bid_refusals')
    .addColumn('max_bid', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('auction_bid_refusals').dropColumn('max_bid').execute();
  await db.schema.alterTable('auction_bids').dropColumn('automatic').execute();
  await db.schema.dropTable('auction_max_bid_changes').execute();
  await db.schema.dropTable('auction_max_bids').execute();
}
