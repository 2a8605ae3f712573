import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { runPeriodically, withAdvisoryLock } from '../../lib/periodic';
import { announceGiveawaySoon } from '../giveaways/announce';
import { drawGiveaway, listDueGiveaways } from '../giveaways/draw';
import { listUnsettledMismatches } from '../inspections/repository';
import { settleMismatch } from '../inspections/result';

/** Its own key beside the commerce sweep's: the two never wait on each other. */
const FOLLOW_UP_LOCK_KEY = 0x6a6c_6677; // 'jlfw'
const BATCH = 200;

export interface FollowUpSweepReport {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  giveawaysDrawn: number;
  inspectionRefundsSettled: number;
}

type Deps = Pick<AppDeps, 'db' | 'config' | 'logger' | 'livekit'>;

/**
 * Work owed after a deadline or a failed outside call, under a PostgreSQL advisory lock: giveaways
 * whose draw time passed are drawn (nobody on the stage drew them), and inspection mismatches whose
 * refund did not go through (the payment provider failed) are retried. `now` is a parameter so
 * tests can run it with a clock ahead.
 */
export async function sweepFollowUps(deps: Deps, now: Date = new Date()): Promise<FollowUpSweepReport> {
  const report: FollowUpSweepReport = { ran: false, giveawaysDrawn: 0, inspectionRefundsSettled: 0 };
  const ran = await withAdvisoryLock(deps.db, FOLLOW_UP_LOCK_KEY, async () => {
    for (const id of await listDueGiveaways(deps.db, now, BATCH)) {
      // A draw from the stage in between answers 409: someone else did it.
      await drawGiveaway(deps.db, id, 'system', now).then(
        () => {
          report.giveawaysDrawn++;
          announceGiveawaySoon(deps, id, { force: true });
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
        },
      );
    }
    for (const id of await listUnsettledMismatches(deps.db, BATCH)) {
      try {
        if (await settleMismatch(deps, id)) report.inspectionRefundsSettled++;
      } catch (error) {
        deps.logger.warn({ err: error, inspectionId: id }, 'inspection refund still failing');
      }
    }
    return true;
  });
  return { ...report, ran: ran === true };
}

/** Runs `sweepFollowUps` every `intervalMs` until stopped; failures are logged, not thrown. */
export function startFollowUpSweeper(deps: Deps, intervalMs: number) {
  return runPeriodically(deps.logger, intervalMs, 'follow-up sweep failed', () => sweepFollowUps(deps));
}
