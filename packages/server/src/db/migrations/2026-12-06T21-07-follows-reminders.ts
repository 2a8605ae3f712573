import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Buyers follow shops (关注) and book reminders (预约) for planned live sessions; when a session
// goes live its followers and reminded buyers are told once each. Buyers belong to no organisation,
// so their notifications live beside the organisations' table, one per (user, kind, subject).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shop_follows')
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seller_org_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('shop_follows_pk', ['buyer_user_id', 'seller_org_id'])
    .execute();
  await db.schema.createIndex('shop_follows_seller_idx').on('shop_follows').column('seller_org_id').execute();

  await db.schema
    .createTable('session_reminders')
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('session_id', 'uuid', (col) =>
      col.notNull().references('live_sessions.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('session_reminders_pk', ['buyer_user_id', 'session_id'])
    .execute();
  await db.schema
    .createIndex('session_reminders_session_idx')
    .on('session_reminders')
    .column('session_id')
    .execute();

  await db.schema
    .createTable('buyer_notifications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'uuid', (col) => col.notNull())
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    // A session reported live twice (host, webhook, reconciliation) tells each buyer once.
    .addUniqueConstraint('buyer_notifications_once', ['user_id', 'kind', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('buyer_notifications_user_idx')
    .on('buyer_notifications')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('buyer_notifications').execute();
  await db.schema.dropTable('session_reminders').execute();
  await db.schema.dropTable('shop_follows').execute();
}
