import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// A grab batch that answers with each order as well, so a winner's response needs no second round
// trip to read back what the batch has just written. The orders are read by a second statement
// inside the function: one statement never sees rows its own function call inserted, the next
// one does. Each order is read only together with the buyer whose request it answers.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function jl_flash_grab_batch_orders(p_sale uuid, p_requests jsonb, p_timeout_minutes int)
    returns table (idx int, outcome text, order_id uuid, remaining int, order_row jsonb)
    language plpgsql as $$
    declare
      v_idx int[];
      v_outcome text[];
      v_order uuid[];
      v_remaining int[];
    begin
      select array_agg(b.idx order by b.idx), array_agg(b.outcome order by b.idx),
             array_agg(b.order_id order by b.idx), array_agg(b.remaining order by b.idx)
      into v_idx, v_outcome, v_order, v_remaining
      from jl_flash_grab_batch(p_sale, p_requests, p_timeout_minutes) b;

      return query
      select r.idx, r.outcome, r.order_id, r.remaining,
             case when o.id is null then null
                  else to_jsonb(o) || jsonb_build_object('listing_title', l.title) end
      from unnest(v_idx, v_outcome, v_order, v_remaining) as r(idx, outcome, order_id, remaining)
      left join orders o
        on o.id = r.order_id and o.buyer_user_id = (p_requests -> r.idx ->> 'buyer')::uuid
      left join listings l on l.id = o.listing_id;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function jl_flash_grab_batch_orders(uuid, jsonb, int)`.execute(db);
}
