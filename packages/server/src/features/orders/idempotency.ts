import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { because, conflict, unprocessable } from '../../http/errors';
import { nothingToAudit } from '../audit/request-context';
import type { Tx } from './holds';

/** Keys are the buyer's own: two buyers choosing the same key never meet. */
export const buyerKeyScope = (userId: string) => `buyer:${userId}`;

export interface IdempotentOutcome {
  orderId: string;
  /** True when the key had been used: the answer is the order made the first time. */
  replayed: boolean;
}

export async function findIdempotencyKey(db: Database, scope: string, key: string) {
  return db
    .selectFrom('idempotencyKeys')
    .select(['fingerprint', 'orderId'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

export function replayKey(
  found: { fingerprint: string; orderId: string },
  fingerprint: string,
): IdempotentOutcome {
  if (found.fingerprint !== fingerprint) {
    throw unprocessable('this idempotency key was already used for a different request', {
      reason: 'idempotency_key_reused',
    });
  }
  nothingToAudit('a replay answered with the order its idempotency key made');
  return { orderId: found.orderId, replayed: true };
}

/**
 * Runs `create` at most once per (scope, key). The key row is inserted first, in the same
 * transaction as the order, carrying the id the order will get (the foreign key is checked at
 * commit). A concurrent request with the same key blocks on that insert until the first
 * commits, then answers with its order; if the first failed, its key is gone and this one runs.
 */
export async function createOnce(
  db: Database,
  request: { scope: string; key: string; fingerprint: string },
  create: (trx: Tx, orderId: string) => Promise<void>,
): Promise<IdempotentOutcome> {
  const known = await findIdempotencyKey(db, request.scope, request.key);
  if (known) return replayKey(known, request.fingerprint);
  const orderId = randomUUID();
  const claimed = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('idempotencyKeys')
      .values({ scope: request.scope, key: request.key, fingerprint: request.fingerprint, orderId })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('orderId')
      .executeTakeFirst();
    if (!inserted) return false;
    await create(trx, orderId);
    return true;
  });
  if (claimed) return { orderId, replayed: false };
  const winner = await findIdempotencyKey(db, request.scope, request.key);
  if (!winner) {
    throw conflict(
      'a request with this idempotency key is still being processed, retry',
      because('request_in_progress'),
    );
  }
  return replayKey(winner, request.fingerprint);
}
