import type { Database } from '../../db/database';
import { type FlashSaleRow, readFlashSale } from './repository';

/**
 * A per-instance snapshot of each sale, at most this old, for the cheap refusals before a grab
 * (sold out, not started, ended): a crowd arriving after the last piece is answered without a
 * query on the sale at all. A snapshot that says "running" only lets the attempt through to the
 * database, which decides; one that wrongly says "sold out" can only be stale by this much after
 * a released piece, which is indistinguishable from losing the race for it.
 */
const SNAPSHOT_MS = 100;
const MAX_ENTRIES = 1_000;
const snapshots = new Map<string, { sale: FlashSaleRow; at: number }>();

/** Reads under way: a crowd missing the snapshot together waits for one read, not one each. */
const reading = new Map<string, Promise<FlashSaleRow | undefined>>();

export async function saleSnapshot(db: Database, saleId: string): Promise<FlashSaleRow | undefined> {
  const cached = snapshots.get(saleId);
  if (cached && performance.now() - cached.at < SNAPSHOT_MS) return cached.sale;
  const pending = reading.get(saleId);
  if (pending) return pending;
  const read = readFlashSale(db, saleId)
    .then((sale) => {
      if (snapshots.size >= MAX_ENTRIES) snapshots.clear();
      if (sale) snapshots.set(saleId, { sale, at: performance.now() });
      return sale;
    })
    .finally(() => reading.delete(saleId));
  reading.set(saleId, read);
  return read;
}

/** The snapshot if this instance has a fresh one; never reads. */
export function peekSnapshot(saleId: string): FlashSaleRow | undefined {
  const cached = snapshots.get(saleId);
  return cached && performance.now() - cached.at < SNAPSHOT_MS ? cached.sale : undefined;
}

/** What this instance just learned from its own decrement. */
export function noteRemaining(saleId: string, remaining: number) {
  const cached = snapshots.get(saleId);
  if (cached) cached.sale = { ...cached.sale, remaining };
}

/** This instance changed the sale (end, released piece): read it afresh next time. */
export function forgetSale(saleId: string) {
  snapshots.delete(saleId);
}
