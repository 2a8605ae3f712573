import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
//
// One piece, one sale, in the database. What can be sold of a listing is a ledger of holds: an
// unpaid order, a flash sale's reservation, an auction's lot and a giveaway's prize each hold pieces
// (`listing_holds`, one row per holding row, never deleted). A hold is released exactly once —
// `released_at` goes from null to a time in one UPDATE guarded by `released_at is null` — as
// returned (back on sale), sold (a paid order) or withdrawn (the piece leaves the listing, e.g. it
// failed its inspection). Statement triggers keep a per-listing counter row (`listing_stock`) in
// step with the ledger, and its CHECKs are what stops a second sale: `held + sold` never exceeds the
// listing's capacity nor the piece count of its certificate. `listings.stock` stays what it always
// meant, the pieces free to sell (capacity − held − sold), written by the same triggers; a direct
// write of it (the seller's editor) moves the capacity instead.
//
// While an auction holds a piece of a listing, nothing else may take a hold on it without coming
// from that auction (buy-now, a flash sale), and an auction does not start while a flash sale or
// another auction holds pieces of it: the check runs after the counter row is locked, so two
// transactions cannot both pass it.

const HOLD_KINDS = sql`('order', 'flash_sale', 'auction', 'giveaway')`;
const RELEASES = sql`('returned', 'sold', 'withdrawn')`;

const GRAB_DECLARE = `      v_hold uuid;
      i int;`;

