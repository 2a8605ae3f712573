import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// A session's orders are found by the session: those bought in its room (every buy-now, flash-sale
// and auction order of it carries live_session_id) and those of its flash sales; its statistics
// and its seller's comparison with the last 30 sessions read them per session.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index orders_live_session_idx on orders (live_session_id) where live_session_id is not null`.execute(
    db,
  );
  await sql`create index flash_sales_session_idx on flash_sales (session_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index flash_sales_session_idx`.execute(db);
  await sql`drop index orders_live_session_idx`.execute(db);
}
