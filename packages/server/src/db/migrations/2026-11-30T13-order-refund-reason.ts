import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Who asked for an order's refund, and why the system moved an order, become kinds (with facts),
// so each reader's console words them in their own language, as for a listing's suspension
// (migration 12). `refund_reason` keeps only the buyer's own words; the sentences the system wrote
// as the notes of its own moves (a mismatch, a payment timeout, a closed return window) become the
// event's cause. `down` writes the sentences back.
const MISMATCH_PATTERN = '^就地检验结果（(.+)）与证书 ([^（[:space:]]+)（(.+)）不符$';
const MISMATCH_REFUNDED = 'refunded after the inspection mismatch';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('refund_cause_kind', 'text', (col) =>
      col.check(sql`refund_cause_kind in ('buyer', 'inspection_mismatch')`),
    )
    .addColumn('refund_cause_details', 'jsonb', (col) =>
      col.check(sql`jsonb_typeof(refund_cause_details) = 'object'`),
    )
    .execute();
  await db.schema
    .alterTable('order_events')
    .addColumn('cause', 'text', (col) =>
      col.check(sql`cause in ('inspection_mismatch', 'payment_timed_out', 'return_window_closed')`),
    )
    .execute();

  // The mismatch sentence the inspection wrote as a paid order's refund reason: its facts move over
  // (only where the lab did record a mismatch; a buyer's words stay theirs whatever they say).
  await sql`
    update orders
    set refund_cause_kind = 'inspection_mismatch',
        refund_cause_details = jsonb_build_object(
          'identification', parsed.facts[1],
          'certificateNumber', parsed.facts[2],
          'certificateIdentification', parsed.facts[3]),
        refund_reason = null
    from (
      select id, regexp_match(refund_reason, ${MISMATCH_PATTERN}) as facts
      from orders
      where refund_reason is not null
    ) parsed
    where orders.id = parsed.id and parsed.facts is not null
      and exists (
        select 1 from order_inspections i where i.order_id = orders.id and i.status = 'mismatched')`.execute(
    db,
  );
  // Every other reason was typed by the buyer.
  await sql`
    update orders set refund_cause_kind = 'buyer'
    where refund_cause_kind is null and refund_reason is not null`.execute(db);

  await sql`
    update order_events set cause = 'inspection_mismatch', note = null
    where actor = 'system' and (note ~ ${MISMATCH_PATTERN} or note = ${MISMATCH_REFUNDED})`.execute(db);
  await sql`
    update order_events set cause = 'payment_timed_out', note = null
    where actor = 'system' and note = 'payment timed out'`.execute(db);
  await sql`
    update order_events set cause = 'return_window_closed', note = null
    where actor = 'system' and note = 'return window closed'`.execute(db);

  // The buyer's words come with the buyer's kind; a system's kind comes with its facts.
  await db.schema
    .alterTable('orders')
    .addCheckConstraint(
      'orders_refund_reason_from_buyer',
      sql`coalesce(refund_cause_kind = 'buyer', false) = (refund_reason is not null)`,
    )
    .execute();
  await db.schema
    .alterTable('orders')
    .addCheckConstraint(
      'orders_refund_cause_details',
      sql`coalesce(refund_cause_kind <> 'buyer', false) = (refund_cause_details is not null)`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropConstraint('orders_refund_cause_details').execute();
  await db.schema.alterTable('orders').dropConstraint('orders_refund_reason_from_buyer').execute();
  await sql`
    update orders
    set refund_reason = format('就地检验结果（%s）与证书 %s（%s）不符',
      refund_cause_details->>'identification',
      refund_cause_details->>'certificateNumber',
      refund_cause_details->>'certificateIdentification')
    where refund_cause_kind = 'inspection_mismatch'`.execute(db);
  // A mismatch's events quote the inspection (an unpaid order's cancellation has no refund facts).
  await sql`
    update order_events e
    set note = case when e.to_status = 'refunded' then ${MISMATCH_REFUNDED}
      else format('就地检验结果（%s）与证书 %s（%s）不符',
        i.result_identification, i.certificate_number, i.certificate_identification) end
    from order_inspections i
    where e.cause = 'inspection_mismatch' and i.order_id = e.order_id`.execute(db);
  await sql`update order_events set note = 'payment timed out' where cause = 'payment_timed_out'`.execute(db);
  await sql`update order_events set note = 'return window closed' where cause = 'return_window_closed'`.execute(
    db,
  );
  await db.schema.alterTable('order_events').dropColumn('cause').execute();
  await db.schema
    .alterTable('orders')
    .dropColumn('refund_cause_kind')
    .dropColumn('refund_cause_details')
    .execute();
}
