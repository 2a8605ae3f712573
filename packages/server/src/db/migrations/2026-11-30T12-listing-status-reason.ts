import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Why a listing is suspended becomes a kind and its facts, so each reader's console words it in
// their own language (as notifications do). The old sentence was current state, not a record — the
// certificate events, the inspection and the seller's notification keep the history — so it goes
// once its facts are moved over; `down` writes the sentence back from them.
const REVOKED_PREFIX = '证书已撤销：';
const MISMATCH_PATTERN = '^就地检验结果（(.+)）与证书 ([^（[:space:]]+)（(.+)）不符$';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('listings')
    .addColumn('status_reason_kind', 'text', (col) =>
      col.check(sql`status_reason_kind in ('certificate_revoked', 'inspection_mismatch', 'other')`),
    )
    .addColumn('status_reason_details', 'jsonb', (col) =>
      col.check(sql`jsonb_typeof(status_reason_details) = 'object'`),
    )
    .execute();
  await db.schema
    .alterTable('listings')
    .addCheckConstraint(
      'listings_status_reason_kind_with_details',
      sql`(status_reason_kind is null) = (status_reason_details is null)`,
    )
    .execute();

  // The sentences the server wrote: a revocation (with the lab's or admin's own words after the
  // prefix) and an inspection mismatch (both identifications and the certificate number).
  await sql`
    update listings
    set status_reason_kind = 'certificate_revoked',
        status_reason_details = jsonb_build_object(
          'reason', substr(status_reason, ${REVOKED_PREFIX.length + 1}::int))
    where starts_with(status_reason, ${REVOKED_PREFIX})`.execute(db);
  await sql`
    update listings
    set status_reason_kind = 'inspection_mismatch',
        status_reason_details = jsonb_build_object(
          'identification', parsed.facts[1],
          'certificateNumber', parsed.facts[2],
          'certificateIdentification', parsed.facts[3])
    from (
      select id, regexp_match(status_reason, ${MISMATCH_PATTERN}) as facts
      from listings
      where status_reason_kind is null and status_reason is not null
    ) parsed
    where listings.id = parsed.id and parsed.facts is not null`.execute(db);
  // Anything else keeps its words under the generic kind; a blank reason said nothing.
  await sql`
    update listings
    set status_reason_kind = 'other',
        status_reason_details = jsonb_build_object('text', status_reason)
    where status_reason_kind is null and btrim(coalesce(status_reason, '')) <> ''`.execute(db);

  await db.schema.alterTable('listings').dropColumn('status_reason').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('status_reason', 'text').execute();
  await sql`
    update listings
    set status_reason = case status_reason_kind
      when 'certificate_revoked' then ${REVOKED_PREFIX} || (status_reason_details->>'reason')
      when 'inspection_mismatch' then format('就地检验结果（%s）与证书 %s（%s）不符',
        status_reason_details->>'identification',
        status_reason_details->>'certificateNumber',
        status_reason_details->>'certificateIdentification')
      else status_reason_details->>'text'
    end
    where status_reason_kind is not null`.execute(db);
  await db.schema.alterTable('listings').dropConstraint('listings_status_reason_kind_with_details').execute();
  await db.schema
    .alterTable('listings')
    .dropColumn('status_reason_kind')
    .dropColumn('status_reason_details')
    .execute();
}
