import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// The rest of the sentences the server wrote as order events' notes become causes, as migration 13
// did for the system's own moves: each console words them in its reader's language, and `note` is
// left to what a person typed (the buyer's refund reason). Only rows that are exactly what the
// server wrote move over; the facts a sentence quoted are taken from where they live (the payment,
// the order's tracking, the auction's hammer price). `down` writes the sentences back.
const OLD_CAUSES = ['inspection_mismatch', 'payment_timed_out', 'return_window_closed'];
const NEW_CAUSES = [
  ...OLD_CAUSES,
  'buyer_cancelled',
  'refund_approved',
  'payment_received',
  'shipped',
  'auction_won',
  'flash_sale_grab',
];
const HAMMER_PATTERN = '^auction ([0-9a-f-]{36}) hammer at ([0-9]+) fen$';

const causeCheck = (kinds: string[]) => sql`cause in (${sql.join(kinds.map((kind) => sql.lit(kind)))})`;

// Everything else in the grab batch stays as it was: the one insert per order writes a kind
// instead of a sentence.
const GRAB_EVENT_WITH_NOTE = `insert into order_events (order_id, from_status, to_status, actor, actor_user_id, note)
        values (r.new_order, null, 'pending_payment', 'buyer', r.buyer, 'flash sale grab');`;
const GRAB_EVENT_WITH_CAUSE = `insert into order_events (order_id, from_status, to_status, actor, actor_user_id, cause)
        values (r.new_order, null, 'pending_payment', 'buyer', r.buyer, 'flash_sale_grab');`;

/** `jl_flash_grab_batch` as migration 06 defined it, but for how it records an order's first event. */
const grabBatchFunction = (eventInsert: string) => `
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
        ${eventInsert}
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
  await db.schema.alterTable('order_events').dropConstraint('order_events_cause_check').execute();
  await db.schema
    .alterTable('order_events')
    .addCheckConstraint('order_events_cause_check', causeCheck(NEW_CAUSES))
    .execute();
  // A cause's facts, as jsonb (only the hammer's has any so far).
  await db.schema
    .alterTable('order_events')
    .addColumn('cause_details', 'jsonb', (col) => col.check(sql`jsonb_typeof(cause_details) = 'object'`))
    .execute();

  await sql`
    update order_events set cause = 'buyer_cancelled', note = null
    where actor = 'buyer' and to_status = 'cancelled' and note = 'cancelled by the buyer'`.execute(db);
  await sql`
    update order_events set cause = 'refund_approved', note = null
    where actor = 'seller' and to_status = 'refunded' and note = 'refund approved'`.execute(db);
  // The note named the payment that took the money (one per order: payments_one_success_per_order).
  await sql`
    update order_events e set cause = 'payment_received', note = null
    from payments p
    where e.actor = 'payment' and e.to_status = 'paid' and p.order_id = e.order_id
      and p.status in ('succeeded', 'refunded') and e.note = p.provider || ' payment ' || p.id`.execute(db);
  // The tracking stays where it always was, on the order.
  await sql`
    update order_events e set cause = 'shipped', note = null
    from orders o
    where e.actor = 'seller' and e.to_status = 'shipped' and o.id = e.order_id
      and o.tracking_number is not null
      and e.note = coalesce(o.carrier, 'tracking') || ' ' || o.tracking_number`.execute(db);
  await sql`
    update order_events e
    set cause = 'auction_won', note = null,
        cause_details = jsonb_build_object('hammerPriceFen', (parsed.facts[2])::bigint)
    from (
      select e2.id, regexp_match(e2.note, ${HAMMER_PATTERN}) as facts
      from order_events e2
      where e2.actor = 'system' and e2.to_status = 'pending_payment' and e2.note is not null
    ) parsed, orders o
    where e.id = parsed.id and o.id = e.order_id and parsed.facts[1] = o.auction_id::text`.execute(db);
  await sql`
    update order_events e set cause = 'flash_sale_grab', note = null
    from orders o
    where e.actor = 'buyer' and e.to_status = 'pending_payment' and e.note = 'flash sale grab'
      and o.id = e.order_id and o.flash_sale_id is not null`.execute(db);

  // Facts come with the kind that has them, and only with it.
  await db.schema
    .alterTable('order_events')
    .addCheckConstraint(
      'order_events_cause_details',
      sql`coalesce(cause = 'auction_won', false) = (cause_details is not null)`,
    )
    .execute();

  await sql.raw(grabBatchFunction(GRAB_EVENT_WITH_CAUSE)).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(grabBatchFunction(GRAB_EVENT_WITH_NOTE)).execute(db);
  await db.schema.alterTable('order_events').dropConstraint('order_events_cause_details').execute();

  await sql`
    update order_events set cause = null, note = 'flash sale grab' where cause = 'flash_sale_grab'`.execute(
    db,
  );
  await sql`
    update order_events e
    set cause = null, cause_details = null,
        note = format('auction %s hammer at %s fen', o.auction_id, e.cause_details->>'hammerPriceFen')
    from orders o
    where e.cause = 'auction_won' and o.id = e.order_id`.execute(db);
  await sql`
    update order_events e
    set cause = null, note = coalesce(o.carrier, 'tracking') || ' ' || o.tracking_number
    from orders o
    where e.cause = 'shipped' and o.id = e.order_id`.execute(db);
  await sql`
    update order_events e set cause = null, note = p.provider || ' payment ' || p.id
    from payments p
    where e.cause = 'payment_received' and p.order_id = e.order_id
      and p.status in ('succeeded', 'refunded')`.execute(db);
  await sql`
    update order_events set cause = null, note = 'refund approved' where cause = 'refund_approved'`.execute(
    db,
  );
  await sql`
    update order_events set cause = null, note = 'cancelled by the buyer'
    where cause = 'buyer_cancelled'`.execute(db);
  // Whatever had no sentence to go back to (none the server wrote) is left without a cause.
  await sql`update order_events set cause = null where cause not in (${sql.join(
    OLD_CAUSES.map((kind) => sql.lit(kind)),
  )})`.execute(db);

  await db.schema.alterTable('order_events').dropColumn('cause_details').execute();
  await db.schema.alterTable('order_events').dropConstraint('order_events_cause_check').execute();
  await db.schema
    .alterTable('order_events')
    .addCheckConstraint('order_events_cause_check', causeCheck(OLD_CAUSES))
    .execute();
}
