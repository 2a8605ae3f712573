import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// The facts of a notification (listing title, reason …), so each reader's console words it in
// their own language; `message` stays as the record in the platform's language.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('details').execute();
}
