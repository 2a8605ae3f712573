import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// 七日无理由退货 as a workflow: the buyer asks, the seller agrees (silence for 48 h agrees) or
// refuses with a reason, a refused buyer may go to platform arbitration, the buyer ships the piece
// back, the seller confirms receipt (refund) or reports damage (arbitration). What each side said
// and showed is one `order_returns` row per order; each step is an order event as before.
// Buyers may now upload photos of their own (images owned by a user instead of an organisation).

const STATUSES_BEFORE = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refund_requested',
  'refunded',
];
const RETURN_STATUSES = [
  'return_requested',
  'return_refused',
  'return_arbitration',
  'return_approved',
  'return_shipped',
];
const ACTORS_BEFORE = ['buyer', 'seller', 'system', 'payment'];
const RETURN_CAUSES = [
  'return_auto_approved',
  'return_refusal_lapsed',
  'return_received',
  'arbitration_for_buyer',
  'arbitration_for_seller',
];

const inList = (column: string, values: string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

async function replaceCheck(db: Kysely<any>, table: string, name: string, check: ReturnType<typeof sql>) {
  await db.schema.alterTable(table).dropConstraint(name).ifExists().execute();
  await db.schema.alterTable(table).addCheckConstraint(name, check).execute();
}

/**
 * The cause kinds the cause check allows now. Other migrations of the same day add kinds of their
 * own, so this one adds to (or takes from) what is there instead of restating a list.
 */
async function allowedCauses(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ definition: string }>`
    select pg_get_constraintdef(oid) as definition from pg_constraint
    where conname = 'order_events_cause_check'`.execute(db);
  const definition = rows[0]?.definition ?? '';
  return [...definition.matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1] as string);
}

export async function up(db: Kysely<any>): Promise<void> {
  await replaceCheck(
    db,
    'orders',
    'orders_status_check',
    inList('status', [...STATUSES_BEFORE, ...RETURN_STATUSES]),
  );
  await replaceCheck(
    db,
    'order_events',
    'order_events_actor_check',
    inList('actor', [...ACTORS_BEFORE, 'platform']),
  );
  const causes = [...new Set([...(await allowedCauses(db)), ...RETURN_CAUSES])];
  await replaceCheck(db, 'order_events', 'order_events_cause_check', inList('cause', causes));

  await db.schema
    .alterTable('images')
    .addColumn('owner_user_id', 'uuid', (col) => col.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema
    .alterTable('images')
    .alterColumn('owner_org_id', (col) => col.dropNotNull())
    .execute();
  await db.schema
    .alterTable('images')
    .addCheckConstraint('images_one_owner', sql`(owner_org_id is null) <> (owner_user_id is null)`)
    .execute();
  await db.schema.createIndex('images_owner_user_idx').on('images').column('owner_user_id').execute();

  await db.schema
    .createTable('order_returns')
    .addColumn('order_id', 'uuid', (col) => col.primaryKey().references('orders.id').onDelete('cascade'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('photo_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('respond_by', 'timestamptz', (col) => col.notNull())
    .addColumn('approved_at', 'timestamptz')
    .addColumn('refusal_reason', 'text')
    .addColumn('refused_at', 'timestamptz')
    .addColumn('escalate_by', 'timestamptz')
    .addColumn('buyer_statement', 'text')
    .addColumn('buyer_statement_photo_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('return_carrier', 'text')
    .addColumn('return_tracking_number', 'text')
    .addColumn('return_shipped_at', 'timestamptz')
    .addColumn('damage_report', 'text')
    .addColumn('damage_photo_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('damage_reported_at', 'timestamptz')
    .addColumn('arbitration_decided_for', 'text', (col) =>
      col.check(sql`arbitration_decided_for in ('buyer', 'seller')`),
    )
    .addColumn('arbitration_reason', 'text')
    .addColumn('arbitrated_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('arbitrated_at', 'timestamptz')
    .addCheckConstraint(
      'order_returns_refusal_has_reason',
      sql`(refused_at is null) = (refusal_reason is null)`,
    )
    .execute();
  // The sweeper's two deadlines.
  await sql`create index order_returns_respond_by_idx on order_returns (respond_by)
    where approved_at is null and refused_at is null`.execute(db);
  await sql`create index order_returns_escalate_by_idx on order_returns (escalate_by)
    where escalated_at is null and escalate_by is not null`.execute(db);

  // A return asked for before this workflow was a refund request of a delivered order.
  await sql`
    insert into order_returns (order_id, reason, requested_at, respond_by)
    select id, coalesce(refund_reason, ''), coalesce(refund_requested_at, now()),
           coalesce(refund_requested_at, now()) + interval '48 hours'
    from orders where status = 'refund_requested' and refund_from_status = 'delivered'`.execute(db);
  await sql`update orders set status = 'return_requested'
    where status = 'refund_requested' and refund_from_status = 'delivered'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update orders set status = 'refund_requested', refund_from_status = 'delivered'
    where status = 'return_requested'`.execute(db);
  await sql`update orders set status = 'completed' where status in ${sql`(${sql.join(
    RETURN_STATUSES.filter((status) => status !== 'return_requested').map((status) => sql.lit(status)),
  )})`}`.execute(db);
  await db.schema.dropTable('order_returns').execute();
  await sql`delete from images where owner_user_id is not null`.execute(db);
  await db.schema.alterTable('images').dropConstraint('images_one_owner').execute();
  await db.schema.dropIndex('images_owner_user_idx').execute();
  await db.schema.alterTable('images').dropColumn('owner_user_id').execute();
  await db.schema
    .alterTable('images')
    .alterColumn('owner_org_id', (col) => col.setNotNull())
    .execute();
  await sql`update order_events set cause = null where cause in ${sql`(${sql.join(RETURN_CAUSES.map((cause) => sql.lit(cause)))})`}`.execute(
    db,
  );
  await sql`update order_events set actor = 'system' where actor = 'platform'`.execute(db);
  const causes = (await allowedCauses(db)).filter((cause) => !RETURN_CAUSES.includes(cause));
  await replaceCheck(db, 'order_events', 'order_events_cause_check', inList('cause', causes));
  await replaceCheck(db, 'order_events', 'order_events_actor_check', inList('actor', ACTORS_BEFORE));
  await replaceCheck(db, 'orders', 'orders_status_check', inList('status', STATUSES_BEFORE));
}
