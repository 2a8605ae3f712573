import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// A buyer's address book, and the address each order ships to as a snapshot (a later edit of the
// book changes no order). Region names are kept beside their GB/T 2260 codes as they were when
// written. A shipped order the buyer never confirms is confirmed by the system after a set number
// of days: a new cause of the order's history, and an index for the sweep that finds them.
const CAUSES_BEFORE = [
  'inspection_mismatch',
  'payment_timed_out',
  'return_window_closed',
  'buyer_cancelled',
  'refund_approved',
  'payment_received',
  'shipped',
  'auction_won',
  'flash_sale_grab',
];
const CAUSES_AFTER = [...CAUSES_BEFORE, 'receipt_auto_confirmed'];

const causeCheck = (kinds: string[]) => sql`cause in (${sql.join(kinds.map((kind) => sql.lit(kind)))})`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('buyer_addresses')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('recipient_name', 'text', (col) =>
      col.notNull().check(sql`char_length(recipient_name) between 1 and 30`),
    )
    .addColumn('mobile', 'text', (col) => col.notNull().check(sql`mobile ~ '^1[3-9][0-9]{9}$'`))
    .addColumn('province_code', 'text', (col) => col.notNull().check(sql`province_code ~ '^[0-9]{6}$'`))
    .addColumn('province_name', 'text', (col) => col.notNull())
    .addColumn('city_code', 'text', (col) => col.notNull().check(sql`city_code ~ '^[0-9]{6}$'`))
    .addColumn('city_name', 'text', (col) => col.notNull())
    .addColumn('district_code', 'text', (col) => col.check(sql`district_code ~ '^[0-9]{6}$'`))
    .addColumn('district_name', 'text')
    .addColumn('detail', 'text', (col) => col.notNull().check(sql`char_length(detail) between 2 and 120`))
    .addColumn('is_default', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'buyer_addresses_district_named',
      sql`(district_code is null) = (district_name is null)`,
    )
    .execute();
  await sql`create index buyer_addresses_user_idx on buyer_addresses (user_id, created_at)`.execute(db);
  // At most one default per buyer.
  await sql`create unique index buyer_addresses_one_default on buyer_addresses (user_id) where is_default`.execute(
    db,
  );

  await db.schema
    .alterTable('orders')
    .addColumn('shipping_address', 'jsonb', (col) =>
      col.check(sql`jsonb_typeof(shipping_address) = 'object'`),
    )
    .execute();
  await sql`create index orders_shipped_idx on orders (shipped_at) where status = 'shipped'`.execute(db);

  await db.schema.alterTable('order_events').dropConstraint('order_events_cause_check').execute();
  await db.schema
    .alterTable('order_events')
    .addCheckConstraint('order_events_cause_check', causeCheck(CAUSES_AFTER))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update order_events set cause = null where cause = 'receipt_auto_confirmed'`.execute(db);
  await db.schema.alterTable('order_events').dropConstraint('order_events_cause_check').execute();
  await db.schema
    .alterTable('order_events')
    .addCheckConstraint('order_events_cause_check', causeCheck(CAUSES_BEFORE))
    .execute();
  await sql`drop index orders_shipped_idx`.execute(db);
  await db.schema.alterTable('orders').dropColumn('shipping_address').execute();
  await db.schema.dropTable('buyer_addresses').execute();
}
