import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { noteAuditWritten, type RequestAuditFields } from '../audit/request-context';
import { commerceConfig } from '../orders/config';
import type { OrderRow } from '../orders/repository';
import { flashSaleState } from './repository';
import { forgetSale, peekSnapshot } from './snapshot';

export interface GrabRequest {
  buyerUserId: string;
  scope: string;
  key: string;
  fingerprint: string;
  /** The grab's own request, for its order's audit entry (a batch runs in one request's context). */
  audit: RequestAuditFields | undefined;
}

export type GrabOutcome =
  | 'created'
  | 'replayed'
  | 'key_reused'
  | 'limit_reached'
  | 'sold_out'
  /** Resolved from the snapshot without a trip to the database. */
  | 'queued_behind_sold_out';

export interface GrabResult {
  outcome: GrabOutcome;
  orderId: string | null;
  /** The order as the batch left it (created or replayed), so the answer needs no read-back. */
  order: OrderRow | null;
  /** The sale's remaining stock after this batch, when it took any. */
  remaining: number | null;
}

/**
 * Natural batching: a sale has at most BATCHES_IN_FLIGHT_PER_SALE transactions in the database
 * per instance, and whatever arrives meanwhile waits here and goes together into the next one
 * (at most MAX_GRABS_PER_BATCH). A quiet sale answers at once; a crowd shares commits (one WAL
 * flush per batch, not per order) while the batches' inserts run side by side, and only their
 * short final step queues on the sale row — instead of every buyer queueing on the sale row
 * while holding a pool connection.
 */
export const MAX_GRABS_PER_BATCH = 32;
export const BATCHES_IN_FLIGHT_PER_SALE = 2;
const DEADLOCK = '40P01';

type Deps = Pick<AppDeps, 'db' | 'config'>;
interface Waiting {
  request: GrabRequest;
  resolve: (result: GrabResult) => void;
  reject: (error: unknown) => void;
}

const queues = new Map<string, { waiting: Waiting[]; inFlight: number; scheduled: boolean }>();

export function submitGrab(deps: Deps, saleId: string, request: GrabRequest): Promise<GrabResult> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(saleId);
    if (!queue) {
      queue = { waiting: [], inFlight: 0, scheduled: false };
      queues.set(saleId, queue);
    }
    queue.waiting.push({ request, resolve, reject });
    // Sent at the end of this event-loop turn, not at once: the grabs that a crowd's requests (or
    // one sign-in batch) bring in the same turn share a batch, instead of the first one or two
    // taking both slots alone while the rest wait a whole round trip behind them.
    if (!queue.scheduled) {
      queue.scheduled = true;
      const scheduled = queue;
      setImmediate(() => {
        scheduled.scheduled = false;
        pump(deps, saleId);
      });
    }
  });
}

function pump(deps: Deps, saleId: string) {
  const queue = queues.get(saleId);
  if (!queue) return;
  while (queue.inFlight < BATCHES_IN_FLIGHT_PER_SALE && queue.waiting.length > 0) {
    // Whoever queued behind the last piece learns it without another trip to the database.
    const snapshot = peekSnapshot(saleId);
    if (snapshot && flashSaleState(snapshot) !== 'running') {
      for (const waiting of queue.waiting.splice(0)) {
        waiting.resolve({ outcome: 'queued_behind_sold_out', orderId: null, order: null, remaining: 0 });
      }
      break;
    }
    const batch = queue.waiting.splice(0, MAX_GRABS_PER_BATCH);
    queue.inFlight++;
    void settle(deps, saleId, batch).finally(() => {
      queue.inFlight--;
      if (queue.inFlight === 0 && queue.waiting.length === 0) queues.delete(saleId);
      else pump(deps, saleId);
    });
  }
  if (queue.inFlight === 0 && queue.waiting.length === 0) queues.delete(saleId);
}

async function settle(deps: Deps, saleId: string, batch: Waiting[]) {
  try {
    const results = await runBatch(
      deps,
      saleId,
      batch.map((waiting) => waiting.request),
    );
    // Someone lost: the snapshot is out of date; the next reader refreshes it (once).
    if (results.some((result) => result?.outcome === 'sold_out')) forgetSale(saleId);
    batch.forEach((waiting, i) => {
      const result = results[i];
      if (result) waiting.resolve(result);
      else waiting.reject(new Error('grab batch returned no result'));
    });
  } catch (error) {
    for (const waiting of batch) waiting.reject(error);
  }
}

async function runBatch(deps: Deps, saleId: string, requests: GrabRequest[]): Promise<GrabResult[]> {
  const payload = JSON.stringify(
    requests.map((request) => ({
      buyer: request.buyerUserId,
      scope: request.scope,
      key: request.key,
      fingerprint: request.fingerprint,
      orderId: randomUUID(),
      requestId: request.audit?.requestId ?? null,
      ip: request.audit?.ip ?? null,
    })),
  );
  const timeout = commerceConfig(deps.config).flashSalePaymentTimeoutMinutes;
  for (let attempt = 1; ; attempt++) {
    try {
      // One statement, as before: the orders' audit entries are written by it too (what
      // `recordAudit` would write, each with the request of its grab), so the sale row's lock is
      // held no longer and the batch still commits once.
      const rows = await sql<{
        idx: number;
        outcome: GrabOutcome;
        orderId: string | null;
        orderRow: Record<string, unknown> | null;
        remaining: number | null;
      }>`
        with batch as (select ${payload}::jsonb as requests), grabbed as (
          select * from jl_flash_grab_batch_orders(${saleId}, (select requests from batch), ${timeout})
        ), audited as (
          insert into audit_events
            (action, actor_user_id, organization_id, target_type, target_id, ip, request_id, details)
          select 'order.created', (request ->> 'buyer')::uuid, (g.order_row ->> 'seller_org_id')::uuid,
                 'order', g.order_id::text, request ->> 'ip', request ->> 'requestId',
                 jsonb_build_object('by', 'buyer', 'flashSaleId', ${saleId}::text,
                   'listingId', g.order_row -> 'listing_id', 'quantity', g.order_row -> 'quantity',
                   'totalFen', g.order_row -> 'total_fen', 'liveSessionId', g.order_row -> 'live_session_id')
          from grabbed g, lateral (select requests -> g.idx as request from batch) r
          where g.outcome = 'created' and g.order_row is not null
        )
        select idx, outcome, order_id as "orderId", order_row as "orderRow", remaining from grabbed`
        .execute(deps.db)
        .then((result) => result.rows);
      const byIndex: GrabResult[] = [];
      for (const row of rows) {
        const order = row.orderRow ? orderFromJson(row.orderRow) : null;
        byIndex[row.idx] = { outcome: row.outcome, orderId: row.orderId, order, remaining: row.remaining };
        if (row.outcome === 'created') noteAuditWritten(requests[row.idx]?.audit?.requestId);
      }
      return byIndex;
    } catch (error) {
      // Two instances' batches can meet on one buyer's rows (same buyer, same key, at once);
      // PostgreSQL aborts one of them, and nothing of it was written: run it again.
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= 3) throw error;
    }
  }
}

/**
 * An order row as `to_jsonb` wrote it (keys already camelCased by the Kysely plugin): timestamps
 * (`…At` columns) come as ISO strings and become dates, as the driver would have made them.
 */
function orderFromJson(json: Record<string, unknown>): OrderRow {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    row[key] = key.endsWith('At') && typeof value === 'string' ? new Date(value) : value;
  }
  return row as unknown as OrderRow;
}
