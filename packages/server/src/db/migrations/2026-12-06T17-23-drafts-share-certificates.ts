import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// One certificate, one piece on sale — but a draft is not on sale. Drafts may be saved with a
// certificate that backs another listing (the seller prepares the next listing of a piece while
// the current one still sells); publishing is what the index guards. Sold-out and suspended
// listings keep holding their certificate, as before.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index listings_one_active_per_certificate`.execute(db);
  await sql`
    create unique index listings_one_active_per_certificate on listings (certificate_id)
    where certificate_id is not null and status not in ('draft', 'archived')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Drafts that share a certificate with another live listing are archived, or the old index
  // could not be built: nothing is deleted.
  await sql`
    update listings d set status = 'archived', updated_at = now()
    where d.status = 'draft' and d.certificate_id is not null and exists (
      select 1 from listings o
      where o.certificate_id = d.certificate_id and o.id <> d.id and o.status <> 'archived'
        and (o.status <> 'draft' or o.created_at < d.created_at or (o.created_at = d.created_at and o.id < d.id)))`.execute(
    db,
  );
  await sql`drop index listings_one_active_per_certificate`.execute(db);
  await sql`
    create unique index listings_one_active_per_certificate on listings (certificate_id)
    where certificate_id is not null and status <> 'archived'`.execute(db);
}
