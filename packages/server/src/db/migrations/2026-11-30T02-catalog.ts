import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  // Livestream bases (直播基地) run by cluster operators, and their studios (直播间).
  await db.schema
    .createTable('bases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('operator_org_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('restrict'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('district', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('trade_centre', 'processing', 'cultural_creative', 'origin')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('bases_operator_idx').on('bases').column('operator_org_id').execute();

  await db.schema
    .createTable('studios')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('base_id', 'uuid', (col) => col.notNull().references('bases.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity between 1 and 500`))
    .addColumn('equipment', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('available').check(sql`status in ('available', 'maintenance', 'retired')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('studios_base_idx').on('studios').column('base_id').execute();

  await db.schema
    .createTable('base_memberships')
    .addColumn('base_id', 'uuid', (col) => col.notNull().references('bases.id').onDelete('cascade'))
    .addColumn('seller_org_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('applied', 'admitted', 'rejected', 'suspended', 'removed')`),
    )
    .addColumn('note', 'text')
    .addColumn('applied_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id'))
    .addPrimaryKeyConstraint('base_memberships_pk', ['base_id', 'seller_org_id'])
    .execute();
  await db.schema
    .createIndex('base_memberships_seller_idx')
    .on('base_memberships')
    .column('seller_org_id')
    .execute();

  await db.schema
    .createTable('studio_bookings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('studio_id', 'uuid', (col) => col.notNull().references('studios.id').onDelete('cascade'))
    .addColumn('base_id', 'uuid', (col) => col.notNull().references('bases.id').onDelete('cascade'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('during', sql`tstzrange`, (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('requested', 'approved', 'rejected', 'cancelled')`),
    )
    .addColumn('purpose', 'text')
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint(
      'studio_bookings_range_valid',
      sql`not isempty(during) and lower_inc(during) and not upper_inc(during)`,
    )
    .execute();
  // Two live bookings of one studio can never overlap, whoever wins the race: the database decides.
  await sql`
    alter table studio_bookings add constraint studio_bookings_no_overlap
    exclude using gist (studio_id with =, during with &&) where (status in ('requested', 'approved'))`.execute(
    db,
  );
  await sql`create index studio_bookings_base_during_idx on studio_bookings using gist (base_id, during)`.execute(
    db,
  );

  // Seller storefront profile (one per seller organisation).
  await db.schema
    .createTable('seller_profiles')
    .addColumn('org_id', 'uuid', (col) => col.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('credit_code', 'text', (col) => col.unique())
    .addColumn('legal_name', 'text')
    .addColumn('categories', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Uploaded images, stored on disk by content hash.
  await db.schema
    .createTable('images')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_org_id', 'uuid', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('mime_type', 'text', (col) => col.notNull())
    .addColumn('byte_size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('images_owner_idx').on('images').column('owner_org_id').execute();

  // Inspection certificates: issued by a lab on the platform, or registered by a seller from an
  // outside lab (unverified until confirmed).
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('lab_org_id', 'uuid', (col) => col.references('organizations.id'))
    .addColumn('external_lab_name', 'text')
    .addColumn('lab_key', 'text', (col) =>
      col
        .notNull()
        .generatedAlwaysAs(sql`coalesce(lab_org_id::text, 'external:' || lower(btrim(external_lab_name)))`)
        .stored(),
    )
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('holder_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('identification', 'text', (col) => col.notNull())
    .addColumn('material', 'text', (col) => col.notNull())
    .addColumn('treatment', 'text', (col) =>
      col.notNull().check(sql`treatment in ('natural', 'enhanced', 'treated')`),
    )
    .addColumn('weight_mg', 'integer', (col) => col.check(sql`weight_mg > 0`))
    .addColumn('weight_ct100', 'integer', (col) => col.check(sql`weight_ct100 > 0`))
    .addColumn('dimensions', 'text')
    .addColumn('shape', 'text')
    .addColumn('color', 'text')
    .addColumn('origin', 'text')
    .addColumn('photo_image_id', 'uuid', (col) => col.references('images.id'))
    .addColumn('issued_on', 'date', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull().defaultTo(1).check(sql`quantity >= 1`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('unverified', 'verified', 'revoked')`),
    )
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('status_changed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('certificates_one_lab', sql`(lab_org_id is null) <> (external_lab_name is null)`)
    .addCheckConstraint('certificates_one_weight', sql`weight_mg is null or weight_ct100 is null`)
    .addUniqueConstraint('certificates_lab_number_unique', ['lab_key', 'number'])
    .execute();
  await db.schema.createIndex('certificates_holder_idx').on('certificates').column('holder_org_id').execute();

  await db.schema
    .createTable('certificate_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('certificate_id', 'uuid', (col) =>
      col.notNull().references('certificates.id').onDelete('cascade'),
    )
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('actor_org_id', 'uuid', (col) => col.references('organizations.id'))
    .addColumn('via', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('certificate_events_cert_idx')
    .on('certificate_events')
    .column('certificate_id')
    .execute();

  // Chinese has no spaces between words, so catalogue search indexes character bigrams: any query
  // of two or more characters is answered from a GIN index, then rechecked with ILIKE.
  await sql`
    create function jl_bigrams(input text) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct substr(folded, i, 2)), '{}')
      from (select lower(regexp_replace(coalesce(input, ''), '\\s+', '', 'g')) as folded) f,
           generate_series(1, greatest(length(folded) - 1, 0)) as i
    $$`.execute(db);

  await db.schema
    .createTable('listings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('certificate_id', 'uuid', (col) => col.references('certificates.id'))
    .addColumn('price_fen', 'bigint', (col) => col.notNull().check(sql`price_fen > 0`))
    .addColumn('comparison_price_fen', 'bigint', (col) => col.check(sql`comparison_price_fen > 0`))
    .addColumn('stock', 'integer', (col) => col.notNull().check(sql`stock >= 0`))
    .addColumn('sold_count', 'integer', (col) => col.notNull().defaultTo(0).check(sql`sold_count >= 0`))
    .addColumn('custom_made', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('purity_mark', 'text')
    .addColumn('metal_weight_mg', 'integer', (col) => col.check(sql`metal_weight_mg > 0`))
    .addColumn('image_ids', sql`uuid[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('draft', 'published', 'suspended', 'sold_out', 'archived')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('search_bigrams', sql`text[]`, (col) =>
      col.notNull().generatedAlwaysAs(sql`jl_bigrams(title || ' ' || description)`).stored(),
    )
    .execute();
  // One certificate backs one active listing: a piece cannot be sold twice under two listings.
  await sql`
    create unique index listings_one_active_per_certificate on listings (certificate_id)
    where certificate_id is not null and status <> 'archived'`.execute(db);
  await db.schema
    .createIndex('listings_seller_idx')
    .on('listings')
    .columns(['seller_org_id', 'status'])
    .execute();
  await sql`create index listings_catalog_idx on listings (status, category, price_fen)`.execute(db);
  // The catalogue lists what is on sale, newest first or by price: partial indexes in that order.
  await sql`
    create index listings_on_sale_newest_idx on listings (published_at desc, id)
    where status in ('published', 'sold_out')`.execute(db);
  await sql`
    create index listings_on_sale_price_idx on listings (price_fen, id)
    where status in ('published', 'sold_out')`.execute(db);
  await sql`create index listings_search_bigrams_idx on listings using gin (search_bigrams)`.execute(db);

  // What an organisation is told by the platform (a revoked certificate suspended its listing …).
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('notifications_org_idx')
    .on('notifications')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('price_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('list_price', 'comparison_price', 'deal')`),
    )
    .addColumn('price_fen', 'bigint', (col) => col.check(sql`price_fen > 0`))
    .addColumn('quantity', 'integer')
    .addColumn('source', 'text')
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('price_events_listing_idx')
    .on('price_events')
    .columns(['listing_id', 'kind', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'price_events',
    'listings',
    'certificate_events',
    'certificates',
    'images',
    'seller_profiles',
    'studio_bookings',
    'base_memberships',
    'studios',
    'bases',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function jl_bigrams`.execute(db);
}
