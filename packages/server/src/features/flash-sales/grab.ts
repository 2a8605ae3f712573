import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { conflict, notFound, unprocessable } from '../../http/errors';
import { commerceConfig } from '../orders/config';
import { buyerKeyScope, findIdempotencyKey, type IdempotentOutcome, replayKey } from '../orders/idempotency';
import { announceSoon } from './announce';
import { type FlashSaleRow, flashSaleState, readFlashSale } from './repository';
import { forgetSale, noteRemaining, saleSnapshot } from './snapshot';

type Reason = 'sold_out' | 'not_started' | 'ended' | 'limit_reached';
const refusal = (reason: Reason, message: string) => conflict(message, { reason });

function refuseUnlessRunning(sale: FlashSaleRow | undefined): asserts sale is FlashSaleRow {
  if (!sale) throw notFound('flash sale');
  const state = flashSaleState(sale);
  if (state === 'scheduled') throw refusal('not_started', 'this flash sale has not started yet');
  if (state === 'ended') throw refusal('ended', 'this flash sale has ended');
  if (state === 'sold_out') throw refusal('sold_out', 'sold out');
}

/**
 * One grab: at most one piece, as one order.
 *
 * 1. A known idempotency key answers with its order.
 * 2. The sale's snapshot (no lock, at most 100 ms old) answers sold out / not started / ended at
 *    once: a crowd after the last piece never reaches the sale row.
 * 3. `jl_flash_grab` (one statement, autocommit) claims the key — a concurrent twin waits on it
 *    and then replays the first order —, counts the piece against the buyer's limit on the
 *    buyer's own row, decrements `remaining` only while it is above zero and the sale is open,
 *    and inserts the order and its first event. Any refusal raises, rolling all of it back.
 */
export async function grabFlashSale(
  deps: Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>,
  buyerUserId: string,
  saleId: string,
  idempotencyKey: string,
): Promise<IdempotentOutcome> {
  const { db } = deps;
  const scope = buyerKeyScope(buyerUserId);
  const fingerprint = `flash:${saleId}`;
  const known = await findIdempotencyKey(db, scope, idempotencyKey);
  if (known) return replayKey(known, fingerprint);
  refuseUnlessRunning(await saleSnapshot(db, saleId));

  let result: { outcome: string; orderId: string | null; remaining: number | null } | undefined;
  try {
    result = await sql<{ outcome: string; orderId: string | null; remaining: number | null }>`
      select outcome, order_id as "orderId", remaining
      from jl_flash_grab(${saleId}, ${buyerUserId}, ${scope}, ${idempotencyKey}, ${fingerprint},
                         gen_random_uuid(), ${commerceConfig(deps.config).flashSalePaymentTimeoutMinutes})`
      .execute(db)
      .then((r) => r.rows[0]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'JL429') throw refusal('limit_reached', 'the per-buyer limit of this flash sale is reached');
    if (code === 'JL404') throw notFound('flash sale');
    if (code === 'JL409') {
      // Lost the race, or the sale closed since the snapshot: say which, from a fresh read.
      forgetSale(saleId);
      refuseUnlessRunning(await readFlashSale(db, saleId));
      throw refusal('sold_out', 'sold out');
    }
    throw error;
  }
  if (!result?.orderId || result.outcome === 'key_reused') {
    throw unprocessable('this idempotency key was already used for a different request', {
      reason: 'idempotency_key_reused',
    });
  }
  if (result.outcome === 'replayed') return { orderId: result.orderId, replayed: true };
  if (result.remaining !== null) {
    noteRemaining(saleId, result.remaining);
    announceSoon(deps, saleId, result.remaining);
  }
  return { orderId: result.orderId, replayed: false };
}
