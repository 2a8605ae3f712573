import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
// An operator's reason for approving, rejecting or cancelling a studio booking, shown to the
// seller beside the decision (a membership decision already keeps its `note`).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('studio_bookings').addColumn('decision_note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('studio_bookings').dropColumn('decision_note').execute();
}
