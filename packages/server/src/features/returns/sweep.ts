import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/errors';
import { dueReturns } from './repository';
import { settleOverdueReturn } from './service';

const BATCH = 500;

/**
 * The deadlines of returns, run inside the commerce sweep's lock: a seller silent for 48 hours
 * has agreed; a refused buyer who neither accepted nor went to arbitration in 7 days lets the
 * sale stand. An order that moved meanwhile is skipped.
 */
export async function sweepReturns(deps: Pick<AppDeps, 'db'>, now: Date) {
  const due = await dueReturns(deps.db, now, BATCH);
  let approved = 0;
  let lapsed = 0;
  for (const [ids, kind] of [
    [due.unanswered, 'unanswered'],
    [due.lapsed, 'lapsed'],
  ] as const) {
    for (const orderId of ids) {
      try {
        await settleOverdueReturn(deps, orderId, kind, now);
        if (kind === 'unanswered') approved++;
        else lapsed++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
  }
  return { returnsAutoApproved: approved, returnsLapsed: lapsed };
}
