import { sql } from 'kysely';
import type { Tx } from './log-repository';

const XID_SPACE = 2n ** 32n;

/**
 * A transaction id below which every transaction that could write to this database has ended, so
 * no audit entry with a smaller `xact_id` can still appear: the oldest transaction id still held by
 * a session (or a prepared transaction) of this database, else the next id to be assigned.
 *
 * Only this database's sessions count, so a long transaction in another database on the same
 * server does not hold the log back. Ids below a snapshot's xmax were all assigned before it was
 * taken (running ones may also be above it: those do not matter); one below it still running in this database shows in pg_stat_activity, read afterwards
 * (a transaction's first read of it is fresh); one that ended in between has committed before the
 * entries are read, in a later statement. A session whose details this role may not see (another
 * role, without pg_read_all_stats) could hide its transaction: then the server-wide oldest running
 * transaction is the horizon, as safe as before, only slower. `next` is the next id to be assigned.
 */
export async function sequencingHorizon(trx: Tx): Promise<{ horizon: string; next: string }> {
  const { rows: snapshot } = await sql<{ xmin: string; xmax: string }>`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
           pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(trx);
  const { xmin, xmax } = snapshot[0] as { xmin: string; xmax: string };
  const { rows: running } = await sql<{ xid: string | null; hidden: boolean }>`
    select backend_xid::text as xid, state is null as hidden
    from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()
      and (backend_xid is not null or (state is null and backend_type = 'client backend'))
    union all
    select transaction::text, false from pg_prepared_xacts where database = current_database()`.execute(trx);
  if (running.some((session) => session.hidden)) return { horizon: xmin, next: xmax };
  const next = BigInt(xmax);
  let horizon = next;
  for (const { xid } of running) {
    if (xid === null) continue;
    const full = widenXid(BigInt(xid), next);
    if (full < horizon) horizon = full;
  }
  return { horizon: horizon.toString(), next: xmax };
}

/**
 * The 64-bit id of a 32-bit transaction id, taken as the one nearest `reference` (a running
 * transaction is within 2^31 of any recent snapshot, ahead of its xmax as well as behind it).
 */
export function widenXid(xid: bigint, reference: bigint): bigint {
  const ahead = (((xid - (reference % XID_SPACE)) % XID_SPACE) + XID_SPACE) % XID_SPACE;
  return ahead < XID_SPACE / 2n ? reference + ahead : reference + ahead - XID_SPACE;
}