/** `jl_flash_grab_batch` as migration 15 left it, with (when `withHolds`) the ledger moves of the winners. */
const grabBatchFunction = (withHolds: boolean) => `
    create or replace function jl_flash_grab_batch(p_sale uuid, p_requests jsonb, p_timeout_minutes int)
    returns table (idx int, outcome text, order_id uuid, remaining int)
    language plpgsql as $$
    declare
      v_sale record;
      v_key record;
      r record;
      v_n int := jsonb_array_length(p_requests);
      v_outcome text[] := array_fill(null::text, array[v_n]);
      v_order uuid[] := array_fill(null::uuid, array[v_n]);
      v_buyer uuid[] := array_fill(null::uuid, array[v_n]);
      v_pending int[] := '{}';
      v_losers uuid[] := '{}';
      v_old int;
      v_granted int := 0;
      v_remaining int;
${withHolds ? GRAB_DECLARE : '      i int;'}
    begin
      -- A plain read: the sale's terms (price, limit, listing) never change after it starts.
      select s.per_buyer_limit, s.listing_id, s.seller_org_id, s.session_id, s.price_fen, l.custom_made
      into v_sale
      from flash_sales s join listings l on l.id = s.listing_id
      where s.id = p_sale;
      if not found then
        raise exception using errcode = 'JL404', message = 'flash sale not found';
      end if;

      -- Rows are locked in buyer order, so two batches sharing buyers cannot lock them crosswise.
      for r in
        select (e.ordinality)::int as pos, (e.value->>'buyer')::uuid as buyer, e.value->>'scope' as scope,
               e.value->>'key' as key, e.value->>'fingerprint' as fingerprint,
               (e.value->>'orderId')::uuid as new_order
        from jsonb_array_elements(p_requests) with ordinality e
        order by e.value->>'buyer', e.ordinality
      loop
        v_buyer[r.pos] := r.buyer;
        -- A twin request with the same key (another instance) waits here until the first commits.
        insert into idempotency_keys (scope, key, fingerprint, order_id)
        values (r.scope, r.key, r.fingerprint, r.new_order)
        on conflict (scope, key) do nothing;
        if not found then
          select k.fingerprint, k.order_id into v_key
          from idempotency_keys k where k.scope = r.scope and k.key = r.key;
          v_order[r.pos] := v_key.order_id;
          v_outcome[r.pos] := case when v_key.fingerprint is distinct from r.fingerprint
                                   then 'key_reused' else 'replayed' end;
          continue;
        end if;
        insert into flash_sale_buyers as b (flash_sale_id, buyer_user_id, quantity)
        values (p_sale, r.buyer, 1)
        on conflict (flash_sale_id, buyer_user_id)
        do update set quantity = b.quantity + 1 where b.quantity < v_sale.per_buyer_limit;
        if not found then
          delete from idempotency_keys k where k.scope = r.scope and k.key = r.key;
          v_outcome[r.pos] := 'limit_reached';
          continue;
        end if;
        insert into orders (id, buyer_user_id, seller_org_id, listing_id, live_session_id, flash_sale_id,
                            quantity, unit_price_fen, total_fen, custom_made, status, payment_due_at)
        values (r.new_order, r.buyer, v_sale.seller_org_id, v_sale.listing_id, v_sale.session_id, p_sale,
                1, v_sale.price_fen, v_sale.price_fen, v_sale.custom_made, 'pending_payment',
                now() + make_interval(mins => p_timeout_minutes));
        insert into order_events (order_id, from_status, to_status, actor, actor_user_id, cause)
        values (r.new_order, null, 'pending_payment', 'buyer', r.buyer, 'flash_sale_grab');
        v_order[r.pos] := r.new_order;
        v_outcome[r.pos] := 'pending';
      end loop;
      -- Pieces are granted in the order the requests arrived.
      select coalesce(array_agg(g.i order by g.i), '{}') into v_pending
      from generate_series(1, v_n) g(i) where v_outcome[g.i] = 'pending';

      if coalesce(array_length(v_pending, 1), 0) > 0 then
        -- The hot row: only while the sale is open; the row lock orders the batches.
        select s.remaining into v_old from flash_sales s
        where s.id = p_sale and s.ended_at is null and now() >= s.starts_at and now() < s.ends_at
        for no key update;
        v_granted := least(coalesce(v_old, 0), array_length(v_pending, 1));
        if v_granted > 0 then
          update flash_sales s
          set remaining = s.remaining - v_granted,
              sold_out_at = case when s.remaining = v_granted then now() else s.sold_out_at end
          where s.id = p_sale
          returning s.remaining into v_remaining;
${
  withHolds
    ? `          -- The winners' pieces move from the sale's hold to one hold per order: two statements
          -- for the whole batch, whatever its size.
          update listing_holds h set quantity = h.quantity - v_granted
          where h.kind = 'flash_sale' and h.holder_id = p_sale and h.released_at is null
          returning h.id into v_hold;
          if v_hold is null then
            raise exception using errcode = 'JL409', message = 'the flash sale holds no pieces';
          end if;
          insert into listing_holds (listing_id, kind, holder_id, quantity, source_hold_id)
          select v_sale.listing_id, 'order', v_order[v_pending[g.i]], 1, v_hold
          from generate_series(1, v_granted) g(i);`
    : ''
}
        end if;
        for i in 1 .. array_length(v_pending, 1) loop
          if i <= v_granted then
            v_outcome[v_pending[i]] := 'created';
          else
            v_outcome[v_pending[i]] := 'sold_out';
            v_losers := v_losers || v_order[v_pending[i]];
            update flash_sale_buyers b set quantity = b.quantity - 1
            where b.flash_sale_id = p_sale and b.buyer_user_id = v_buyer[v_pending[i]];
            v_order[v_pending[i]] := null;
          end if;
        end loop;
        if array_length(v_losers, 1) > 0 then
          delete from orders o where o.id = any(v_losers);
          -- A twin in this batch that replayed a losing order lost with it.
          for i in 1 .. v_n loop
            if v_outcome[i] = 'replayed' and v_order[i] = any(v_losers) then
              v_outcome[i] := 'sold_out';
              v_order[i] := null;
            end if;
          end loop;
        end if;
      end if;

      return query
      select g.i - 1, v_outcome[g.i], v_order[g.i], v_remaining from generate_series(1, v_n) g(i);
    end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  // The ledger. `holder_id` names the order, sale, auction or giveaway; no foreign key, like
  // `orders.flash_sale_id`: a grab inserts its holds while it holds the sale's hot row.
  await db.schema
    .createTable('listing_holds')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ${HOLD_KINDS}`))
    .addColumn('holder_id', 'uuid', (col) => col.notNull())
    // A flash sale's hold shrinks as its pieces go to orders, down to 0 once sold out.
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity >= 0`))
    // The hold the pieces came from (a grab's order from its sale, a hammer's order from its lot).
    .addColumn('source_hold_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_as', 'text', (col) => col.check(sql`released_as in ${RELEASES}`))
    // Why it was released, for the timeline (paid, payment_timed_out, session_ended …).
    .addColumn('release_cause', 'text')
    .addCheckConstraint(
      'listing_holds_release_complete',
      sql`(released_at is null) = (released_as is null) and (released_at is null) = (release_cause is null)`,
    )
    .addUniqueConstraint('listing_holds_one_per_holder', ['kind', 'holder_id'])
    .execute();
  await sql`alter table listing_holds set (fillfactor = 70)`.execute(db);
  await sql`
    create index listing_holds_active_idx on listing_holds (listing_id, kind)
    where released_at is null`.execute(db);

  // The counter row: one per listing, locked by every change of its holds.
  await db.schema
    .createTable('listing_stock')
    .addColumn('listing_id', 'uuid', (col) => col.primaryKey().references('listings.id').onDelete('cascade'))
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity >= 0`))
    .addColumn('held', 'integer', (col) => col.notNull().defaultTo(0).check(sql`held >= 0`))
    .addColumn('sold', 'integer', (col) => col.notNull().defaultTo(0).check(sql`sold >= 0`))
    // The piece count of the listing's certificate (null: no certificate).
    .addColumn('certified', 'integer')
    .addCheckConstraint('listing_stock_within_capacity', sql`held + sold <= capacity`)
    .execute();
  await sql`alter table listing_stock set (fillfactor = 50)`.execute(db);

  // What is held today, as the old columns recorded it.
  await sql`
    insert into listing_holds (listing_id, kind, holder_id, quantity, created_at, released_at, released_as, release_cause)
    select o.listing_id, 'order', o.id, o.quantity, o.created_at,
      case when o.status = 'pending_payment' then null
           when o.status = 'cancelled' then coalesce(o.cancelled_at, o.updated_at)
           else coalesce(o.paid_at, o.updated_at) end,
      case when o.status = 'pending_payment' then null
           when o.status = 'cancelled' and mismatch.order_id is not null then 'withdrawn'
           when o.status = 'cancelled' then 'returned'
           when o.status = 'refunded' and o.refund_from_status = 'paid' and mismatch.order_id is null then 'returned'
           else 'sold' end,
      case when o.status = 'pending_payment' then null
           when o.status = 'cancelled' then 'cancelled'
           when o.status = 'refunded' and o.refund_from_status = 'paid' and mismatch.order_id is null then 'refunded'
           else 'paid' end
    from orders o
    left join order_inspections mismatch on mismatch.order_id = o.id and mismatch.status = 'mismatched'`.execute(
    db,
  );
  await sql`
    insert into listing_holds (listing_id, kind, holder_id, quantity, created_at, released_at, released_as, release_cause)
    select s.listing_id, 'flash_sale', s.id,
      case when s.stock_returned_at is null then s.remaining else coalesce(s.returned_quantity, 0) end,
      s.created_at, s.stock_returned_at,
      case when s.stock_returned_at is null then null else 'returned' end,
      case when s.stock_returned_at is null then null else 'sale_ended' end
    from flash_sales s`.execute(db);
  await sql`
    insert into listing_holds (listing_id, kind, holder_id, quantity, created_at, released_at, released_as, release_cause)
    select a.listing_id, 'auction', a.id, 1, a.created_at, a.closed_at,
      case when a.closed_at is null then null else 'returned' end,
      case when a.closed_at is null then null when a.outcome = 'sold' then 'hammer' else 'unsold' end
    from auctions a`.execute(db);
  await sql`
    insert into listing_stock (listing_id, capacity, held, sold, certified)
    select l.id, l.stock + coalesce(h.held, 0) + coalesce(h.sold, 0), coalesce(h.held, 0), coalesce(h.sold, 0),
           c.quantity
    from listings l
    left join certificates c on c.id = l.certificate_id
    left join (
      select listing_id,
             sum(quantity) filter (where released_at is null)::int as held,
             sum(quantity) filter (where released_as = 'sold')::int as sold
      from listing_holds group by listing_id
    ) h on h.listing_id = l.id`.execute(db);
  // New and changed rows keep to the certificate; a listing that already broke it is not refused
  // its migration, only any further hold.
  await sql`
    alter table listing_stock add constraint listing_stock_within_certificate
    check (certified is null or held + sold <= certified) not valid`.execute(db);

  // A released hold stays released; only a sale can still be undone (a refund before shipping
  // returns the piece, an inspection mismatch withdraws it). Nothing is deleted.
  await sql`
    create function jl_listing_holds_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'listing holds are never deleted' using errcode = 'JL409';
      end if;
      if new.listing_id <> old.listing_id or new.kind <> old.kind or new.holder_id <> old.holder_id then
        raise exception 'a hold keeps its listing and holder' using errcode = 'JL409';
      end if;
      if old.released_at is not null and (
           new.released_at is null or new.quantity <> old.quantity
           or not (new.released_as = old.released_as
                   or (old.released_as = 'sold' and new.released_as in ('returned', 'withdrawn')))) then
        raise exception 'hold % was released already', old.id using errcode = 'JL409';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger listing_holds_guard before update or delete on listing_holds
    for each row execute function jl_listing_holds_guard()`.execute(db);

  // The counters follow the ledger, one UPDATE per statement and listing. The listing row is
  // locked first (the order every writer of a listing's stock takes), then the counter row.
  // A listing whose last free piece is held is sold out, unless a flash sale holds it (the room is
  // selling it at the flash price); it is back on sale as soon as a piece is free again.
  await sql`
    create function jl_listing_stock_apply(
      p_listing uuid, p_held int, p_sold int, p_capacity int, p_released_sale boolean)
    returns void language plpgsql as $$
    begin
      if p_capacity - p_held - p_sold <> 0 or p_released_sale then
        update listings l
        set stock = l.stock + p_capacity - p_held - p_sold,
            status = case
              when l.status = 'published' and l.stock + p_capacity - p_held - p_sold = 0
                   and not exists (
                     select 1 from listing_holds h
                     where h.listing_id = l.id and h.released_at is null and h.kind = 'flash_sale')
                then 'sold_out'
              when l.status = 'sold_out' and l.stock + p_capacity - p_held - p_sold > 0 then 'published'
              else l.status end,
            updated_at = now()
        where l.id = p_listing;
      end if;
      if (p_held, p_sold, p_capacity) <> (0, 0, 0) then
        update listing_stock s
        set held = s.held + p_held, sold = s.sold + p_sold, capacity = s.capacity + p_capacity
        where s.listing_id = p_listing;
      end if;
    end $$`.execute(db);
  await sql`
    create function jl_listing_holds_inserted() returns trigger language plpgsql as $$
    declare
      c record;
      v_blocked record;
    begin
      for c in
        select n.listing_id,
               coalesce(sum(n.quantity) filter (where n.released_at is null), 0)::int as held,
               coalesce(sum(n.quantity) filter (where n.released_as = 'sold'), 0)::int as sold,
               -coalesce(sum(n.quantity) filter (where n.released_as = 'withdrawn'), 0)::int as capacity
        from new_holds n group by n.listing_id order by n.listing_id
      loop
        perform jl_listing_stock_apply(c.listing_id, c.held, c.sold, c.capacity, false);
      end loop;
      -- With the listing locked, every hold committed before is visible here.
      select a.kind into v_blocked
      from new_holds n
      join listing_holds a
        on a.listing_id = n.listing_id and a.released_at is null and a.id <> n.id
       and (a.kind = 'auction' or (n.kind = 'auction' and a.kind = 'flash_sale'))
      where n.released_at is null and n.source_hold_id is null and n.kind <> 'giveaway'
      limit 1;
      if found then
        raise exception using errcode = 'JL409',
          message = case when v_blocked.kind = 'auction' then 'auction_running' else 'flash_sale_running' end;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create function jl_listing_holds_updated() returns trigger language plpgsql as $$
    declare
      c record;
    begin
      for c in
        select d.listing_id, sum(d.held)::int as held, sum(d.sold)::int as sold, sum(d.capacity)::int as capacity,
               bool_or(d.released_sale) as released_sale
        from (
          select n.listing_id,
                 case when n.released_at is null then n.quantity else 0 end as held,
                 case when n.released_as = 'sold' then n.quantity else 0 end as sold,
                 case when n.released_as = 'withdrawn' then -n.quantity else 0 end as capacity,
                 n.released_at is not null and n.kind in ('flash_sale', 'auction') as released_sale
          from new_holds n
          union all
          select o.listing_id,
                 case when o.released_at is null then -o.quantity else 0 end,
                 case when o.released_as = 'sold' then -o.quantity else 0 end,
                 case when o.released_as = 'withdrawn' then o.quantity else 0 end,
                 false
          from old_holds o
        ) d
        group by d.listing_id order by d.listing_id
      loop
        perform jl_listing_stock_apply(c.listing_id, c.held, c.sold, c.capacity, c.released_sale);
      end loop;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger listing_holds_count_insert after insert on listing_holds
    referencing new table as new_holds
    for each statement execute function jl_listing_holds_inserted()`.execute(db);
  await sql`
    create trigger listing_holds_count_update after update on listing_holds
    referencing old table as old_holds new table as new_holds
    for each statement execute function jl_listing_holds_updated()`.execute(db);

  // Every listing has its counter row from its first moment; a certificate's piece count follows it.
  await sql`
    create function jl_listing_stock_row() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into listing_stock (listing_id, capacity, certified)
        values (new.id, new.stock, (select c.quantity from certificates c where c.id = new.certificate_id));
      elsif new.certificate_id is distinct from old.certificate_id then
        update listing_stock
        set certified = (select c.quantity from certificates c where c.id = new.certificate_id)
        where listing_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger listings_stock_row after insert or update of certificate_id on listings
    for each row execute function jl_listing_stock_row()`.execute(db);
  await sql`
    create function jl_certificate_pieces() returns trigger language plpgsql as $$
    begin
      update listing_stock s set certified = new.quantity
      from listings l where l.certificate_id = new.id and s.listing_id = l.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger certificates_pieces after update of quantity on certificates
    for each row when (new.quantity is distinct from old.quantity)
    execute function jl_certificate_pieces()`.execute(db);

  // A direct write of the free count (the listing editor) sets the capacity around the holds and
  // sales; the counter trigger's own writes (one level deeper) are already counted.
  await sql`
    create function jl_listing_stock_edit() returns trigger language plpgsql as $$
    begin
      if pg_trigger_depth() > 1 or new.stock = old.stock then
        return new;
      end if;
      update listing_stock set capacity = capacity + (new.stock - old.stock) where listing_id = new.id;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger listings_stock_edit before update of stock on listings
    for each row execute function jl_listing_stock_edit()`.execute(db);

  await sql.raw(grabBatchFunction(true)).execute(db);

  // Nothing runs unseen: what closed an auction or ended a sale is kept on it, and a giveaway the
  // end of its session caught before its start is called off (one that had started is drawn).
  const closers = sql`('schedule', 'stage', 'session_ended')`;
  await db.schema
    .alterTable('auctions')
    .addColumn('close_cause', 'text', (col) => col.check(sql`close_cause in ${closers}`))
    .execute();
  await db.schema
    .alterTable('flash_sales')
    .addColumn('end_cause', 'text', (col) => col.check(sql`end_cause in ${closers}`))
    .execute();
  await db.schema.alterTable('giveaways').dropConstraint('giveaways_drawn_by_check').execute();
  await db.schema
    .alterTable('giveaways')
    .addCheckConstraint('giveaways_drawn_by_check', sql`drawn_by in ('stage', 'system', 'session_ended')`)
    .execute();
  await db.schema.alterTable('giveaways').addColumn('cancelled_at', 'timestamptz').execute();
  await db.schema
    .alterTable('giveaways')
    .addCheckConstraint('giveaways_drawn_or_cancelled', sql`drawn_at is null or cancelled_at is null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('giveaways').dropConstraint('giveaways_drawn_or_cancelled').execute();
  await db.schema.alterTable('giveaways').dropColumn('cancelled_at').execute();
  await sql`update giveaways set drawn_by = 'system' where drawn_by = 'session_ended'`.execute(db);
  await db.schema.alterTable('giveaways').dropConstraint('giveaways_drawn_by_check').execute();
  await db.schema
    .alterTable('giveaways')
    .addCheckConstraint('giveaways_drawn_by_check', sql`drawn_by in ('stage', 'system')`)
    .execute();
  await db.schema.alterTable('flash_sales').dropColumn('end_cause').execute();
  await db.schema.alterTable('auctions').dropColumn('close_cause').execute();
  await sql.raw(grabBatchFunction(false)).execute(db);
  await sql`drop trigger listings_stock_edit on listings`.execute(db);
  await sql`drop function jl_listing_stock_edit()`.execute(db);
  await sql`drop trigger certificates_pieces on certificates`.execute(db);
  await sql`drop function jl_certificate_pieces()`.execute(db);
  await sql`drop trigger listings_stock_row on listings`.execute(db);
  await sql`drop function jl_listing_stock_row()`.execute(db);
  await db.schema.dropTable('listing_stock').execute();
  await db.schema.dropTable('listing_holds').execute();
  await sql`drop function jl_listing_holds_updated()`.execute(db);
  await sql`drop function jl_listing_holds_inserted()`.execute(db);
  await sql`drop function jl_listing_stock_apply(uuid, int, int, int, boolean)`.execute(db);
  await sql`drop function jl_listing_holds_guard()`.execute(db);
}
