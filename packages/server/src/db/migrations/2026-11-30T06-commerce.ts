import { type Kysely, sql } from 'kysely';

const ORDER_STATUSES = sql`('pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refund_requested', 'refunded')`;

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // A flash sale (秒杀) holds stock reserved from its listing; `remaining` is the one hot row every
  // grab decrements, so nothing indexed changes on it (HOT updates) and pages keep room for them.
  await db.schema
    .createTable('flash_sales')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (col) => col.notNull().references('live_sessions.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn('remaining', 'integer', (col) => col.notNull().check(sql`remaining >= 0`))
    .addColumn('price_fen', 'bigint', (col) => col.notNull().check(sql`price_fen > 0`))
    .addColumn('per_buyer_limit', 'integer', (col) => col.notNull().check(sql`per_buyer_limit > 0`))
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('sold_out_at', 'timestamptz')
    .addColumn('stock_returned_at', 'timestamptz')
    .addColumn('returned_quantity', 'integer')
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('flash_sales_remaining_le_quantity', sql`remaining <= quantity`)
    .addCheckConstraint('flash_sales_window', sql`ends_at > starts_at`)
    .execute();
  await sql`alter table flash_sales set (fillfactor = 50)`.execute(db);
  // One open sale per session: a new one waits until the previous one gave its stock back.
  await sql`
    create unique index flash_sales_one_open_per_session on flash_sales (session_id)
    where stock_returned_at is null`.execute(db);
  await sql`create index flash_sales_open_idx on flash_sales (ends_at) where stock_returned_at is null`.execute(
    db,
  );

  // What each buyer took from a sale: the per-buyer limit is a conditional upsert on this row.
  // No foreign key to flash_sales on purpose: its check would take a KEY SHARE lock on the hot sale
  // row in every grab transaction while it queues, turning each decrement into a MultiXact rewrite.
  // Rows are only written by grabs of an existing sale.
  await db.schema
    .createTable('flash_sale_buyers')
    .addColumn('flash_sale_id', 'uuid', (col) => col.notNull())
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity >= 0`))
    .addPrimaryKeyConstraint('flash_sale_buyers_pk', ['flash_sale_id', 'buyer_user_id'])
    .execute();

  // The broadcast throttle lives apart from the sale so that it never locks the hot row.
  await db.schema
    .createTable('flash_sale_broadcasts')
    .addColumn('flash_sale_id', 'uuid', (col) =>
      col.primaryKey().references('flash_sales.id').onDelete('cascade'),
    )
    .addColumn('last_sent_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_remaining', 'integer')
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('buyer_user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('seller_org_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('listing_id', 'uuid', (col) => col.notNull().references('listings.id'))
    .addColumn('live_session_id', 'uuid', (col) => col.references('live_sessions.id'))
    // No foreign key to flash_sales, like flash_sale_buyers: a grab inserts its order before it
    // decrements the sale, and the check's KEY SHARE lock on the hot row would be held while queueing.
    // Only `jl_flash_grab_batch` sets it, for a sale it has just read; sales are never deleted.
    .addColumn('flash_sale_id', 'uuid')
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_fen', 'bigint', (col) => col.notNull().check(sql`unit_price_fen > 0`))
    .addColumn('total_fen', 'bigint', (col) => col.notNull().check(sql`total_fen > 0`))
    .addColumn('custom_made', 'boolean', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ${ORDER_STATUSES}`))
    .addColumn('payment_due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('tracking_number', 'text')
    .addColumn('carrier', 'text')
    .addColumn('refund_reason', 'text')
    // Where a refund request came from: before shipping the goods never left, so stock returns.
    .addColumn('refund_from_status', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('paid_at', 'timestamptz')
    .addColumn('shipped_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('refund_requested_at', 'timestamptz')
    .addColumn('refunded_at', 'timestamptz')
    .execute();
  await sql`create index orders_buyer_idx on orders (buyer_user_id, created_at desc)`.execute(db);
  await sql`create index orders_seller_idx on orders (seller_org_id, created_at desc)`.execute(db);
  await sql`create index orders_listing_idx on orders (listing_id)`.execute(db);
  await sql`create index orders_flash_sale_idx on orders (flash_sale_id) where flash_sale_id is not null`.execute(
    db,
  );
  await sql`create index orders_payment_due_idx on orders (payment_due_at) where status = 'pending_payment'`.execute(
    db,
  );
  await sql`create index orders_delivered_idx on orders (delivered_at) where status = 'delivered'`.execute(
    db,
  );

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_id', 'uuid', (col) => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) =>
      col.notNull().check(sql`actor in ('buyer', 'seller', 'system', 'payment')`),
    )
    .addColumn('actor_user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('order_events_order_idx')
    .on('order_events')
    .columns(['order_id', 'id'])
    .execute();

  // A retried request with the same key answers with the same order, never a second one.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('order_id', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();
  // Deferred: the key is claimed first, carrying the id its order will get in the same transaction.
  await sql`
    alter table idempotency_keys add constraint idempotency_keys_order_fk foreign key (order_id)
    references orders (id) on delete cascade deferrable initially deferred`.execute(db);
  await db.schema
    .createIndex('idempotency_keys_created_idx')
    .on('idempotency_keys')
    .column('created_at')
    .execute();

  // Grabs of one sale, a batch at a time, as one statement from the API (autocommit): one commit
  // (one WAL flush) for the whole batch, and the sale row locked only at the very end.
  //  1. Per request, without the sale row's lock: claim the idempotency key (a key already taken
  //     answers with its order), count the piece against the buyer's limit on the buyer's own row
  //     (over the limit: the key is given back), insert the order and its first event.
  //  2. Lock the sale row once, grant min(remaining, pending) pieces in request order, decrement.
  //  3. Requests past the grant lose: their orders are deleted (keys and events go with them by
  //     cascade) and their count is given back. Nothing waits for anything while the row is held.
  await sql`
    create function jl_flash_grab_batch(p_sale uuid, p_requests jsonb, p_timeout_minutes int)
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
        insert into order_events (order_id, from_status, to_status, actor, actor_user_id, note)
        values (r.new_order, null, 'pending_payment', 'buyer', r.buyer, 'flash sale grab');
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
    end $$`.execute(db);

  await db.schema
    .createTable('payments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('order_id', 'uuid', (col) => col.notNull().references('orders.id'))
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'succeeded', 'failed', 'refunded')`),
    )
    .addColumn('amount_fen', 'bigint', (col) => col.notNull().check(sql`amount_fen > 0`))
    .addColumn('provider_ref', 'text')
    .addColumn('pay_url', 'text')
    .addColumn('refund_ref', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('refunded_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('payments_order_idx').on('payments').column('order_id').execute();
  // Money for an order is taken once.
  await sql`
    create unique index payments_one_success_per_order on payments (order_id)
    where status in ('succeeded', 'refunded')`.execute(db);

  // Every notification a provider sent, by its own id: a duplicate delivery changes nothing.
  await db.schema
    .createTable('payment_notifications')
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('notification_id', 'text', (col) => col.notNull())
    .addColumn('payment_id', 'uuid', (col) => col.references('payments.id'))
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('result', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('payment_notifications_pk', ['provider', 'notification_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function jl_flash_grab_batch(uuid, jsonb, int)`.execute(db);
  for (const table of [
    'payment_notifications',
    'payments',
    'idempotency_keys',
    'order_events',
    'orders',
    'flash_sale_broadcasts',
    'flash_sale_buyers',
    'flash_sales',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
