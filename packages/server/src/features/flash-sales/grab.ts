import type { AppDeps } from '../../deps';
import { conflict, notFound, unprocessable } from '../../http/errors';
import { nothingToAudit, requestAuditFields } from '../audit/request-context';
import { buyerKeyScope, type IdempotentOutcome, replayKey } from '../orders/idempotency';
import type { OrderRow } from '../orders/repository';
import { announceSoon } from './announce';
import { submitGrab } from './batcher';
import { findGrabKey } from './lookups';
import { type FlashSaleRow, flashSaleState } from './repository';
import { noteRemaining, saleSnapshot } from './snapshot';

type Reason = 'sold_out' | 'not_started' | 'ended' | 'session_ended' | 'limit_reached';
const refusal = (reason: Reason, message: string) => conflict(message, { reason });

function refuseUnlessRunning(sale: FlashSaleRow | undefined): asserts sale is FlashSaleRow {
  if (!sale) throw notFound('flash sale');
  const state = flashSaleState(sale);
  if (state === 'scheduled') throw refusal('not_started', 'this flash sale has not started yet');
  // Ended with its session (settled at the end): the session is why.
  if (state === 'ended' && sale.endCause === 'session_ended') {
    throw refusal('session_ended', 'the live session of this flash sale is over');
  }
  if (state === 'ended') throw refusal('ended', 'this flash sale has ended');
  if (state === 'sold_out') throw refusal('sold_out', 'sold out');
}

/**
 * One grab: at most one piece, as one order.
 *
 * 1. The sale's snapshot (no lock, at most 100 ms old) answers sold out / not started / ended at
 *    once — unless the idempotency key is known, then with its order: a crowd after the last
 *    piece never reaches the sale row.
 * 2. The grab joins this instance's next batch for the sale (`batcher.ts`): one transaction in
 *    `jl_flash_grab_batch` claims each key (a concurrent twin waits on it, then replays the first
 *    order), counts each piece against its buyer's limit, inserts the orders, and only then locks
 *    the sale row once to grant min(remaining, asked) pieces; the rest are rolled back. The batch
 *    answers with each order, so the response needs no read-back.
 * Key look-ups of concurrent refusals share round trips (`lookups.ts`).
 */
export async function grabFlashSale(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  buyerUserId: string,
  saleId: string,
  idempotencyKey: string,
): Promise<IdempotentOutcome & { order?: OrderRow }> {
  const { db } = deps;
  const scope = buyerKeyScope(buyerUserId);
  const fingerprint = `flash:${saleId}`;
  try {
    refuseUnlessRunning(await saleSnapshot(db, saleId));
  } catch (refused) {
    // A retried click after the sale closed still gets the order its first click made.
    const known = await findGrabKey(db, scope, idempotencyKey);
    if (known) return replayKey(known, fingerprint);
    throw refused;
  }

  const result = await submitGrab(deps, saleId, {
    buyerUserId,
    scope,
    key: idempotencyKey,
    fingerprint,
    audit: requestAuditFields(),
  });
  switch (result.outcome) {
    case 'created':
      if (result.remaining !== null) {
        noteRemaining(saleId, result.remaining);
        announceSoon(deps, saleId, result.remaining);
      }
      return { orderId: result.orderId as string, replayed: false, order: result.order ?? undefined };
    case 'replayed':
      nothingToAudit('a replay answered with the order its idempotency key made');
      return { orderId: result.orderId as string, replayed: true, order: result.order ?? undefined };
    case 'key_reused':
      throw unprocessable('this idempotency key was already used for a different request', {
        reason: 'idempotency_key_reused',
      });
    case 'limit_reached':
      throw refusal('limit_reached', 'the per-buyer limit of this flash sale is reached');
    case 'sold_out':
      // Lost the race, or the sale closed since the snapshot (the batcher dropped it): say which.
      refuseUnlessRunning(await saleSnapshot(db, saleId));
      throw refusal('sold_out', 'sold out');
    case 'queued_behind_sold_out': {
      // Never reached the database: a twin of an earlier click may still have made an order.
      const known = await findGrabKey(db, scope, idempotencyKey);
      if (known) return replayKey(known, fingerprint);
      refuseUnlessRunning(await saleSnapshot(db, saleId));
      throw refusal('sold_out', 'sold out');
    }
  }
}
