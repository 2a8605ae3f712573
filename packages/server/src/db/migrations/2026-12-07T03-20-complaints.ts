import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// 投诉: a buyer's complaint about an order, a listing or a live session. The seller answers (by a
// deadline of our own), the buyer accepts the answer or takes the complaint to the market regulator
// of the seller's district, which must accept (受理) or reject (不予受理) it within 7 working days
// (投诉举报处理暂行办法 第14条). Both deadlines are stored as instants so they can be listed and
// tracked; what each side said is kept beside them.

const inList = (column: string, values: string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('subject_kind', 'text', (col) =>
      col.notNull().check(inList('subject_kind', ['order', 'listing', 'live_session'])),
    )
    .addColumn('subject_title', 'text', (col) => col.notNull())
    .addColumn('order_id', 'uuid', (col) => col.references('orders.id'))
    .addColumn('listing_id', 'uuid', (col) => col.references('listings.id'))
    .addColumn('session_id', 'uuid', (col) => col.references('live_sessions.id'))
    .addColumn('category', 'text', (col) =>
      col
        .notNull()
        .check(
          inList('category', [
            'false_advertising',
            'certificate_mismatch',
            'not_as_described',
            'price_fraud',
            'live_room_violation',
            'other',
          ]),
        ),
    )
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('photo_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(
          inList('status', ['awaiting_seller', 'answered', 'settled', 'escalated', 'accepted', 'rejected']),
        ),
    )
    .addColumn('filed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('answer_by', 'timestamptz', (col) => col.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('settled_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('escalation_note', 'text')
    .addColumn('regulator_org_id', 'uuid', (col) => col.references('organizations.id'))
    .addColumn('decide_by', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('decision_reason', 'text')
    // The subject's own id is there; the others are context (an order's listing and session).
    .addCheckConstraint(
      'complaints_subject_present',
      sql`case subject_kind when 'order' then order_id is not null
        when 'listing' then listing_id is not null else session_id is not null end`,
    )
    .addCheckConstraint('complaints_answer_complete', sql`(answer is null) = (answered_at is null)`)
    .addCheckConstraint(
      'complaints_escalation_complete',
      sql`(escalated_at is null) = (regulator_org_id is null) and (escalated_at is null) = (decide_by is null)`,
    )
    .addCheckConstraint(
      'complaints_status_matches',
      sql`case status
        when 'awaiting_seller' then answered_at is null and escalated_at is null
        when 'answered' then answered_at is not null and escalated_at is null and settled_at is null
        when 'settled' then settled_at is not null and escalated_at is null
        when 'escalated' then escalated_at is not null and decided_at is null
        else escalated_at is not null and decided_at is not null and decision_reason is not null end`,
    )
    .execute();
  await db.schema
    .createIndex('complaints_buyer_idx')
    .on('complaints')
    .columns(['buyer_user_id', 'filed_at'])
    .execute();
  await db.schema
    .createIndex('complaints_seller_idx')
    .on('complaints')
    .columns(['seller_org_id', 'filed_at'])
    .execute();
  // A regulator's leads, the undecided ones by their deadline.
  await db.schema
    .createIndex('complaints_regulator_idx')
    .on('complaints')
    .columns(['regulator_org_id', 'escalated_at'])
    .where(sql.ref('regulator_org_id'), 'is not', null)
    .execute();
  await sql`create index complaints_decide_by_idx on complaints (decide_by) where status = 'escalated'`.execute(
    db,
  );
  // One open complaint per buyer and subject: a second one is refused while the first is open.
  await sql`create unique index complaints_one_open_idx
    on complaints (buyer_user_id, subject_kind, coalesce(order_id, listing_id, session_id))
    where status in ('awaiting_seller', 'answered', 'escalated')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from buyer_notifications where kind in ('complaint_answered', 'complaint_decided')`.execute(
    db,
  );
  await sql`delete from notifications where kind like 'complaint\\_%'`.execute(db);
  await db.schema.dropTable('complaints').execute();
}
