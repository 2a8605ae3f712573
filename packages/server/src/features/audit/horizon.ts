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
 * taken; one of them still running in this database shows in pg_stat_activity, read afterwards
 * (a transaction's first read of it is fresh); one that ended in between has committed before the
 * entries are read, in a later statement. A session whose details this role may not see (another
 * role, without pg_read_all_stats) could hide its transaction: then the server-wide oldest running
 * transaction is the horizon, as safe as before, only slower.
 */
export async function sequencingHorizon(trx: Tx): Promise<string> {
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
  if (running.some((session) => session.hidden)) return xmin;
  // 32-bit ids of running transactions, widened against xmax (they are less than 2^31 behind it).
  const next = BigInt(xmax);
  let horizon = next;
  for (const { xid } of running) {
    if (xid === null) continue;
    const behind = ((((next % XID_SPACE) - BigInt(xid)) % XID_SPACE) + XID_SPACE) % XID_SPACE;
    const full = next - behind;
    if (full < horizon) horizon = full;
  }
  return horizon.toString();
}
