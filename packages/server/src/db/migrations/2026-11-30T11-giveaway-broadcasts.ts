import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The room-update throttle of a giveaway, shared by every API instance. Apart from the giveaway
  // row, which entries hold a share lock on while a draw may be waiting for it.
  await db.schema
    .createTable('giveaway_broadcasts')
    .addColumn('giveaway_id', 'uuid', (col) =>
      col.primaryKey().references('giveaways.id').onDelete('cascade'),
    )
    .addColumn('last_sent_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('giveaway_broadcasts').execute();
}
