/**
 * Point look-ups of concurrent requests, coalesced into one query per batch. At most `inFlight`
 * queries run at once; whoever asks meanwhile waits and joins the next one (at most `maxBatch`
 * keys). A quiet server queries at the end of the event-loop turn, as good as at once; a crowd
 * shares round trips instead of each request taking a pool connection, a socket write and a
 * backend wake-up of its own.
 *
 * A query is only ever sent after every caller in it asked, so nobody gets an answer older than
 * their own request: a session revoked before a request arrived is refused as it was with one
 * query per request. Nothing is cached between batches.
 */
export type CoalescedLookup<K, V> = (key: K) => Promise<V | undefined>;

export function coalescedLookup<K, V>(options: {
  /** Answers a batch of distinct keys; keys without a row are left out of the map. */
  load: (keys: K[]) => Promise<Map<string, V>>;
  /** How a key is compared (and found in the map `load` returns). */
  id: (key: K) => string;
  inFlight?: number;
  maxBatch?: number;
}): CoalescedLookup<K, V> {
  const inFlight = options.inFlight ?? 2;
  const maxBatch = options.maxBatch ?? 64;
  let running = 0;
  let waiting: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];

  const pump = () => {
    while (running < inFlight && waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      const keys = new Map<string, K>();
      for (const entry of batch) keys.set(options.id(entry.key), entry.key);
      running++;
      options
        .load([...keys.values()])
        .then(
          (found) => {
            for (const entry of batch) entry.resolve(found.get(options.id(entry.key)));
          },
          (error: unknown) => {
            for (const entry of batch) entry.reject(error);
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  };

  // Sent at the end of this event-loop turn: the requests parsed in the same turn share the query,
  // instead of the first one or two taking both slots alone while the rest wait behind them.
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    pump();
  };
  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}

/** One coalesced look-up per database handle (tests and benches run several apps in one process). */
export function perDatabase<D extends object, K, V>(
  create: (db: D) => CoalescedLookup<K, V>,
): (db: D) => CoalescedLookup<K, V> {
  const lookups = new WeakMap<D, CoalescedLookup<K, V>>();
  return (db) => {
    let lookup = lookups.get(db);
    if (!lookup) {
      lookup = create(db);
      lookups.set(db, lookup);
    }
    return lookup;
  };
}
