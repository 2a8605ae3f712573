import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Who said a flagged claim. The free-text `speaker` ('viewer:<uuid>', 'host:<uuid>', a caption
// feed's label) becomes a kind, the speaking user and the name shown: a viewer's refused chat line
// is that viewer's, not a claim of the seller whose room it was said in. Stored facts gain the
// names a reader needs (the certificate's number and lab, the listing's title), taken from the rows
// they were checked against.

const SPEAKER_KINDS = ['listing_text', 'host', 'co_host', 'caption_feed', 'viewer'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('compliance_flags')
    .addColumn('speaker_kind', 'text')
    .addColumn('speaker_user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('speaker_name', 'text')
    .execute();

  // Chat recorded `<role>:<user id>`; captions and talking points the label their feed sent.
  await sql`
    update compliance_flags set
      speaker_kind = case
        when source in ('caption', 'talking_point') then 'caption_feed'
        when source = 'chat' and speaker like 'viewer:%' then 'viewer'
        when source = 'chat' and speaker like 'cohost:%' then 'co_host'
        when source = 'chat' then 'host'
        else 'listing_text'
      end,
      speaker_user_id = case
        when source = 'chat' and speaker ~ '^[a-z]+:[0-9a-f-]{36}$'
          then (select u.id from users u where u.id = split_part(speaker, ':', 2)::uuid)
      end,
      speaker_name = case when source in ('caption', 'talking_point') then speaker end`.execute(db);
  await sql`
    update compliance_flags f set speaker_name = u.display_name
    from users u where u.id = f.speaker_user_id`.execute(db);

  await db.schema
    .alterTable('compliance_flags')
    .alterColumn('speaker_kind', (col) => col.setNotNull())
    .execute();
  await db.schema
    .alterTable('compliance_flags')
    .addCheckConstraint(
      'compliance_flags_speaker_kind_check',
      sql`speaker_kind in (${sql.join(SPEAKER_KINDS.map((kind) => sql.lit(kind)))})`,
    )
    .execute();
  await db.schema.alterTable('compliance_flags').dropColumn('speaker').execute();
  await db.schema
    .createIndex('compliance_flags_speaker_kind_idx')
    .on('compliance_flags')
    .columns(['speaker_kind', 'created_at'])
    .execute();

  // Names for the facts of earlier flags: the listing's title, its certificate's number and lab.
  await sql`
    update compliance_flags f
    set facts = jsonb_set(f.facts, '{listing}', (f.facts -> 'listing') || jsonb_build_object('id', l.id, 'title', l.title))
    from listings l
    where l.id = f.listing_id and jsonb_typeof(f.facts -> 'listing') = 'object'`.execute(db);
  await sql`
    update compliance_flags f
    set facts = jsonb_set(f.facts, '{certificate}', (f.facts -> 'certificate')
          || jsonb_strip_nulls(jsonb_build_object('number', c.number, 'labName', coalesce(lab.name, c.external_lab_name))))
    from listings l, certificates c
    left join organizations lab on lab.id = c.lab_org_id
    where l.id = f.listing_id and jsonb_typeof(f.facts -> 'certificate') = 'object'
      and c.id = coalesce((f.facts -> 'inspection' ->> 'certificateId')::uuid, l.certificate_id)
      and c.identification = f.facts -> 'certificate' ->> 'identification'`.execute(db);
  await sql`
    update compliance_flags f
    set facts = jsonb_set(f.facts, '{inspection}', (f.facts -> 'inspection') || jsonb_build_object('labName', lab.name))
    from organizations lab
    where lab.id = (f.facts -> 'inspection' ->> 'labOrgId')::uuid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('compliance_flags').addColumn('speaker', 'text').execute();
  await sql`
    update compliance_flags set speaker = case
      when speaker_kind = 'caption_feed' then speaker_name
      when speaker_user_id is not null then
        (case speaker_kind when 'co_host' then 'cohost' else speaker_kind end) || ':' || speaker_user_id
    end`.execute(db);
  await db.schema.dropIndex('compliance_flags_speaker_kind_idx').execute();
  await db.schema
    .alterTable('compliance_flags')
    .dropConstraint('compliance_flags_speaker_kind_check')
    .execute();
  await db.schema
    .alterTable('compliance_flags')
    .dropColumn('speaker_kind')
    .dropColumn('speaker_user_id')
    .dropColumn('speaker_name')
    .execute();
}
