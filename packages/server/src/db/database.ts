import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated';

export type Database = Kysely<DB>;

// bigint columns hold money in fen and counters: far below 2^53, so a JS number is exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// A `date` is a calendar day (a certificate's issue date), not an instant: keep it 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * How long a request may wait for a pooled connection, opening one included. Without a bound, a
 * request made while PostgreSQL is unreachable (restarting, failing over, a dropped network) waits
 * forever; with it, the request fails and the API answers 503 (see `isDatabaseUnreachable`).
 */
export const CONNECT_TIMEOUT_MS = 5_000;

export function createDatabase(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', () => {});
  // Nor a checked-out one: node-postgres rejects its query and then also emits 'error' on the
  // client, which nobody listens to while it is checked out (an uncaught exception that kills the
  // API when PostgreSQL restarts mid-request). The pool drops the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}
