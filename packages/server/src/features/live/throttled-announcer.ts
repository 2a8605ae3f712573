import type { Logger } from 'pino';
import type { LiveKitGateway } from './livekit-gateway';

/** What an announcer needs of the app; each feature adds what its claim and send read (`db`). */
export interface AnnouncerDeps {
  livekit: LiveKitGateway | null;
  logger: Pick<Logger, 'warn'>;
}

/** What a claim of the shared throttle row answered. */
export interface ThrottleClaim {
  /** This instance took the slot: it sends now. */
  claimed: boolean;
  /** Not claimed, and the room has not seen the latest change yet: this instance owes a trailing send. */
  changePending: boolean;
}

export interface ThrottledAnnouncer<D extends AnnouncerDeps, O extends object> {
  /** Claims the slot and, if this instance got it, sends. `force` (start, close) always sends. */
  announce(deps: D, id: string, options?: Partial<O> & { force?: boolean }): Promise<boolean>;
  /**
   * Fire and forget: a request's answer never waits for the room update, and a failure is logged,
   * never thrown. Within the interval of this instance's own last claim attempt nothing is asked of
   * the database; the change goes out with the trailing update instead.
   */
  soon(deps: D, id: string, options?: Partial<O> & { force?: boolean }): void;
}

/**
 * A room update per id (flash sale, auction, giveaway) sent at most about once per `intervalMs`
 * across all API instances, never swallowing the last state of a burst. The cross-instance throttle
 * is the feature's `claim`, a conditional UPDATE of a row of its own (apart from the hot row, so
 * requests never wait on it; a failed condition takes no lock, so the losers skip without waiting).
 * An instance that loses while a change is pending owes one trailing send, a timer per id. On top,
 * a local pre-check spares the database the claims that can only lose.
 */
export function throttledAnnouncer<D extends AnnouncerDeps, O extends object = object>(feature: {
  intervalMs: number;
  /** The log line of a failed fire-and-forget update, e.g. 'flash sale update not sent'. */
  failure: string;
  /** What the id is called in that log line (`saleId`, `auctionId`, …). */
  idKey: string;
  /** Tries to take the slot (`force` takes it anyway); `undefined` when there is nothing to announce. */
  claim(deps: D, id: string, options: Partial<O> & { force: boolean }): Promise<ThrottleClaim | undefined>;
  /** Reads the row as it is now, builds the message and broadcasts it; answers whether it went out. */
  send(deps: D, id: string): Promise<boolean>;
}): ThrottledAnnouncer<D, O> {
  /** Trailing updates this instance still owes, one per id: the last state is never swallowed. */
  const trailing = new Map<string, NodeJS.Timeout>();
  /** When this instance last tried (or won) each id's claim: the local pre-check. */
  const lastAttempt = new Map<string, number>();

  const noteAttempt = (id: string) => {
    if (lastAttempt.size > 1_000) lastAttempt.clear();
    lastAttempt.set(id, performance.now());
  };

  async function announce(deps: D, id: string, options: Partial<O> & { force?: boolean } = {}) {
    if (!deps.livekit) return false;
    // Counted from the attempt, not from its answer: the requests that finish while this claim is
    // on its way join the trailing update instead of each sending a claim that can only lose.
    noteAttempt(id);
    const claim = await feature.claim(deps, id, { ...options, force: options.force ?? false });
    if (!claim) return false;
    if (!claim.claimed) {
      if (claim.changePending) scheduleTrailing(deps, id);
      return false;
    }
    // Counted again from the win: the database's interval began after the attempt, so a claim sent
    // before this one's interval has run out locally would only lose.
    noteAttempt(id);
    return feature.send(deps, id);
  }

  function fireAndForget(deps: D, id: string, options?: Partial<O> & { force?: boolean }) {
    announce(deps, id, options).catch((error: unknown) =>
      deps.logger.warn({ err: error, [feature.idKey]: id }, feature.failure),
    );
  }

  function scheduleTrailing(deps: D, id: string) {
    if (trailing.has(id)) return;
    const timer = setTimeout(() => {
      trailing.delete(id);
      fireAndForget(deps, id);
    }, feature.intervalMs);
    timer.unref();
    trailing.set(id, timer);
  }

  function soon(deps: D, id: string, options: Partial<O> & { force?: boolean } = {}) {
    if (!deps.livekit) return;
    const last = lastAttempt.get(id);
    if (!options.force && last !== undefined && performance.now() - last < feature.intervalMs) {
      scheduleTrailing(deps, id);
      return;
    }
    fireAndForget(deps, id, options);
  }

  return { announce, soon };
}
