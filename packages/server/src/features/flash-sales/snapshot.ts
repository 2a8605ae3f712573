import type { Database } from '../../db/database';
import { isSessionOpen } from '../live/session-repository';
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
  return sharedRead(reading, saleId, () =>
    readFlashSale(db, saleId).then((sale) => {
      if (snapshots.size >= MAX_ENTRIES) snapshots.clear();
      if (sale) snapshots.set(saleId, { sale, at: performance.now() });
      return sale;
    }),
  );
}

/**
 * Whether the sale's live session is still open, as of at most SNAPSHOT_MS ago (by sale, so
 * `forgetSale` drops it with the sale): a crowd shares one look-up instead of one query per grab.
 * Stale by that much at most, like the sale's snapshot; the sale itself is ended in the database
 * when its session ends (settlement), and the grab batch only sells while the sale is open.
 */
const sessionsOpen = new Map<string, { open: boolean; at: number }>();
const readingSessions = new Map<string, Promise<boolean>>();

export async function sessionOpenSnapshot(db: Database, sale: FlashSaleRow): Promise<boolean> {
  const cached = sessionsOpen.get(sale.id);
  if (cached && performance.now() - cached.at < SNAPSHOT_MS) return cached.open;
  return sharedRead(readingSessions, sale.id, () =>
    isSessionOpen(db, sale.sessionId).then((open) => {
      if (sessionsOpen.size >= MAX_ENTRIES) sessionsOpen.clear();
      sessionsOpen.set(sale.id, { open, at: performance.now() });
      return open;
    }),
  );
}

/** One read per key at a time: whoever asks while it runs gets the same answer. */
function sharedRead<T>(under: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  const pending = under.get(key);
  if (pending) return pending;
  const started = read().finally(() => under.delete(key));
  under.set(key, started);
  return started;
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
  sessionsOpen.delete(saleId);
}
