import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
//
// A grab moves pieces, it does not take any: the winners' pieces go from the flash sale's hold to
// one hold per order, and `held` is the same before and after. Migration 15-41 did it as two
// statements — shrink the sale's hold, insert the orders' holds — each of which the counter
// triggers booked on its own: four UPDATEs of the listing and its counter row per batch that
// cancelled out, all while the batch held the sale's hot row. Now the batch only inserts the
// orders' holds, naming the sale's hold as their source; the insert trigger shrinks that hold by
// as much in the same statement (the sale's hold must be unreleased, on the same listing, and
// its quantity CHECK still refuses going below 0) and books the move as what it is, nothing.
// The nested shrink is the one UPDATE the update trigger does not book: it must run inside the
// insert trigger (trigger depth 2) under the marker that trigger sets for exactly that hold and
// quantity; any other change of a hold, from any depth, is booked as before. Every other hold
// (an auction's lot and its hammer order, buy-now, a sale's own hold) is counted as before, so
// `held + sold` still never passes the capacity nor the certificate.

/** `jl_flash_grab_batch`: with `transfer`, the winners' holds are one INSERT (15-41's two statements otherwise). */
const grabBatchFunction = (transfer: boolean) => `
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
      v_hold uuid;
      i int;
    begin
      -- A plain read: the sale's terms (price, limit, listing) never change after it starts.
      select s.per_buyer_limit, s.listing_id, s.seller_org_id, s.session_id, s.price_fen, l.custom_made
      into v_sale
      from flash_sales s join listings l on l.id = s.listing_id
      where s.id = p_sale;
      if not found then
        raise exception using errcode = 'JL404', message = 'flash sale not found';
      end if;
${
  transfer
    ? `      -- The sale's hold, a plain read (its id never changes); the winners' holds name it.
      select h.id into v_hold from listing_holds h where h.kind = 'flash_sale' and h.holder_id = p_sale;
`
    : ''
}
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
  transfer
    ? `          -- The winners' pieces move from the sale's hold to one hold per order, in one statement:
          -- the ledger's insert trigger shrinks the sale's hold by as much, and the counters stay.
          insert into listing_holds (listing_id, kind, holder_id, quantity, source_hold_id)
          select v_sale.listing_id, 'order', v_order[v_pending[g.i]], 1, v_hold
          from generate_series(1, v_granted) g(i);`
    : `          update listing_holds h set quantity = h.quantity - v_granted
          where h.kind = 'flash_sale' and h.holder_id = p_sale and h.released_at is null
          returning h.id into v_hold;
          if v_hold is null then
            raise exception using errcode = 'JL409', message = 'the flash sale holds no pieces';
          end if;
          insert into listing_holds (listing_id, kind, holder_id, quantity, source_hold_id)
          select v_sale.listing_id, 'order', v_order[v_pending[g.i]], 1, v_hold
          from generate_series(1, v_granted) g(i);`
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

/** The insert trigger; with `transfer`, an order's hold sourced from a flash sale's hold is a move. */
const insertedTrigger = (transfer: boolean) => `
    create or replace function jl_listing_holds_inserted() returns trigger language plpgsql as $$
    declare
      c record;
      t record;
      v_moved boolean;
      v_blocked record;
    begin
${
  transfer
    ? `      -- Moves: the source (a flash sale's hold of the same listing, not released) gives up what
      -- the new holds take. One UPDATE per source, in a stable order.
      for t in
        select n.source_hold_id as id, n.listing_id, sum(n.quantity)::int as quantity
        from new_holds n
        join listing_holds s on s.id = n.source_hold_id and s.kind = 'flash_sale'
        where n.kind = 'order'
        group by n.source_hold_id, n.listing_id order by n.source_hold_id
      loop
        perform set_config('jl.hold_transfer', t.id || ':' || t.quantity, true);
        update listing_holds s set quantity = s.quantity - t.quantity
        where s.id = t.id and s.listing_id = t.listing_id and s.released_at is null;
        get diagnostics v_moved = row_count;
        perform set_config('jl.hold_transfer', '', true);
        if not v_moved then
          raise exception using errcode = 'JL409', message = 'the flash sale holds no pieces';
        end if;
      end loop;
      for c in
        select n.listing_id,
               (coalesce(sum(n.quantity) filter (where n.released_at is null), 0)
                - coalesce(sum(n.quantity) filter (where s.id is not null), 0))::int as held,
               coalesce(sum(n.quantity) filter (where n.released_as = 'sold'), 0)::int as sold,
               -coalesce(sum(n.quantity) filter (where n.released_as = 'withdrawn'), 0)::int as capacity
        from new_holds n
        left join listing_holds s on s.id = n.source_hold_id and s.kind = 'flash_sale' and n.kind = 'order'
        group by n.listing_id order by n.listing_id
      loop
        if (c.held, c.sold, c.capacity) <> (0, 0, 0) then
          perform jl_listing_stock_apply(c.listing_id, c.held, c.sold, c.capacity, false);
        end if;
      end loop;`
    : `      for c in
        select n.listing_id,
               coalesce(sum(n.quantity) filter (where n.released_at is null), 0)::int as held,
               coalesce(sum(n.quantity) filter (where n.released_as = 'sold'), 0)::int as sold,
               -coalesce(sum(n.quantity) filter (where n.released_as = 'withdrawn'), 0)::int as capacity
        from new_holds n group by n.listing_id order by n.listing_id
      loop
        perform jl_listing_stock_apply(c.listing_id, c.held, c.sold, c.capacity, false);
      end loop;`
}
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
    end $$`;

/** The update trigger; with `transfer`, the insert trigger's own shrink of a sale's hold is not booked twice. */
const updatedTrigger = (transfer: boolean) => `
    create or replace function jl_listing_holds_updated() returns trigger language plpgsql as $$
    declare
      c record;
    begin
${
  transfer
    ? `      if pg_trigger_depth() > 1 and coalesce(current_setting('jl.hold_transfer', true), '') <> ''
         and (select count(*) from new_holds) = 1
         and exists (
           select 1 from old_holds o join new_holds n on n.id = o.id
           where o.id || ':' || (o.quantity - n.quantity) = current_setting('jl.hold_transfer', true)
             and o.released_at is null and n.released_at is null and n.kind = 'flash_sale') then
        return null;
      end if;
`
    : ''
}      for c in
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
    end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(updatedTrigger(true)).execute(db);
  await sql.raw(insertedTrigger(true)).execute(db);
  await sql.raw(grabBatchFunction(true)).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(grabBatchFunction(false)).execute(db);
  await sql.raw(insertedTrigger(false)).execute(db);
  await sql.raw(updatedTrigger(false)).execute(db);
}
