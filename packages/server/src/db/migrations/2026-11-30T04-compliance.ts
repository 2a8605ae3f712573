import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // Every claim the engine flagged, with the facts it was checked against at that moment, kept for
  // regulators (直播电商监督管理办法: interaction records kept at least three years).
  await db.schema
    .createTable('compliance_flags')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('listing', 'caption', 'talking_point', 'chat', 'inspection')`),
    )
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('session_id', 'uuid', (col) => col.references('live_sessions.id'))
    .addColumn('listing_id', 'uuid', (col) => col.references('listings.id'))
    .addColumn('speaker', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull().check(sql`severity in ('block', 'warn', 'info')`))
    .addColumn('start_offset', 'integer', (col) => col.notNull())
    .addColumn('end_offset', 'integer', (col) => col.notNull())
    .addColumn('basis', 'text', (col) => col.notNull())
    .addColumn('message', 'jsonb', (col) => col.notNull())
    .addColumn('suggestion', 'jsonb', (col) => col.notNull())
    .addColumn('facts', 'jsonb', (col) => col.notNull())
    .addColumn('rule_set_version', 'text', (col) => col.notNull())
    .addColumn('said_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('review_note', 'text')
    .execute();
  await db.schema
    .createIndex('compliance_flags_seller_idx')
    .on('compliance_flags')
    .columns(['seller_org_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('compliance_flags_session_idx')
    .on('compliance_flags')
    .column('session_id')
    .execute();
  await db.schema
    .createIndex('compliance_flags_created_idx')
    .on('compliance_flags')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('compliance_flags').execute();
}
