import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { type AuditEntry, recordAuditEntries } from '../audit/repository';
import type { RequestAuditFields } from '../audit/request-context';
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
    })),
  );
  const timeout = commerceConfig(deps.config).flashSalePaymentTimeoutMinutes;
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const rows = await sql<{
          idx: number;
          outcome: GrabOutcome;
          orderId: string | null;
          orderRow: Record<string, unknown> | null;
          remaining: number | null;
        }>`
          select idx, outcome, order_id as "orderId", order_row as "orderRow", remaining
          from jl_flash_grab_batch_orders(${saleId}, ${payload}::jsonb, ${timeout})`
          .execute(trx)
          .then((result) => result.rows);
        const byIndex: GrabResult[] = [];
        const audits: AuditEntry[] = [];
        for (const row of rows) {
          const order = row.orderRow ? orderFromJson(row.orderRow) : null;
          byIndex[row.idx] = { outcome: row.outcome, orderId: row.orderId, order, remaining: row.remaining };
          const request = requests[row.idx];
          if (row.outcome === 'created' && order && request) audits.push(grabAudit(saleId, request, order));
        }
        // In the batch's transaction, one statement for all its orders.
        await recordAuditEntries(trx, audits);
        return byIndex;
      });
    } catch (error) {
      // Two instances' batches can meet on one buyer's rows (same buyer, same key, at once);
      // PostgreSQL aborts one of them, and nothing of it was written: run it again.
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= 3) throw error;
    }
  }
}

function grabAudit(saleId: string, request: GrabRequest, order: OrderRow): AuditEntry {
  return {
    action: 'order.created',
    requestId: request.audit?.requestId ?? null,
    ip: request.audit?.ip ?? null,
    actorUserId: request.buyerUserId,
    actorTokenId: null,
    organizationId: order.sellerOrgId,
    targetType: 'order',
    targetId: order.id,
    details: {
      by: 'buyer',
      flashSaleId: saleId,
      listingId: order.listingId,
      quantity: order.quantity,
      totalFen: order.totalFen,
      liveSessionId: order.liveSessionId,
    },
  };
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
