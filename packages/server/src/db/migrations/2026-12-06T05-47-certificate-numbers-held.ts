import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// A certificate number belongs to the lab that issued it. Only a certificate the lab issued, or a
// registration the lab, an admin or the lab's lookup service confirmed, holds its (lab, number):
// a seller's unverified registration holds nothing, so registering someone else's number first
// blocks nobody, and a registration that was refused (turned down, or superseded when the lab
// issued or confirmed the real one) gives the number back for good. A confirmed certificate that
// is later revoked keeps its number, so /verify can say it was revoked.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('certificates')
    .addColumn('registration_refused', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  // Revoked without ever having been confirmed: a refused registration.
  await sql`
    update certificates c set registration_refused = true
    where c.status = 'revoked' and not exists (
      select 1 from certificate_events e where e.certificate_id = c.id and e.to_status = 'verified')`.execute(
    db,
  );
  await sql`alter table certificates drop constraint certificates_lab_number_unique`.execute(db);
  await sql`
    create unique index certificates_lab_number_held on certificates (lab_key, number)
    where status <> 'unverified' and not registration_refused`.execute(db);
  // A seller registers a number once while it waits for confirmation (this says nothing about
  // anyone else's certificates).
  await sql`
    create unique index certificates_holder_number_pending on certificates (holder_org_id, lab_key, number)
    where status = 'unverified'`.execute(db);
  await sql`create index certificates_lab_number_idx on certificates (lab_key, number)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Registrations that share a number with the holder of it, or with each other, cannot stay
  // under one (lab, number): they are removed, keeping the one that holds it (else the oldest).
  await sql`
    delete from certificates d
    where exists (
      select 1 from certificates o
      where o.lab_key = d.lab_key and o.number = d.number and o.id <> d.id
        and ((o.status <> 'unverified' and not o.registration_refused)
             or ((d.status = 'unverified' or d.registration_refused)
                 and (o.created_at, o.id) < (d.created_at, d.id))))
      and (d.status = 'unverified' or d.registration_refused)
      and not exists (select 1 from listings l where l.certificate_id = d.id)`.execute(db);
  await sql`drop index certificates_lab_number_idx`.execute(db);
  await sql`drop index certificates_holder_number_pending`.execute(db);
  await sql`drop index certificates_lab_number_held`.execute(db);
  await sql`
    alter table certificates add constraint certificates_lab_number_unique unique (lab_key, number)`.execute(
    db,
  );
  await db.schema.alterTable('certificates').dropColumn('registration_refused').execute();
}
