import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
//
// The catalogue reads one table. A page of search results used to join each listing to its seller,
// its certificate and the certificate's lab, and planning those joins cost more than reading the
// page: a frequent term such as Au750 took twice as long as a plain ILIKE over `listings`. Every
// listing on sale (published or sold out) now has a `catalog_entries` row holding what its card
// shows, its sort keys and its search text, kept by triggers in the transaction that changes the
// listing, its certificate or an organisation's name. `search_text` is the lower-cased
// `title || ' ' || description`: `search_text LIKE lower(pattern)` is what ILIKE computes, without
// folding every row's text on every search. The character bigrams and their GIN index move here
// from `listings`, which nothing else searches.
//
// A certificate's status changes while its listings are being edited, so both sides take a lock:
// a listing entering the catalogue with a new certificate (inserted on sale, or its certificate
// changed) locks that certificate FOR SHARE before reading it, and a changed certificate locks its
// committed listings FOR SHARE before updating their entries (waiting for a publish in flight,
// whose listing row is already locked). Neither waits for what the other holds, so the two cannot
// deadlock. Organisations are renamed only by hand; their trigger takes no lock.

const ON_SALE = sql`('published', 'sold_out')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_entries')
    .addColumn('listing_id', 'uuid', (col) => col.primaryKey().references('listings.id').onDelete('cascade'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull())
    .addColumn('seller_name', 'text', (col) => col.notNull())
    .addColumn('seller_slug', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('price_fen', 'bigint', (col) => col.notNull())
    .addColumn('comparison_price_fen', 'bigint')
    .addColumn('stock', 'integer', (col) => col.notNull())
    .addColumn('sold_count', 'integer', (col) => col.notNull())
    .addColumn('image_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ${ON_SALE}`))
    .addColumn('purity_mark', 'text')
    .addColumn('published_at', 'timestamptz')
    .addColumn('certificate_id', 'uuid')
    .addColumn('certificate_number', 'text')
    .addColumn('certificate_identification', 'text')
    .addColumn('certificate_status', 'text')
    .addColumn('certificate_pieces', 'integer')
    .addColumn('certificate_external_lab', 'text')
    .addColumn('certificate_lab_name', 'text')
    .addColumn('certificate_lab_slug', 'text')
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('search_bigrams', sql`text[]`, (col) =>
      col.notNull().generatedAlwaysAs(sql`jl_bigrams(search_text)`).stored(),
    )
    .execute();
  // The catalogue's two orders, exactly as it sorts (price descending reads the price index backwards).
  await sql`create index catalog_entries_newest_idx on catalog_entries (published_at desc, listing_id)`.execute(
    db,
  );
  await sql`create index catalog_entries_price_idx on catalog_entries (price_fen, listing_id)`.execute(db);
  await sql`create index catalog_entries_search_bigrams_idx on catalog_entries using gin (search_bigrams)`.execute(
    db,
  );
  await sql`create index catalog_entries_seller_idx on catalog_entries (seller_org_id)`.execute(db);
  await sql`
    create index catalog_entries_certificate_idx on catalog_entries (certificate_id)
    where certificate_id is not null`.execute(db);
  // A certificate's trigger finds its listings, drafts included (a draft may be published meanwhile).
  await sql`create index listings_certificate_idx on listings (certificate_id)`.execute(db);

  // The entries of these listings, rebuilt from the listing, its seller, certificate and lab.
  await sql`
    create function jl_catalog_entries_refresh(p_listing_ids uuid[]) returns void language sql as $$
      delete from catalog_entries e using listings l
      where e.listing_id = any(p_listing_ids) and l.id = e.listing_id and l.status not in ${ON_SALE};
      insert into catalog_entries (
        listing_id, seller_org_id, seller_name, seller_slug, title, category, price_fen,
        comparison_price_fen, stock, sold_count, image_ids, status, purity_mark, published_at,
        certificate_id, certificate_number, certificate_identification, certificate_status,
        certificate_pieces, certificate_external_lab, certificate_lab_name, certificate_lab_slug,
        search_text)
      select l.id, l.seller_org_id, s.name, s.slug, l.title, l.category, l.price_fen,
             l.comparison_price_fen, l.stock, l.sold_count, l.image_ids, l.status, l.purity_mark,
             l.published_at, l.certificate_id, c.number, c.identification, c.status, c.quantity,
             c.external_lab_name, lab.name, lab.slug, lower(l.title || ' ' || l.description)
      from listings l
      join organizations s on s.id = l.seller_org_id
      left join certificates c on c.id = l.certificate_id
      left join organizations lab on lab.id = c.lab_org_id
      where l.id = any(p_listing_ids) and l.status in ${ON_SALE}
      on conflict (listing_id) do update set
        seller_org_id = excluded.seller_org_id, seller_name = excluded.seller_name,
        seller_slug = excluded.seller_slug, title = excluded.title, category = excluded.category,
        price_fen = excluded.price_fen, comparison_price_fen = excluded.comparison_price_fen,
        stock = excluded.stock, sold_count = excluded.sold_count, image_ids = excluded.image_ids,
        status = excluded.status, purity_mark = excluded.purity_mark,
        published_at = excluded.published_at, certificate_id = excluded.certificate_id,
        certificate_number = excluded.certificate_number,
        certificate_identification = excluded.certificate_identification,
        certificate_status = excluded.certificate_status,
        certificate_pieces = excluded.certificate_pieces,
        certificate_external_lab = excluded.certificate_external_lab,
        certificate_lab_name = excluded.certificate_lab_name,
        certificate_lab_slug = excluded.certificate_lab_slug, search_text = excluded.search_text
    $$`.execute(db);

  await sql`
    create function jl_catalog_entries_listings_inserted() returns trigger language plpgsql as $$
    begin
      perform 1 from certificates c
      where c.id in (select n.certificate_id from new_rows n where n.status in ${ON_SALE})
      order by c.id for share;
      perform jl_catalog_entries_refresh(array(select n.id from new_rows n where n.status in ${ON_SALE}));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger listings_catalog_entries_insert after insert on listings
    referencing new table as new_rows
    for each statement execute function jl_catalog_entries_listings_inserted()`.execute(db);

  // A listing entering or leaving the catalogue, or changing its text, seller or certificate, is
  // rebuilt; any other change (stock, sold count, price, a status between published and sold out)
  // is copied as it is, so a sale's stock updates cost one small UPDATE and no text folding.
  await sql`
    create function jl_catalog_entries_listings_updated() returns trigger language plpgsql as $$
    begin
      perform 1 from certificates c
      where c.id in (
        select n.certificate_id from new_rows n join old_rows o on o.id = n.id
        where n.status in ${ON_SALE} and n.certificate_id is distinct from o.certificate_id)
      order by c.id for share;
      perform jl_catalog_entries_refresh(array(
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.status in ${ON_SALE}) <> (o.status in ${ON_SALE})
           or (n.title, n.description, n.seller_org_id, n.certificate_id)
              is distinct from (o.title, o.description, o.seller_org_id, o.certificate_id)));
      update catalog_entries e
      set category = n.category, price_fen = n.price_fen, comparison_price_fen = n.comparison_price_fen,
          stock = n.stock, sold_count = n.sold_count, image_ids = n.image_ids, status = n.status,
          purity_mark = n.purity_mark, published_at = n.published_at
      from new_rows n
      where e.listing_id = n.id
        and (e.category, e.price_fen, e.comparison_price_fen, e.stock, e.sold_count, e.image_ids,
             e.status, e.purity_mark, e.published_at)
            is distinct from (n.category, n.price_fen, n.comparison_price_fen, n.stock, n.sold_count,
                              n.image_ids, n.status, n.purity_mark, n.published_at);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger listings_catalog_entries_update after update on listings
    referencing old table as old_rows new table as new_rows
    for each statement execute function jl_catalog_entries_listings_updated()`.execute(db);

  await sql`
    create function jl_catalog_entries_certificate_changed() returns trigger language plpgsql as $$
    begin
      perform 1 from listings l where l.certificate_id = new.id order by l.id for share;
      update catalog_entries e
      set certificate_number = new.number, certificate_identification = new.identification,
          certificate_status = new.status, certificate_pieces = new.quantity,
          certificate_external_lab = new.external_lab_name,
          certificate_lab_name = (select lab.name from organizations lab where lab.id = new.lab_org_id),
          certificate_lab_slug = (select lab.slug from organizations lab where lab.id = new.lab_org_id)
      where e.certificate_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger certificates_catalog_entries
    after update of number, identification, status, quantity, external_lab_name, lab_org_id on certificates
    for each row
    when ((new.number, new.identification, new.status, new.quantity, new.external_lab_name, new.lab_org_id)
          is distinct from
          (old.number, old.identification, old.status, old.quantity, old.external_lab_name, old.lab_org_id))
    execute function jl_catalog_entries_certificate_changed()`.execute(db);

  await sql`
    create function jl_catalog_entries_organization_renamed() returns trigger language plpgsql as $$
    begin
      update catalog_entries set seller_name = new.name, seller_slug = new.slug
      where seller_org_id = new.id;
      update catalog_entries e set certificate_lab_name = new.name, certificate_lab_slug = new.slug
      from certificates c
      where c.lab_org_id = new.id and e.certificate_id = c.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger organizations_catalog_entries after update of name, slug on organizations
    for each row when ((new.name, new.slug) is distinct from (old.name, old.slug))
    execute function jl_catalog_entries_organization_renamed()`.execute(db);

  await sql`select jl_catalog_entries_refresh(array(select id from listings where status in ${ON_SALE}))`.execute(
    db,
  );
  await sql`alter table listings drop column search_bigrams`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table listings add column search_bigrams text[] not null
    generated always as (jl_bigrams(title || ' ' || description)) stored`.execute(db);
  await sql`create index listings_search_bigrams_idx on listings using gin (search_bigrams)`.execute(db);
  await sql`drop trigger organizations_catalog_entries on organizations`.execute(db);
  await sql`drop trigger certificates_catalog_entries on certificates`.execute(db);
  await sql`drop trigger listings_catalog_entries_update on listings`.execute(db);
  await sql`drop trigger listings_catalog_entries_insert on listings`.execute(db);
  await sql`drop function jl_catalog_entries_organization_renamed()`.execute(db);
  await sql`drop function jl_catalog_entries_certificate_changed()`.execute(db);
  await sql`drop function jl_catalog_entries_listings_updated()`.execute(db);
  await sql`drop function jl_catalog_entries_listings_inserted()`.execute(db);
  await db.schema.dropTable('catalog_entries').execute();
  await sql`drop function jl_catalog_entries_refresh(uuid[])`.execute(db);
  await sql`drop index listings_certificate_idx`.execute(db);
}
