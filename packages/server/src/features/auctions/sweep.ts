import type { AppDeps } from '../../deps';
import { runPeriodically, withAdvisoryLock } from '../../lib/periodic';
import { closeAuction } from './close';
import { settleWinnerDeposits } from './deposits';

/** One key for the whole cluster: only one API instance closes auctions at a time. */
const SWEEP_LOCK_KEY = 0x6a6c_6175; // 'jlau'
const BATCH = 500;

export interface AuctionSweepReport {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  auctionsClosed: number;
  depositsSettled: number;
}

type Deps = Pick<AppDeps, 'db' | 'config' | 'livekit' | 'logger'>;

/**
 * Auctions whose end has passed are closed (hammer order or stock back), and winners' deposits
 * settle once their order is paid or cancelled. Under a PostgreSQL advisory lock; closing is
 * safe to race anyway (row lock + `closed_at`), the lock only spares duplicate work. `now` is a
 * parameter so tests can run it with a clock ahead.
 */
export async function sweepAuctions(deps: Deps, now: Date = new Date()): Promise<AuctionSweepReport> {
  const report = await withAdvisoryLock(deps.db, SWEEP_LOCK_KEY, async () => {
    const due = await deps.db
      .selectFrom('auctions')
      .select('id')
      .where('closedAt', 'is', null)
      .where('endsAt', '<=', now)
      .orderBy('endsAt')
      .limit(BATCH)
      .execute();
    let auctionsClosed = 0;
    for (const { id } of due) {
      if (await closeAuction(deps, id, { now })) auctionsClosed++;
    }
    return { ran: true, auctionsClosed, depositsSettled: await settleWinnerDeposits(deps, BATCH) };
  });
  return report ?? { ran: false, auctionsClosed: 0, depositsSettled: 0 };
}

export function startAuctionSweeper(deps: Deps, intervalMs: number) {
  return runPeriodically(deps.logger, intervalMs, 'auction sweep failed', () => sweepAuctions(deps));
}
