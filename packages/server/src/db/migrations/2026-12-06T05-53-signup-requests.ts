import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// A buyer's sign-up waits here until its link is opened from the mailbox: the account exists only
// then, so signing up answers the same whether or not an account has the address.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signup_requests')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('signup_requests_expires_idx')
    .on('signup_requests')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signup_requests').execute();
}
