import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // 网销珠宝玉石产品就地检验检测: the lab a base sends its sellers' pieces to. Null until the
  // operator names one; inspections then fall back to the lab that issued the certificate.
  await db.schema
    .alterTable('bases')
    .addColumn('inspection_lab_org_id', 'uuid', (col) => col.references('organizations.id'))
    .execute();

  // A buyer's request that the piece be inspected before it ships. What the certificate said is
  // copied at request time, so the audit shows what the lab compared against even if the
  // certificate changes later.
  await db.schema
    .createTable('order_inspections')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('order_id', 'uuid', (col) => col.notNull().unique().references('orders.id'))
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('lab_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('lab_chosen_by', 'text', (col) =>
      col.notNull().check(sql`lab_chosen_by in ('base', 'certificate')`),
    )
    .addColumn('base_id', 'uuid', (col) => col.references('bases.id'))
    .addColumn('certificate_id', 'uuid', (col) => col.notNull().references('certificates.id'))
    .addColumn('certificate_number', 'text', (col) => col.notNull())
    .addColumn('certificate_identification', 'text', (col) => col.notNull())
    .addColumn('certificate_weight_mg', 'integer')
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('requested').check(sql`status in ('requested', 'matched', 'mismatched')`),
    )
    .addColumn('result_identification', 'text')
    .addColumn('result_weight_mg', 'integer', (col) => col.check(sql`result_weight_mg > 0`))
    .addColumn('result_note', 'text')
    .addColumn('result_recorded_at', 'timestamptz')
    .addColumn('result_recorded_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('flag_id', 'uuid', (col) => col.references('compliance_flags.id'))
    // Set once a mismatch's refund (or cancellation) went through; null while a retry is owed.
    .addColumn('settled_at', 'timestamptz')
    .addCheckConstraint(
      'order_inspections_result_complete',
      sql`(status = 'requested') = (result_recorded_at is null)`,
    )
    .execute();
  await sql`create index order_inspections_lab_idx on order_inspections (lab_org_id, status, requested_at)`.execute(
    db,
  );
  await sql`
    create index order_inspections_unsettled_idx on order_inspections (result_recorded_at)
    where status = 'mismatched' and settled_at is null`.execute(db);

  // 福袋: a prize draw whose rules are fixed before it starts (规范促销行为暂行规定). The seed is
  // committed to (sha256) at creation and revealed at the draw, so anyone can recompute the winners.
  await db.schema
    .createTable('giveaways')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (col) => col.notNull().references('live_sessions.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('prize_title', 'text', (col) => col.notNull())
    .addColumn('prize_value_fen', 'integer', (col) =>
      col.notNull().check(sql`prize_value_fen > 0 and prize_value_fen <= 5000000`),
    )
    .addColumn('winner_count', 'integer', (col) => col.notNull().check(sql`winner_count between 1 and 100`))
    .addColumn('entry_condition', 'text', (col) =>
      col.notNull().check(sql`entry_condition in ('join', 'comment_keyword')`),
    )
    .addColumn('keyword', 'text')
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('draw_at', 'timestamptz', (col) => col.notNull())
    .addColumn('seed', 'text', (col) => col.notNull())
    .addColumn('seed_commitment', 'text', (col) => col.notNull())
    .addColumn('algorithm', 'text', (col) => col.notNull())
    .addColumn('drawn_at', 'timestamptz')
    .addColumn('drawn_by', 'text', (col) => col.check(sql`drawn_by in ('stage', 'system')`))
    .addColumn('entry_count', 'integer')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'giveaways_keyword_iff_comment',
      sql`(entry_condition = 'comment_keyword') = (keyword is not null)`,
    )
    .addCheckConstraint(
      'giveaways_window',
      sql`draw_at > starts_at and draw_at <= starts_at + interval '24 hours'`,
    )
    .addCheckConstraint('giveaways_drawn_complete', sql`(drawn_at is null) = (entry_count is null)`)
    .execute();
  await db.schema.createIndex('giveaways_session_idx').on('giveaways').column('session_id').execute();
  await sql`create index giveaways_due_idx on giveaways (draw_at) where drawn_at is null`.execute(db);

  // The entry id is the public draw key: the audit lists entry ids, not who entered.
  await db.schema
    .createTable('giveaway_entries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('giveaway_id', 'uuid', (col) => col.notNull().references('giveaways.id'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('entered_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('giveaway_entries_one_per_user', ['giveaway_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('giveaway_winners')
    .addColumn('giveaway_id', 'uuid', (col) => col.notNull().references('giveaways.id'))
    .addColumn('rank', 'integer', (col) => col.notNull().check(sql`rank >= 1`))
    .addColumn('entry_id', 'uuid', (col) => col.notNull().unique().references('giveaway_entries.id'))
    .addPrimaryKeyConstraint('giveaway_winners_pk', ['giveaway_id', 'rank'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('giveaway_winners').execute();
  await db.schema.dropTable('giveaway_entries').execute();
  await db.schema.dropTable('giveaways').execute();
  await db.schema.dropTable('order_inspections').execute();
  await db.schema.alterTable('bases').dropColumn('inspection_lab_org_id').execute();
}
